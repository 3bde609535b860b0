/**
 * Checks of one policy's options, shared by AccessPolicy and AccessApplication
 * (which checks all its policies before it creates any). Internal.
 */
import { Token } from 'cdktf';
import { AccessDecision } from './decision';
import type { AccessPolicyOptions } from './policy';
import type { AccessRule } from './rule';
import { requireSessionDuration, requireText } from './validation';
import { wholeFamilyCovered } from '../core/cidr';
import { invalid, requireUnique } from '../core/validation';

const DECISIONS = Object.values(AccessDecision) as string[];

/**
 * Fails on the first problem in `options`.
 *
 * @param prefix how the user reaches these options, e.g. `policies[1].` ('' for a standalone policy)
 */
export function checkPolicyOptions(prefix: string, options: AccessPolicyOptions): void {
  const decision = options.decision ?? AccessDecision.ALLOW;
  requireText(`${prefix}name`, options.name);
  if (!DECISIONS.includes(decision)) {
    invalid(`${prefix}decision`, decision, `Expected one of ${DECISIONS.join(', ')}.`);
  }
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
    (rules ?? []).forEach((rule, i) => checkRule(`${prefix}${list}[${i}]`, list, rule, decision, options));
  }
  checkOpenIpRanges(prefix, decision, options);
}

/** How a policy is named in error messages. */
function policyLabel(options: AccessPolicyOptions): string {
  return `policy ${JSON.stringify(options.name)}`;
}

function checkRule(property: string, list: string, rule: AccessRule, decision: string, options: AccessPolicyOptions): void {
  if (!rule || !Array.isArray(rule._selectors)) {
    invalid(property, rule, 'Expected an AccessRule made by one of its static factories, e.g. AccessRule.emails([...]).');
  }
  const requestOnly = decision === AccessDecision.NON_IDENTITY || decision === AccessDecision.BYPASS;
  if (requestOnly && rule._needsIdentity()) {
    invalid(property, rule._shown(),
      `A ${decision.toUpperCase()} policy never asks anyone to log in, so it can only use rules about the request: `
      + 'serviceToken, anyValidServiceToken, ipRanges, accessGroup or everyone. Put identity rules in an ALLOW policy.');
  }
  if (list !== 'include') {
    return; // exclude and require only narrow a policy down
  }
  const ofGroup = rule._kind === 'membersOf';
  if (rule._isEveryone()) {
    requireEveryoneConfirmed(property, ofGroup ? rule._shown() : 'AccessRule.everyone()',
      ofGroup ? 'the group includes everyone' : 'this rule matches everyone', decision, options);
  }
  if (rule._isAnyValidServiceToken() && options.allowEveryServiceTokenOfTheAccount !== true) {
    invalid(property, ofGroup ? rule._shown() : 'AccessRule.anyValidServiceToken()',
      `In ${policyLabel(options)} this accepts every service token of the whole Cloudflare account, including tokens `
      + 'issued for other apps and scripts. Name the tokens with AccessRule.serviceToken(token.tokenId), '
      + 'or set allowEveryServiceTokenOfTheAccount: true on the policy to confirm.');
  }
}

/**
 * An include rule that lets in anyone: confirmed with allowEveryoneWhoCanLogIn
 * in an ALLOW policy, never allowed in a NON_IDENTITY policy (no login at all).
 */
function requireEveryoneConfirmed(property: string, shown: string, why: string, decision: string, options: AccessPolicyOptions): void {
  if (decision === AccessDecision.ALLOW && options.allowEveryoneWhoCanLogIn !== true) {
    invalid(property, shown,
      `In ${policyLabel(options)} ${why}: an ALLOW policy then lets in anyone who can log in through any identity provider `
      + 'of the account (with one-time PIN: anyone with an email address). Set allowEveryoneWhoCanLogIn: true on the policy '
      + 'to confirm, or name the people with emails, emailDomain or a group.');
  }
  if (decision === AccessDecision.NON_IDENTITY) {
    invalid(property, shown,
      `In ${policyLabel(options)} ${why}: a NON_IDENTITY policy then lets every request in without a login. `
      + 'Include serviceToken or narrower ipRanges instead.');
  }
}

/**
 * IP rules whose ranges, across the whole include list, cover all of IPv4 or
 * all of IPv6 match anyone, exactly like everyone(). Reported at the rule that
 * completes the coverage.
 */
function checkOpenIpRanges(prefix: string, decision: string, options: AccessPolicyOptions): void {
  const cidrs: string[] = [];
  options.include.forEach((rule, i) => {
    const ranges = rule._ipRanges();
    if (ranges.length === 0) {
      return;
    }
    cidrs.push(...ranges);
    const family = wholeFamilyCovered(cidrs);
    if (family !== undefined) {
      requireEveryoneConfirmed(`${prefix}include[${i}]`, `AccessRule.ipRanges(${JSON.stringify(ranges)})`,
        `the IP ranges of the include rules together cover all of ${family}, so they match everyone`, decision, options);
    }
  });
}

/**
 * The same coverage check across the policies of one application: IP ranges
 * split over several policies open the door as wide as one policy holding
 * them all. NON_IDENTITY ranges let requests in with no login; ALLOW ranges
 * (together with the NON_IDENTITY ones) let in anyone who can log in, which
 * needs allowEveryoneWhoCanLogIn on each ALLOW policy that completes the
 * coverage.
 *
 * @param property how the user reaches the list, e.g. `policies` or `access.policies`
 * @param hint added to the ALLOW message, e.g. where the opt-in cannot be set
 */
export function checkOpenIpRangesAcrossPolicies(property: string, policies: readonly AccessPolicyOptions[], hint = ''): void {
  const withRanges = (decision: AccessDecision) => policies.filter((options) =>
    (options.decision ?? AccessDecision.ALLOW) === decision && options.include.some((rule) => rule._ipRanges().length > 0));
  const covered = (list: AccessPolicyOptions[]) => wholeFamilyCovered(list.flatMap((options) => options.include.flatMap((rule) => rule._ipRanges())));
  const names = (list: AccessPolicyOptions[]) => list.map((options) => options.name);

  const nonIdentity = withRanges(AccessDecision.NON_IDENTITY);
  const noLogin = covered(nonIdentity);
  if (noLogin !== undefined) {
    invalid(property, names(nonIdentity),
      `The IP ranges in the include rules of these NON_IDENTITY policies together cover all of ${noLogin}, so they let every `
      + 'request in without a login. Narrow the ranges, or use serviceToken rules.');
  }
  const allow = withRanges(AccessDecision.ALLOW);
  const confirmed = allow.filter((options) => options.allowEveryoneWhoCanLogIn === true);
  const anyLogin = covered([...allow, ...nonIdentity]);
  if (anyLogin !== undefined && covered([...confirmed, ...nonIdentity]) === undefined) {
    const contributing = [...allow, ...nonIdentity];
    invalid(property, names(contributing),
      `The IP ranges in the include rules of these policies together cover all of ${anyLogin}, so they let in anyone who `
      + 'can log in through any identity provider of the account (or anyone at all, through the NON_IDENTITY ones). '
      + `Narrow the ranges, or set allowEveryoneWhoCanLogIn: true on each ALLOW policy among them to confirm.${hint}`);
  }
}

/** A policy key: the form of a DNS label, so it reads well in Terraform addresses. */
const POLICY_KEY = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

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
    if (options.key !== undefined && (Token.isUnresolved(options.key) || !POLICY_KEY.test(options.key))) {
      invalid(`${property}[${i}].key`, options.key,
        'Expected 1 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit '
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
