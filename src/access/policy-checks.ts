/**
 * Checks of one policy's options, shared by AccessPolicy and AccessApplication
 * (which checks all its policies before it creates any). Internal.
 */
import { AccessDecision } from './decision';
import type { AccessPolicyOptions } from './policy';
import type { AccessRule } from './rule';
import { requireSessionDuration, requireText } from './validation';
import { wholeFamilyCovered } from '../core/cidr';
import { invalid } from '../core/validation';

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
    invalid(property, `AccessRule.${rule._kind}`,
      `A ${decision.toUpperCase()} policy never asks anyone to log in, so it can only use rules about the request: `
      + 'serviceToken, anyValidServiceToken, ipRanges, accessGroup or everyone. Put identity rules in an ALLOW policy.');
  }
  if (list !== 'include') {
    return; // exclude and require only narrow a policy down
  }
  if (rule._isEveryone()) {
    requireEveryoneConfirmed(property, 'AccessRule.everyone()', 'this rule matches everyone', decision, options);
  }
  if (rule._isAnyValidServiceToken() && options.allowEveryServiceTokenOfTheAccount !== true) {
    invalid(property, 'AccessRule.anyValidServiceToken()',
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
