/**
 * Checks of the form of one policy's options, shared by AccessPolicy and
 * AccessApplication (which checks all its policies before it creates any).
 * Who a policy lets in is decided by the Access model. Internal.
 */
import { AccessDecision } from '../decision';
import type { AccessPolicyOptions } from '../policy';
import type { AccessRule } from '../rule';
import { requireSessionDuration } from './value-checks';
import { DNS_LABEL_FORM, isDnsLabel } from '../../core/dns-label';
import { invalid, isToken, requireOneOf, requireText, requireUnique } from '../../core/validation';

const DECISIONS = Object.values(AccessDecision) as string[];

/**
 * Fails on the first problem in `options`.
 *
 * @param prefix how the user reaches these options, e.g. `policies[1].` ('' for a standalone policy)
 */
export function checkPolicyOptions(prefix: string, options: AccessPolicyOptions): void {
  const decision = options.decision ?? AccessDecision.ALLOW;
  requireText(`${prefix}name`, options.name);
  requireOneOf(`${prefix}decision`, decision, DECISIONS);
  if (!Array.isArray(options.include) || options.include.length === 0) {
    invalid(`${prefix}include`, options.include, 'Expected at least one rule: a policy with no include rule matches nobody.');
  }
  if (options.sessionDuration !== undefined) {
    requireSessionDuration(`${prefix}sessionDuration`, options.sessionDuration);
  }

  const bypassConfirmed = options.dangerouslyBypassAuthentication === true;
  if (decision === AccessDecision.BYPASS && !bypassConfirmed) {
    invalid(`${prefix}decision`, decision,
      'A BYPASS policy lets matching requests reach the origin with no authentication at all. '
      + 'Set dangerouslyBypassAuthentication: true to confirm, or use ALLOW or NON_IDENTITY.');
  }
  if (bypassConfirmed && decision !== AccessDecision.BYPASS) {
    invalid(`${prefix}dangerouslyBypassAuthentication`, true,
      `Only meaningful with decision BYPASS, but decision is ${decision.toUpperCase()}; remove it.`);
  }

  const lists: Array<[string, AccessRule[] | undefined]> = [
    ['include', options.include],
    ['exclude', options.exclude],
    ['require', options.require],
  ];
  for (const [list, rules] of lists) {
    (rules ?? []).forEach((rule, i) => {
      checkRule(`${prefix}${list}[${i}]`, rule, decision);
      if (list === 'require') {
        requireSingleElement(`${prefix}${list}[${i}]`, rule);
      }
    });
  }
}

/**
 * In `require`, every element of the provider's list is a requirement of its
 * own and all must match (provider v5 writes one selector per element): a
 * rule over several addresses or ranges there lets nobody in.
 */
export function requireSingleElement(property: string, rule: AccessRule): void {
  if (rule._listExpression !== undefined || rule._selectors.length > 1) {
    invalid(property, rule._kind === 'ipRanges' ? `AccessRule.ipRanges(${JSON.stringify(rule._ipRanges())})` : `AccessRule.${rule._kind}(...)`,
      'In require, each element of the list is a requirement of its own and all must match: a person has one address and a request '
      + 'one IP, so several of them (or a whole Terraform list) let nobody in. Require one value, or put the alternatives in an '
      + 'AccessGroup and require AccessRule.membersOf(group).');
  }
}

/** Fails unless `rule` was made by an `AccessRule` factory (guards callers outside TypeScript). */
export function requireAccessRule(property: string, rule: AccessRule): void {
  if (!rule || !Array.isArray(rule._selectors)) {
    invalid(property, rule, 'Expected an AccessRule made by one of its static factories, e.g. AccessRule.emails([...]).');
  }
}

/** The form of one rule; who it lets in is the Access model's question (see internal/access-model). */
function checkRule(property: string, rule: AccessRule, decision: string): void {
  requireAccessRule(property, rule);
  const requestOnly = decision === AccessDecision.NON_IDENTITY || decision === AccessDecision.BYPASS;
  if (requestOnly && rule._needsIdentity()) {
    invalid(property, rule._shown(),
      `A ${decision.toUpperCase()} policy never asks anyone to log in, so it can only use rules about the request: `
      + 'serviceToken, anyValidServiceToken, ipRanges, accessGroup or everyone. Put identity rules in an ALLOW policy.');
  }
}

/** The key of the one policy without a key; reserved, with its look-alikes. */
export const UNKEYED_POLICY_KEY = 'policy-1';
const POSITION_KEY = /^policy-[0-9]+$/;

/**
 * Keys name the policies' Terraform addresses: well formed, unique, and given
 * for every policy as soon as there is more than one.
 *
 * @param property how the user reaches the list, e.g. `policies` or `access.policies`
 */
export function requirePolicyKeys(property: string, policies: readonly AccessPolicyOptions[]): void {
  const unkeyed = policies.map((options, i) => (options.key === undefined ? i : -1)).filter((i) => i >= 0);
  policies.forEach((options, i) => {
    if (options.key === undefined && unkeyed.length > 1) {
      invalid(`${property}[${i}].key`, undefined,
        'Give each policy a key when there is more than one (e.g. key: "former-staff"; at most one may go without): it '
        + 'names the policy\'s Terraform address, so reordering, inserting or renaming policies never rewrites one '
        + 'policy into another, which could drop a DENY for the length of an apply.');
    }
    if (options.key !== undefined && (isToken(options.key) || !isDnsLabel(options.key))) {
      invalid(`${property}[${i}].key`, options.key,
        `${DNS_LABEL_FORM} `
        + '(it names the Terraform resource, so it cannot be a token).');
    }
    if (options.key !== undefined && POSITION_KEY.test(options.key)) {
      invalid(`${property}[${i}].key`, options.key,
        'Keys of the form policy-<number> are kept for the policy without a key (an address a later key must not '
        + 'take over, or a policy could be rewritten in place into another one); choose another key.');
    }
  });
  requireUnique(`${property}[].key`, policies.flatMap((options) => (options.key === undefined ? [] : [options.key])));
}
