/**
 * The lifecycle policy every repository created by this library carries. Internal: not part of the
 * public API.
 */
import { Token } from 'cdktf';

/** Writes a number into JSON text, as a Terraform interpolation when it is not known yet. */
function numberLiteral(value: number): string {
  return Token.isUnresolved(value) ? Token.asString(value) : String(value);
}

/**
 * Two rules: untagged images (left behind when a tag is pushed again or a build fails half way)
 * expire after `untaggedImageExpiryDays`; of all images, only the newest `maxImageCount` are kept.
 * The `any` rule must have the highest priority number, as ECR requires.
 */
export function lifecyclePolicyJson(maxImageCount: number, untaggedImageExpiryDays: number): string {
  const policy = {
    rules: [
      {
        rulePriority: 1,
        description: 'Expire untagged images',
        selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: '@UNTAGGED_DAYS@' },
        action: { type: 'expire' },
      },
      {
        rulePriority: 2,
        description: 'Keep only the newest images',
        selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: '@MAX_COUNT@' },
        action: { type: 'expire' },
      },
    ],
  };
  return JSON.stringify(policy)
    .replace('"@UNTAGGED_DAYS@"', numberLiteral(untaggedImageExpiryDays))
    .replace('"@MAX_COUNT@"', numberLiteral(maxImageCount));
}
