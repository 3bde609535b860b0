// Compares two synthesized stacks the way a plan would see them: which
// addresses stay, which go, and which attributes of the staying ones change.
import { FORCE_NEW_ATTRIBUTES } from './force-new-attributes';

/** Resource types that hold state or serve traffic: replacing one by surprise is an outage or data loss. */
export const STATEFUL_OR_SERVING = [
  'aws_vpc',
  'aws_subnet',
  'aws_ecs_cluster',
  'aws_ecs_service',
  'aws_ssm_parameter',
  'aws_kms_key',
  'aws_ecr_repository',
  'aws_cloudwatch_log_group',
  'cloudflare_zero_trust_tunnel_cloudflared',
  'cloudflare_zero_trust_access_application',
];

/** `type.logicalId` of every resource of a synthesized document. */
export function addresses(doc: any): string[] {
  return Object.entries<any>(doc.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)).sort();
}

/** The resource at `type.logicalId`. */
function at(doc: any, address: string): any {
  const [type, id] = address.split(/\.(.*)/s);
  return doc.resource?.[type]?.[id];
}

/** Value of a dotted attribute path, e.g. `network_configuration.subnets`. */
function attribute(resource: any, path: string): unknown {
  return path.split('.').reduce((value, key) => (value === undefined || value === null ? undefined : value[key]), resource);
}

/** What a plan from `before` to `after` would do to the stateful or serving resources. */
export interface PlanDiff {
  /** Stateful or serving resources whose address disappears (destroyed, or replaced under a new address). */
  readonly removed: string[];
  /** `address: attribute` for every force-new attribute that changes on a resource that stays. */
  readonly replacedBy: string[];
  /** `address` of every resource that stays but changes (an in-place update, or a replacement if listed above). */
  readonly changed: string[];
}

export function planDiff(before: any, after: any): PlanDiff {
  const afterAddresses = new Set(addresses(after));
  const removed: string[] = [];
  const replacedBy: string[] = [];
  const changed: string[] = [];
  for (const address of addresses(before)) {
    const type = address.split('.')[0];
    if (!afterAddresses.has(address)) {
      if (STATEFUL_OR_SERVING.includes(type)) {
        removed.push(address);
      }
      continue;
    }
    const old = at(before, address);
    const next = at(after, address);
    if (JSON.stringify(old) !== JSON.stringify(next)) {
      changed.push(address);
    }
    for (const path of FORCE_NEW_ATTRIBUTES[type]?.attributes ?? []) {
      if (JSON.stringify(attribute(old, path)) !== JSON.stringify(attribute(next, path))) {
        replacedBy.push(`${address}: ${path}`);
      }
    }
  }
  return { removed, replacedBy, changed };
}

/** The replacements of stateful or serving resources only. */
export function statefulReplacements(diff: PlanDiff): string[] {
  return [...diff.removed, ...diff.replacedBy.filter((entry) => STATEFUL_OR_SERVING.includes(entry.split('.')[0]))];
}
