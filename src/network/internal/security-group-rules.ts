/**
 * Builds inline security group rules. Internal: not part of the public API.
 *
 * Terraform's inline `ingress`/`egress` blocks are "attributes as blocks": in
 * JSON every attribute must be present, so unused ones are set to empty values.
 */
import { SecurityGroupEgress, SecurityGroupIngress } from '@cdktf/provider-aws/lib/security-group';

/** The parts of a rule that vary; the rest is filled with empty values. */
export interface InlineRule {
  readonly description: string;
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidrBlocks: string[];
  readonly ipv6CidrBlocks: string[];
}

/** A complete inline rule, usable as an `ingress` or `egress` element. */
export function inlineRule(rule: InlineRule): SecurityGroupEgress & SecurityGroupIngress {
  return {
    description: rule.description,
    protocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    cidrBlocks: rule.cidrBlocks,
    ipv6CidrBlocks: rule.ipv6CidrBlocks,
    prefixListIds: [],
    securityGroups: [],
    selfAttribute: false,
  };
}

/** Characters AWS accepts in security group and rule descriptions. */
const DESCRIPTION_PATTERN = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/;

/** True when AWS accepts `text` as a security group (rule) description. */
export function isValidSecurityGroupDescription(text: string): boolean {
  return DESCRIPTION_PATTERN.test(text);
}

/** The allowed description characters, for error messages. */
export const DESCRIPTION_RULE = 'Expected 1 to 255 characters from a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*';

/** Longest `name_prefix` AWS accepts, given the 26 characters Terraform appends. */
const MAX_NAME_PREFIX_LENGTH = 100;

/**
 * A security group `name_prefix` from a readable name: characters AWS rejects
 * become hyphens, a leading "sg-" (reserved) is avoided, and a hyphen separates
 * the random suffix Terraform appends.
 */
export function securityGroupNamePrefix(name: string): string {
  const prefix = `${name.replace(/[^a-zA-Z0-9._-]/g, '-').slice(0, MAX_NAME_PREFIX_LENGTH - 7)}-`;
  return /^sg-/i.test(prefix) ? `group-${prefix}` : prefix;
}
