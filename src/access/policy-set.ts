/**
 * The policies of one Access application as a user writes them: the `allow`
 * shorthand, policies of its own and references to existing ones. Their one
 * check (named under the path the user wrote them at), their precedence order
 * and the Access model's view of them, for the pattern's hostname and path
 * applications alike. Not exported from the module's index.
 */
import { IConstruct } from 'constructs';
import { checkPolicyReferences } from './application-checks';
import { AccessDecision } from './decision';
import { checkApplication, GuardEntry, policyEntry, referenceEntry } from './internal/construct-model';

// The Access model's view of a policy, for the pattern, which passes a hostname's DENY policies on to its paths.
export type { GuardEntry } from './internal/construct-model';
import { checkPolicyOptions, requireAccessRule, requirePolicyKeys } from './internal/policy-checks';
import type { AccessPolicyOptions } from './policy';
import type { AccessPolicyReference } from './policy-reference';
import type { AccessRule } from './rule';
import { PropPath } from '../core/prop-path';
import { invalid, isToken, requireUnique } from '../core/validation';

/** The policy settings of one application, as the pattern's `access` and each of its `paths` hold them. */
export interface PolicySetOptions {
  readonly allow?: AccessRule[];
  readonly policies?: AccessPolicyOptions[];
  readonly existingPolicies?: AccessPolicyReference[];
}

/** The key of the policy made from `allow`: fixed, so that no other change moves it to a new address. */
const SHORTHAND_KEY = 'allow';

/** Name of the policy made from `allow` in the application `applicationName`. */
function shorthandPolicyName(applicationName: string): string {
  return `${applicationName} allow`;
}

const isDeny = (decision: AccessDecision | undefined) => decision === AccessDecision.DENY;

/**
 * The policies in the order Access must see them: DENY policies first (Access
 * stops at the first ALLOW or DENY that matches), then the `allow` shorthand,
 * then the other policies as given. Each keeps the key of its place in
 * `policies`, and the shorthand always has the key `allow`, so neither this
 * ordering nor a new hostname or name moves a policy to a new address.
 */
export function orderedPolicies(options: PolicySetOptions, applicationName: string): AccessPolicyOptions[] {
  const shorthand: AccessPolicyOptions[] = options.allow && options.allow.length > 0
    ? [{ key: SHORTHAND_KEY, name: shorthandPolicyName(applicationName), decision: AccessDecision.ALLOW, include: options.allow }]
    : [];
  const policies = options.policies ?? [];
  return [...policies.filter((policy) => isDeny(policy.decision)), ...shorthand, ...policies.filter((policy) => !isDeny(policy.decision))];
}

/**
 * The Access model's view of the policies, in the order the application gets
 * them, each named as the user wrote it: `inherited` (the hostname's DENY
 * policies, for a path) first, then DENY references and policies, the `allow`
 * shorthand, the other policies and references.
 */
export function policySetEntries(options: PolicySetOptions, path: PropPath, inherited: GuardEntry[] = []): GuardEntry[] {
  const indexed = (options.policies ?? []).map((policy, j) => ({ policy, j }));
  const refs = (options.existingPolicies ?? []).map((reference, j) => ({ reference, j }));
  const allow = options.allow ?? [];
  const shorthand = allow.length > 0 ? [policyEntry({ name: path.of('allow'), include: allow }, path.of('allow'), true)] : [];
  return [
    ...inherited,
    ...refs.filter(({ reference }) => isDeny(reference.decision)).map(({ reference, j }) => referenceEntry(reference, path.of(`existingPolicies[${j}]`))),
    ...indexed.filter(({ policy }) => isDeny(policy.decision)).map(({ policy, j }) => policyEntry(policy, path.of(`policies[${j}]`))),
    ...shorthand,
    ...indexed.filter(({ policy }) => !isDeny(policy.decision)).map(({ policy, j }) => policyEntry(policy, path.of(`policies[${j}]`))),
    ...refs.filter(({ reference }) => !isDeny(reference.decision)).map(({ reference, j }) => referenceEntry(reference, path.of(`existingPolicies[${j}]`))),
  ];
}

/**
 * Checks the form of `allow` and `policies` under `path` (`access.`,
 * `access.paths[0].`), before they are merged and reordered. The shorthand's
 * name, made from `applicationName`, must differ from the policies' names.
 */
export function checkPolicySet(options: PolicySetOptions, path: PropPath, applicationName: string | undefined): void {
  const allow = options.allow;
  const policies = options.policies ?? [];
  if (!Array.isArray(policies)) {
    invalid(path.of('policies'), policies, 'Expected a list of policies.');
  }
  const shorthandName = Array.isArray(allow) && allow.length > 0 && applicationName !== undefined ? [shorthandPolicyName(applicationName)] : [];
  requireUnique(path.of('policies[].name'), [...shorthandName, ...policies.map((policy) => policy.name)]);
  if (allow !== undefined && (isToken(allow) || !Array.isArray(allow))) {
    invalid(path.of('allow'), allow, 'Expected a literal list of AccessRule (each becomes a selector of the allow policy).');
  }
  (allow ?? []).forEach((rule, i) => requireAccessRule(path.of(`allow[${i}]`), rule));
  policies.forEach((policy, j) => {
    checkPolicyOptions(path.element('policies', j).text, policy);
    if (policy.key === SHORTHAND_KEY && (allow ?? []).length > 0) {
      invalid(path.of(`policies[${j}].key`), SHORTHAND_KEY,
        `The key "${SHORTHAND_KEY}" belongs to the policy made from ${path.of('allow')}; choose another key.`);
    }
  });
  requirePolicyKeys(path.of('policies'), policies);
}

/**
 * Who gets in, as the Access model sees the application's whole list (see
 * `policySetEntries`), after `inherited` (a path's hostname DENY policies);
 * messages about the shorthand add that it takes no opt-in.
 */
export function checkPolicySetModel(scope: IConstruct, options: PolicySetOptions, path: PropPath, inherited: GuardEntry[] = []): void {
  checkApplication(scope, policySetEntries(options, path, inherited), path.name,
    ` The ${path.of('allow')} shorthand takes no opt-in: move such rules to ${path.of('policies')}.`);
}

/** Checks the references to existing policies under `path`. */
export function checkPolicySetReferences(options: PolicySetOptions, path: PropPath): void {
  if (options.existingPolicies !== undefined) {
    checkPolicyReferences(path.of('existingPolicies'), options.existingPolicies);
  }
}

/** The decisions of an application's policies: `attached` ones, its own (ALLOW by default) and references. */
export function policyDecisions(policies: readonly AccessPolicyOptions[], references: readonly AccessPolicyReference[],
  attached: readonly AccessDecision[] = []): AccessDecision[] {
  return [...attached, ...policies.map((policy) => policy.decision ?? AccessDecision.ALLOW), ...references.map((reference) => reference.decision)];
}

/**
 * Fails when every policy of an application is a DENY: it would lock everyone
 * out. Named at `property`, the application's list of policies.
 */
export function requireSomeoneLetIn(property: string, policies: readonly AccessPolicyOptions[], references: readonly AccessPolicyReference[],
  attached: readonly AccessDecision[] = []): void {
  if (policyDecisions(policies, references, attached).every((decision) => decision === AccessDecision.DENY)) {
    invalid(property, [...policies.map((policy) => policy.name), ...references.map((reference) => reference.policyId)],
      'Expected at least one policy that lets someone in (decision ALLOW, NON_IDENTITY or BYPASS): with only DENY policies the application locks everyone out.');
  }
}
