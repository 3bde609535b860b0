/**
 * Physical names that must be unique: two constructs of one stack that would
 * create the same ECS cluster, tunnel, DNS record, SSM parameter... fail at
 * synth instead of fighting at apply. Internal: not part of the public API.
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { invalid, isToken } from './validation';

/** Per stack: `<kind>\0<name>` -> path of the construct that took it. */
const claims = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Records that `construct` creates a `kind` (e.g. "ECS cluster") called
 * `name`, or fails naming both constructs when another one in the stack
 * already does. Tokens cannot be compared and pass.
 *
 * @param property the prop that carries the name, for the error
 */
export function claimPhysicalName(construct: Construct, kind: string, name: string | undefined, property: string): void {
  if (name === undefined || isToken(name)) {
    return;
  }
  const stack = TerraformStack.of(construct);
  const taken = claims.get(stack) ?? new Map<string, string>();
  claims.set(stack, taken);
  const key = `${kind}\u0000${name}`;
  const owner = taken.get(key);
  // A construct removed after a failed build (see the pattern) no longer owns its names.
  if (owner !== undefined && owner !== construct.node.path && stillInTree(stack, owner)) {
    invalid(property, name,
      `The ${kind} name is already taken in this stack by ${owner}; ${construct.node.path} needs another one, `
      + 'or the two would create (or fight over) the same resource at apply.');
  }
  taken.set(key, construct.node.path);
}

function stillInTree(stack: TerraformStack, path: string): boolean {
  return stack.node.findAll().some((c) => c.node.path === path);
}
