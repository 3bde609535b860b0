/**
 * Readable default names for resources whose names must be unique in an account and region
 * (log groups, SSM parameters, IAM roles). Internal: not part of the public API.
 */
import { createHash } from 'crypto';
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
    .map((scope) => reduced(scope.node.id, allowed))
    .filter((segment) => segment.length > 0);
}

/** A construct id with every character `allowed` does not keep replaced by `-`. */
function reduced(id: string, allowed: RegExp): string {
  return [...id].map((c) => (allowed.test(c) ? c : '-')).join('');
}

/** Longest name of the DNS-label form (what a tunnel, ECS service or cluster name is kept to). */
const LABEL_MAX = 63;

/**
 * A lower-case DNS-label name from the construct path (`<stack>-<id>-<id>`),
 * like AWS CDK's generated names: it never changes unless the construct is
 * moved, so a new hostname or other setting renames nothing. Paths longer
 * than 63 characters keep their start and end in an 8-character hash of the
 * whole path, so two long paths never share a name.
 */
export function pathLabel(construct: Construct): string {
  return labelOf(pathSegments(construct, LABEL_CHAR), construct.node.path);
}

/** The `pathLabel` that a construct `id` under `scope` will have, before it is created. */
export function childPathLabel(scope: Construct, id: string): string {
  const segment = reduced(id, LABEL_CHAR);
  return labelOf([...pathSegments(scope, LABEL_CHAR), ...(segment.length > 0 ? [segment] : [])], childPath(scope, id));
}

/** The path a construct `id` under `scope` will have, e.g. `test/admin`. */
export function childPath(scope: Construct, id: string): string {
  return scope.node.path === '' ? id : `${scope.node.path}/${id}`;
}

const LABEL_CHAR = /[A-Za-z0-9-]/;

function labelOf(segments: string[], path: string): string {
  const full = segments.join('-').toLowerCase().replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (full.length === 0) {
    return `service-${createHash('sha256').update(path).digest('hex').slice(0, 8)}`; // ids without a letter or digit
  }
  if (full.length <= LABEL_MAX) {
    return full;
  }
  const hash = createHash('sha256').update(path).digest('hex').slice(0, 8);
  return `${full.slice(0, LABEL_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
