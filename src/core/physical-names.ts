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
  requirePhysicalNameFree(construct, kind, name, property, construct.node.path);
  claimsOf(TerraformStack.of(construct)).set(`${kind}\u0000${name}`, construct.node.path);
}

/**
 * Fails, like `claimPhysicalName`, when another construct of the stack of
 * `scope` already took the name, without taking it: for a construct that
 * checks the names of its parts before it creates anything.
 *
 * @param claimant path of the construct that will claim the name
 */
export function requirePhysicalNameFree(scope: Construct, kind: string, name: string | undefined, property: string, claimant: string): void {
  if (name === undefined || isToken(name)) {
    return;
  }
  const owner = claimsOf(TerraformStack.of(scope)).get(`${kind}\u0000${name}`);
  if (owner !== undefined && owner !== claimant) {
    invalid(property, name,
      `The ${kind} name is already taken in this stack by ${owner}; ${claimant} needs another one, `
      + 'or the two would create (or fight over) the same resource at apply.');
  }
}

function claimsOf(stack: TerraformStack): Map<string, string> {
  const taken = claims.get(stack) ?? new Map<string, string>();
  claims.set(stack, taken);
  return taken;
}

/** The kinds of physical names that more than one construct checks. */
export const PHYSICAL_NAME_KIND = {
  accessApplicationDomain: 'Access application domain',
  tunnel: 'Cloudflare Tunnel',
  ecsCluster: 'ECS cluster',
  ecsService: 'ECS service',
  ssmParameter: 'SSM parameter',
  dnsRecord: (zoneId: string) => `DNS record (zone ${zoneId})`,
};
