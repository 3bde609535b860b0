/**
 * The bridge from the Access constructs to the Access model: policies and
 * groups as the model sees them (their rules in the provider's JSON form),
 * the groups and identity providers of the construct tree, and the model's
 * problems as input errors named as the user wrote them. Internal.
 */
import { zeroTrustAccessPolicyIncludeToTerraform } from '@cdktf/provider-cloudflare/lib/zero-trust-access-policy';
import { Fn, IResolvable, TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { evaluateApplication, ModelContext, ModelGroup, ModelPolicy, OptIn, policyProblems, Problem, RuleLists, Selector } from './access-model';
import { escapeStrings } from '../../core/jsonencode';
import { noteInOutput } from '../../core/output-notes';
import { invalid } from '../../core/validation';
import type { AccessPolicyOptions } from '../policy';
import type { AccessPolicyReference } from '../policy-reference';
import type { AccessRule } from '../rule';

const ACCESS_GROUP: unique symbol = Symbol.for('cdktf-zero-trust-fargate.AccessGroup');
const IDENTITY_PROVIDER: unique symbol = Symbol.for('cdktf-zero-trust-fargate.AccessIdentityProvider');

/** What the model needs of an AccessGroup. */
export interface GroupFacts {
  readonly groupId: string;
  readonly name: string;
  readonly lists: RuleLists;
}

/** Marks an AccessGroup so the model finds it in the tree (symbols survive a second copy of the library). */
export function markAccessGroup(group: IConstruct, facts: GroupFacts): void {
  Object.defineProperty(group, ACCESS_GROUP, { value: facts });
}

/** Marks an AccessIdentityProvider with its id and type. */
export function markIdentityProvider(provider: IConstruct, id: string, type: string): void {
  Object.defineProperty(provider, IDENTITY_PROVIDER, { value: { id, type } });
}

/** The facts of an AccessGroup, or undefined for anything else. */
export function accessGroupFacts(value: unknown): GroupFacts | undefined {
  return value !== null && typeof value === 'object' ? (value as { [ACCESS_GROUP]?: GroupFacts })[ACCESS_GROUP] : undefined;
}

/**
 * The model's view of the construct tree `scope` belongs to: groups and
 * identity providers found by their ids (token strings, equal for the same
 * attribute). Looked up once, when first asked.
 */
export function treeContext(scope: IConstruct): ModelContext {
  let groups: Map<string, ModelGroup> | undefined;
  let providers: Map<string, string> | undefined;
  const load = () => {
    groups = new Map();
    providers = new Map();
    for (const node of scope.node.root.node.findAll()) {
      const group = accessGroupFacts(node);
      if (group !== undefined) {
        groups.set(group.groupId, { name: group.name, lists: group.lists });
      }
      const provider = (node as { [IDENTITY_PROVIDER]?: { id: string; type: string } })[IDENTITY_PROVIDER];
      if (provider !== undefined) {
        providers.set(provider.id, provider.type);
      }
    }
  };
  return {
    group: (id) => { if (!groups) load(); return groups!.get(id); },
    identityProviderType: (id) => { if (!providers) load(); return providers!.get(id); },
  };
}

/** Rules in the provider's JSON form (snake_case, as Terraform JSON writes them), one selector per element. */
function selectorsOf(rules: readonly AccessRule[] | undefined): Selector[] {
  return (rules ?? []).flatMap((rule) => rule._modelSelectors());
}

/**
 * Rules as the provider's list: one element per selector, and for rules over
 * a whole Terraform list, their `for` expressions concatenated after the
 * literal elements. An empty list is left out, since Cloudflare reads it back
 * as absent.
 */
export function providerRuleList<T>(rules: readonly AccessRule[] | undefined): T[] | IResolvable | undefined {
  const literal = (rules ?? []).flatMap((rule) => rule._selectors);
  const expressions = (rules ?? []).flatMap((rule) => (rule._listExpression === undefined ? [] : [rule._listExpression]));
  if (expressions.length === 0) {
    return literal.length > 0 ? literal as unknown as T[] : undefined;
  }
  // Inside an expression the elements must be written as Terraform JSON writes them (snake_case).
  // cdktf escapes only newlines and `${` in an expression's strings: a quote in a value would end it early.
  const elements = escapeStrings(literal.map((selector) => zeroTrustAccessPolicyIncludeToTerraform(selector)));
  return Token.asAny(Fn.concat([elements, ...expressions])) as IResolvable;
}

/** The three rule lists of AccessRules in the provider's JSON form. */
export function ruleLists(include: readonly AccessRule[], require?: readonly AccessRule[], exclude?: readonly AccessRule[]): RuleLists {
  return { include: selectorsOf(include), require: selectorsOf(require), exclude: selectorsOf(exclude) };
}

/** The opt-ins a policy's options confirm, as recorded in the synthesized output. */
export function optInsOf(options: Pick<AccessPolicyOptions, 'allowEveryoneWhoCanLogIn' | 'allowEveryServiceTokenOfTheAccount' | 'dangerouslyBypassAuthentication'>): string[] {
  return [
    ...(options.allowEveryoneWhoCanLogIn === true ? [OptIn.EVERYONE_WHO_CAN_LOG_IN] : []),
    ...(options.allowEveryServiceTokenOfTheAccount === true ? [OptIn.EVERY_SERVICE_TOKEN] : []),
    ...(options.dangerouslyBypassAuthentication === true ? [OptIn.BYPASS] : []),
  ];
}

/** Notes the opt-ins a policy or group confirms, where there are any. */
export function recordOptIns(resource: TerraformResource, optIns: readonly string[]): void {
  if (optIns.length > 0) {
    noteInOutput(resource, 'opt_ins', [...optIns]);
  }
}

/** One policy (or group) for a guard: the model's view, and how the user wrote it. */
export interface GuardEntry {
  readonly policy: ModelPolicy;
  /** How the user reaches it: '' for a standalone policy or group, `policies[1]`, `access.policies[0]`, `access.allow`. */
  readonly property: string;
  /** The name shown in messages that list policies. */
  readonly shownName: string;
  /** The AccessRules behind the selectors, for messages; undefined for a policy made elsewhere. */
  readonly rules?: { readonly include: readonly AccessRule[]; readonly require: readonly AccessRule[]; readonly exclude: readonly AccessRule[] };
  /** The `allow` shorthand: no opt-in can be set on it. */
  readonly shorthand?: boolean;
}

/** The guard entry of policy options written by the user at `property`. */
export function policyEntry(options: AccessPolicyOptions, property: string, shorthand = false): GuardEntry {
  return {
    policy: {
      name: options.name,
      decision: options.decision ?? 'allow',
      lists: ruleLists(options.include, options.require, options.exclude),
      optIns: shorthand ? [] : optInsOf(options),
    },
    property,
    shownName: shorthand ? property : options.name,
    rules: { include: options.include, require: options.require ?? [], exclude: options.exclude ?? [] },
    shorthand,
  };
}

/** The guard entry of an existing policy given by id: its rules are unknown, its declared decision counts. */
export function referenceEntry(reference: AccessPolicyReference, property: string): GuardEntry {
  const optIns = reference.dangerouslyBypassAuthentication === true ? [OptIn.BYPASS] : [];
  return { policy: { name: reference.policyId, decision: reference.decision, optIns }, property, shownName: reference.policyId };
}

/** Fails on the first problem the Access model finds in one policy on its own. */
export function checkPolicy(scope: IConstruct, entry: GuardEntry): void {
  throwFirstProblem(policyProblems(entry.policy, 0, treeContext(scope)), [entry], entry.property);
}

/**
 * Fails on the first problem the Access model finds in an application's
 * policies, given in precedence order.
 */
export function checkApplication(scope: IConstruct, entries: readonly GuardEntry[], listProperty: string, hint = ''): void {
  if (entries.length === 0) {
    return; // an application managed elsewhere: nothing here to evaluate
  }
  throwFirstProblem(evaluateApplication(entries.map((entry) => entry.policy), treeContext(scope)).problems, entries, listProperty, hint);
}

/** How a rule is shown in an error: `AccessRule.everyone()`, `AccessRule.ipRanges(["0.0.0.0/0"])`, `AccessRule.membersOf(sre)`. */
function shownRule(rule: AccessRule): string {
  if (rule._kind === 'ipRanges') {
    return `AccessRule.ipRanges(${JSON.stringify(rule._ipRanges())})`;
  }
  return rule._kind === 'membersOf' ? rule._shown() : `${rule._shown()}()`;
}

/** Joins a property path and a child: `` + `include[0]`, `policies[1]` + `include[0]`. */
function child(property: string, name: string): string {
  return property === '' ? name : `${property}.${name}`;
}

/**
 * Throws the first problem as an input error named as the user wrote it.
 *
 * @param entries the policies given to the model, in the same order
 * @param listProperty how the user reaches the whole list, for problems of several policies (`policies`, `access`)
 * @param hint added to messages about several policies, e.g. where an opt-in cannot be set
 */
export function throwFirstProblem(problems: readonly Problem[], entries: readonly GuardEntry[], listProperty: string, hint = ''): void {
  const problem = problems[0];
  if (problem === undefined) {
    return;
  }
  if (problem.policies.length !== 1 || problem.list === undefined) {
    const involved = problem.policies.map((i) => entries[i]);
    const shorthandHint = involved.some((entry) => entry.shorthand) ? hint : '';
    // A problem of one policy without a rule (a DENY that shadows): named at that policy.
    const property = problem.policies.length === 1 ? entries[problem.policies[0]].property || listProperty : listProperty;
    invalid(property, involved.map((entry) => entry.shownName), `${problem.message}${shorthandHint}`);
  }
  const entry = entries[problem.policies[0]];
  const rules = entry.rules![problem.list];
  const selectorIndex = problem.index!;
  const ruleIndex = ruleIndexOf(rules, selectorIndex);
  const rule = rules[ruleIndex];
  if (entry.shorthand) {
    if (problem.coverage !== undefined) {
      const ranges = rules.flatMap((r) => r._ipRanges());
      invalid(entry.property, ranges, `These IP ranges together cover ${problem.coverage}, so they match everyone; narrow them, `
        + `or put them in ${entry.property.replace(/\.allow$/, '.policies')} with allowEveryoneWhoCanLogIn: true.`);
    }
    invalid(`${entry.property}[${ruleIndex}]`, shownRule(rule),
      'The allow shorthand takes no opt-in for a rule that lets in everyone or every service token of the account; '
      + `put it in ${entry.property.replace(/\.allow$/, '.policies')} with allowEveryoneWhoCanLogIn or allowEveryServiceTokenOfTheAccount: true.`);
  }
  invalid(child(entry.property, `${problem.list}[${ruleIndex}]`), shownRule(rule), problem.message);
}

/** The index of the rule that contributed the selector at `selectorIndex`. */
function ruleIndexOf(rules: readonly AccessRule[], selectorIndex: number): number {
  let seen = 0;
  for (let i = 0; i < rules.length; i++) {
    seen += rules[i]._modelSelectors().length;
    if (selectorIndex < seen) {
      return i;
    }
  }
  return rules.length - 1;
}
