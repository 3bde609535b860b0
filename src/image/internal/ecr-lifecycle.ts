/**
 * The lifecycle policy every repository created by this library carries. Internal: not part of the
 * public API.
 */
import { Token } from 'cdktf';
import { isToken } from '../../core/validation';

/** Writes a number into JSON text, as a Terraform interpolation when it is not known yet. */
function numberLiteral(value: number): string {
  return isToken(value) ? Token.asString(value) : String(value);
}

/**
 * Expires only what no deployment can need. Untagged images (left behind when a mutable tag is pushed
 * again or a build fails half way) expire after `untaggedImageExpiryDays`. Tagged images expire only when
 * `taggedImageExpiryDays` is given, by age; never by count, which would expire an image a service still
 * runs as soon as enough newer ones are pushed. The `any` rule must have the highest priority number, as
 * ECR requires; untagged images match the first rule and no later one, so it only expires tagged images.
 */
export function lifecyclePolicyJson(untaggedImageExpiryDays: number, taggedImageExpiryDays?: number): string {
  const rules: Array<[tagStatus: string, description: string, days: number]> = [
    ['untagged', 'Expire untagged images', untaggedImageExpiryDays],
  ];
  if (taggedImageExpiryDays !== undefined) {
    rules.push(['any', 'Expire tagged images past the retention window', taggedImageExpiryDays]);
  }
  // countNumber must be a JSON number (or a token): a placeholder string is swapped for it after encoding.
  const json = JSON.stringify({
    rules: rules.map(([tagStatus, description], i) => ({
      rulePriority: i + 1,
      description,
      selection: { tagStatus, countType: 'sinceImagePushed', countUnit: 'days', countNumber: `@DAYS_${i}@` },
      action: { type: 'expire' },
    })),
  });
  return rules.reduce((text, [, , days], i) => text.replace(`"@DAYS_${i}@"`, numberLiteral(days)), json);
}
