/**
 * Checks of one policy's options, shared by AccessPolicy and AccessApplication
 * (which checks all its policies before it creates any). Internal.
 */
import { AccessDecision } from './decision';
import type { AccessPolicyOptions } from './policy';
import type { AccessRule } from './rule';
import { requireSessionDuration, requireText } from './validation';
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
  if (list !== 'include' || !rule._isEveryone()) {
    return;
  }
  // Everyone in include is the one way a policy opens the door to the world; each decision needs its own confirmation.
  if (decision === AccessDecision.ALLOW && options.allowEveryoneWhoCanLogIn !== true) {
    invalid(property, 'AccessRule.everyone()',
      'In an ALLOW policy this lets in anyone who can log in through any identity provider of the account '
      + '(with one-time PIN: anyone with an email address). Set allowEveryoneWhoCanLogIn: true to confirm, '
      + 'or name the people with emails, emailDomain or a group.');
  }
  if (decision === AccessDecision.NON_IDENTITY) {
    invalid(property, 'AccessRule.everyone()',
      'A NON_IDENTITY policy that includes everyone lets every request in without a login. '
      + 'Include serviceToken, anyValidServiceToken or ipRanges instead.');
  }
}
