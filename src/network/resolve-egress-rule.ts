/**
 * Validation and defaults of `EgressRule`. Internal: not part of the public API.
 */
import { EgressRule } from './egress-rule';
import { DESCRIPTION_RULE, InlineRule, isValidSecurityGroupDescription } from './internal/security-group-rules';
import { isIpv6Cidr, parseIpv4Cidr } from '../core/cidr';
import { PropPath } from '../core/prop-path';
import { invalid, isToken, requireIntegerInRange, requireNonEmpty } from '../core/validation';

/** Port limits and defaults for one kind of protocol. */
interface PortPolicy {
  readonly min: number;
  readonly max: number;
  readonly defaultFrom: number;
  readonly defaultTo: number;
  /** When set, the only accepted value for both ports. */
  readonly fixed?: number;
}

const TCP_UDP: PortPolicy = { min: 0, max: 65535, defaultFrom: 0, defaultTo: 65535 };
const ICMP: PortPolicy = { min: -1, max: 255, defaultFrom: -1, defaultTo: -1 };
const ALL_TRAFFIC: PortPolicy = { min: 0, max: 0, defaultFrom: 0, defaultTo: 0, fixed: 0 };
const OTHER: PortPolicy = { min: 0, max: 65535, defaultFrom: 0, defaultTo: 0 };

/** Port policy of a protocol, or undefined when the protocol is not accepted. */
function portPolicy(protocol: string): PortPolicy | undefined {
  switch (protocol) {
    case '-1': return ALL_TRAFFIC;
    case 'tcp':
    case 'udp': return TCP_UDP;
    case 'icmp':
    case 'icmpv6': return ICMP;
    default:
      return /^\d{1,3}$/.test(protocol) && Number(protocol) <= 255 ? OTHER : undefined;
  }
}

/**
 * Validates one egress rule and fills in its defaults. Internal: not part of the public API.
 *
 * @param property where the rule sits, e.g. `egressRules[2]`
 */
export function resolveEgressRule(property: string, rule: EgressRule): InlineRule {
  const description = rule.description;
  if (!isToken(description) && (typeof description !== 'string' || !isValidSecurityGroupDescription(description))) {
    invalid(`${property}.description`, description, `${DESCRIPTION_RULE}: every rule must say why it exists.`);
  }

  const protocol = rule.protocol ?? '-1';
  const policy = isToken(protocol) ? OTHER : portPolicy(protocol);
  if (!policy) {
    invalid(`${property}.protocol`, protocol, "Expected '-1' (all traffic), 'tcp', 'udp', 'icmp', 'icmpv6' or a protocol number from 0 to 255.");
  }

  const fromPort = rule.fromPort ?? (policy === TCP_UDP && rule.toPort !== undefined ? rule.toPort : policy.defaultFrom);
  const toPort = rule.toPort ?? (policy === TCP_UDP && rule.fromPort !== undefined ? rule.fromPort : policy.defaultTo);
  for (const [name, port] of [['fromPort', fromPort], ['toPort', toPort]] as const) {
    if (isToken(port)) {
      continue;
    }
    if (policy.fixed !== undefined && port !== policy.fixed) {
      invalid(`${property}.${name}`, port, `Protocol '-1' covers all ports; leave ${name} unset or set it to 0.`);
    }
    requireIntegerInRange(`${property}.${name}`, port, policy.min, policy.max);
  }
  if (policy === TCP_UDP && !isToken(fromPort) && !isToken(toPort) && fromPort > toPort) {
    invalid(`${property}.fromPort`, fromPort, `Expected a port not greater than toPort (${toPort}).`);
  }

  const ipv6CidrBlocks = rule.ipv6CidrBlocks ?? [];
  const cidrBlocks = rule.cidrBlocks ?? (ipv6CidrBlocks.length === 0 ? ['0.0.0.0/0'] : []);
  (isToken(cidrBlocks) ? [] : cidrBlocks).forEach((cidr, i) => {
    if (!isToken(cidr) && !parseIpv4Cidr(cidr)) {
      invalid(`${property}.cidrBlocks[${i}]`, cidr, 'Expected an IPv4 CIDR block in network form, e.g. 0.0.0.0/0 or 10.0.0.0/16.');
    }
  });
  (isToken(ipv6CidrBlocks) ? [] : ipv6CidrBlocks).forEach((cidr, i) => {
    if (!isToken(cidr) && !isIpv6Cidr(cidr)) {
      invalid(`${property}.ipv6CidrBlocks[${i}]`, cidr, 'Expected an IPv6 CIDR block in network form, e.g. ::/0 or 2001:db8::/32.');
    }
  });
  if (cidrBlocks.length + ipv6CidrBlocks.length === 0) {
    invalid(`${property}.cidrBlocks`, cidrBlocks, 'Expected at least one destination in cidrBlocks or ipv6CidrBlocks.');
  }

  return { description, protocol, fromPort, toPort, cidrBlocks, ipv6CidrBlocks };
}

/** Checks a security group's outbound rules, named under `path` (`service.` through the pattern); unset rules are not checked. */
export function checkEgressRules(rules: EgressRule[] | undefined, path: PropPath): void {
  if (rules === undefined) {
    return;
  }
  if (!Array.isArray(rules)) {
    invalid(path.of('egressRules'), rules, 'Expected a list of egress rules, e.g. [{ description: "HTTPS out", fromPort: 443, toPort: 443 }], or leave it unset for all outbound traffic.');
  }
  requireNonEmpty(path.of('egressRules'), rules);
  rules.forEach((rule, i) => resolveEgressRule(path.of(`egressRules[${i}]`), rule));
}
