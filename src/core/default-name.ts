/**
 * Readable default names for resources whose names must be unique in an account and region
 * (log groups, SSM parameters, IAM roles). Internal: not part of the public API.
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/**
 * The construct ids from the stack down to `construct`, each reduced to the characters `allowed` keeps.
 *
 * The stack's own id comes first, so two stacks deploying the same construct tree to one account do
 * not fight over a name.
 */
export function pathSegments(construct: Construct, allowed: RegExp): string[] {
  const stack = TerraformStack.of(construct);
  const below = construct.node.scopes.slice(construct.node.scopes.indexOf(stack) + 1);
  return [stack, ...below]
    .map((scope) => [...scope.node.id].map((c) => (allowed.test(c) ? c : '-')).join(''))
    .filter((segment) => segment.length > 0);
}
