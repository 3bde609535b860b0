/**
 * Validation of ECS cluster names and ARNs. Internal: not part of the public API.
 */
import { invalid, isToken } from '../../core/validation';

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
const ARN_PATTERN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/([A-Za-z0-9_-]{1,255})$/;

/** Fails unless `name` is a token or a valid ECS cluster name. */
export function requireClusterName(property: string, name: string): void {
  if (!isToken(name) && !NAME_PATTERN.test(name)) {
    invalid(property, name, 'Expected 1 to 255 letters, digits, hyphens and underscores.');
  }
}

/**
 * The cluster name inside a literal ECS cluster ARN; fails when the ARN is malformed.
 */
export function clusterNameFromArn(property: string, arn: string): string {
  const match = ARN_PATTERN.exec(arn);
  if (!match) {
    invalid(property, arn, 'Expected an ECS cluster ARN such as arn:aws:ecs:eu-west-1:123456789012:cluster/my-cluster.');
  }
  return match[1];
}
