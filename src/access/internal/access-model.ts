/**
 * The one model of Cloudflare Access evaluation: given an application's
 * policies (in precedence order) and the groups and identity providers they
 * refer to, who gets in, and which configurations are open, broken or lock
 * everyone out. Every Access guard of the library (AccessPolicy,
 * AccessGroup, AccessApplication, CloudflareTunnel, the pattern) and the
 * access report ask it. Internal.
 *
 * Facts it rests on (docs/access.md lists them with their sources):
 * - a policy matches when some include rule, every require rule and no
 *   exclude rule match; a group matches the same way over its own rules;
 * - BYPASS and NON_IDENTITY (Service Auth) policies are evaluated first and
 *   never ask for a login; ALLOW and DENY follow in precedence order and
 *   Access stops at the first that matches; no match means no entry;
 * - service tokens are only checked by NON_IDENTITY policies: in an ALLOW
 *   policy their holder is sent to the login page;
 * - identity rules never match without a login, so they cannot let a
 *   request through a NON_IDENTITY or BYPASS policy.
 */
import { IpSet } from './ip-space';
import { both, EVERYONE, IdentityBreadth, onlyAddress, RequestBreadth, selectorTerm, SelectorContext, Term, TokenBreadth } from './selectors';
import { AccessAudience } from '../access-audience';

/** A policy decision as the provider writes it. */
export type Decision = 'allow' | 'deny' | 'non_identity' | 'bypass';

/** One rule selector as Terraform JSON writes it, e.g. `{ "email": { "email": "a@example.com" } }`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON: each selector kind has its own shape, read field by field.
export type Selector = Record<string, any>;

/** The three rule lists of a policy or group. */
export interface RuleLists {
  readonly include: readonly Selector[];
  readonly require: readonly Selector[];
  readonly exclude: readonly Selector[];
}

/** An Access group the model can see into. */
export interface ModelGroup {
  readonly name: string;
  readonly lists: RuleLists;
}

/** Where the model looks up what selectors refer to. */
export interface ModelContext extends SelectorContext {
  /** The group behind an id, when the configuration defines it. */
  group(id: string): ModelGroup | undefined;
}

/** The opt-ins a policy can record. */
export enum OptIn {
  EVERYONE_WHO_CAN_LOG_IN = 'allowEveryoneWhoCanLogIn',
  EVERY_SERVICE_TOKEN = 'allowEveryServiceTokenOfTheAccount',
  BYPASS = 'dangerouslyBypassAuthentication',
}

/** One policy of an application, as the model sees it. */
export interface ModelPolicy {
  /** What the rules belong to, for messages: a policy, or a group (checked as an ALLOW policy would use it). */
  readonly kind?: 'policy' | 'group';
  readonly name: string;
  readonly decision: Decision;
  /** Undefined for a policy made elsewhere (given by id): its rules are not known. */
  readonly lists?: RuleLists;
  readonly optIns: readonly string[];
}

/** One way in (or, for DENY, one way turned away) through a policy. */
export interface Way {
  readonly audience: AccessAudience;
  /** The include rule it comes from (-1 for a policy whose rules are unknown). */
  readonly includeIndex: number;
  /** The conditions, readable: `email a@example.com and IP 203.0.113.0/24`. */
  readonly shown: string;
  /** Why it reaches anyone, for the open audiences. */
  readonly openBecause?: string;
  readonly term?: Term;
}

/** What one policy does. */
export interface PolicyVerdict {
  readonly policy: ModelPolicy;
  /** Its position in the list given to the model (precedence order). */
  readonly index: number;
  /** Ways in, or for DENY the requests it turns away; empty when it can match nobody. */
  readonly ways: Way[];
  /** True for a policy no request can reach: a DENY before it turns every request away. */
  readonly shadowedBy?: PolicyVerdict;
  /** For DENY: it turns every request away (no exception). */
  readonly deniesEveryone: boolean;
}

/** A configuration the guards refuse. `list`/`index` point into the policy's rules when one rule is at fault. */
export interface Problem {
  readonly kind: ProblemKind;
  /** Index of the policy, or the policies, at fault. */
  readonly policies: readonly number[];
  readonly list?: 'include' | 'require' | 'exclude';
  readonly index?: number;
  /** The sentence that says what is wrong and what to do. */
  readonly message: string;
  /** For IP ranges that together reach anyone: how far they reach (`all of IPv4`). */
  readonly coverage?: string;
}

export enum ProblemKind {
  OPEN_TO_ANYONE_WHO_CAN_LOG_IN = 'open-login',
  OPEN_WITHOUT_LOGIN = 'open-no-login',
  ANY_SERVICE_TOKEN = 'any-service-token',
  SERVICE_TOKEN_IN_ALLOW = 'service-token-in-allow',
  SHADOWED_BY_DENY = 'shadowed-by-deny',
  DENY_AFTER_ALLOW = 'deny-after-allow',
  TOO_LARGE = 'too-large',
  LOCKOUT = 'lockout',
}

/** The model's answer for one application. */
export interface ApplicationVerdict {
  /** The policies in Cloudflare's evaluation order: BYPASS and NON_IDENTITY first, then ALLOW and DENY. */
  readonly policies: PolicyVerdict[];
  readonly problems: Problem[];
}

/** Deepest group nesting the model follows; deeper (or cyclic) groups count as unknown. */
const MAX_GROUP_DEPTH = 8;

/** The term of a group, or anything else the model cannot see into. */
function unknownTerm(shown: string): Term {
  return { ...EVERYONE, request: RequestBreadth.UNKNOWN, shown: [shown] };
}

/**
 * Most alternatives the model expands one rule set into. Groups of many rules
 * required together multiply; past this many, the rule set is unknown (and a
 * hostile configuration cannot make the evaluation hang).
 */
const MAX_TERMS = 512;

/** The term of a rule set too large to expand. */
const TOO_LARGE_SHOWN = 'a rule set too large to evaluate';
const TOO_LARGE: Term = { ...EVERYONE, request: RequestBreadth.UNKNOWN, shown: [TOO_LARGE_SHOWN] };

/**
 * The terms (alternatives) one selector stands for. Groups expand into their
 * members' terms. `mapIpv4`: read IPv6 ranges over `::ffff:0:0/96` as IPv4
 * too (for what lets in), or not (for what takes out: excludes, DENY).
 */
function selectorTerms(selector: Selector, context: ModelContext, depth: number, mapIpv4 = true): Term[] {
  if (selector !== null && typeof selector === 'object' && selector.group !== undefined && selector.group !== null) {
    const id = String(selector.group.id);
    const group = depth < MAX_GROUP_DEPTH ? context.group(id) : undefined;
    if (group === undefined) {
      return [unknownTerm(`members of Access group ${id}`)];
    }
    return ruleListTerms(group.lists, context, depth + 1, mapIpv4).flatMap(({ terms }) => terms)
      .map((term) => ({ ...term, shown: [`members of group "${group.name}" (${term.shown.join(' and ') || 'everyone'})`] }));
  }
  return [selectorTerm(selector, context, mapIpv4)];
}

/** The alternatives of a conjunction of selectors (each may expand to several). */
function allOf(selectors: readonly Selector[], context: ModelContext, depth: number, mapIpv4: boolean): Term[] {
  return selectors.reduce<Term[]>((terms, selector) => {
    const alternatives = selectorTerms(selector, context, depth, mapIpv4);
    const product = terms.flatMap((term) => alternatives.map((alternative) => both(term, alternative)));
    return product.length > MAX_TERMS ? [TOO_LARGE] : product;
  }, [EVERYONE]);
}

/**
 * The terms of a rule set, per include rule: each include alternative with
 * every require rule, less the exclusions. Address exclusions cut the
 * addresses; others mark the term as having exceptions.
 */
function ruleListTerms(lists: RuleLists, context: ModelContext, depth: number, mapIpv4 = true): Array<{ index: number; terms: Term[] }> {
  const required = allOf(lists.require, context, depth, mapIpv4);
  // What an exclude takes out is read narrowly: `::/0` excludes no IPv4 client.
  const exclusions = lists.exclude.flatMap((selector) => selectorTerms(selector, context, depth, false));
  const excludedAddresses = exclusions.filter((term) => onlyAddress(term)).reduce((set, term) => set.union(term.ips), IpSet.NONE);
  const excepted = exclusions.some((term) => !onlyAddress(term));
  return lists.include.map((selector, index) => {
    const product = selectorTerms(selector, context, depth, mapIpv4).flatMap((term) => required.map((requirement) => both(term, requirement)));
    return {
      index,
      terms: (product.length > MAX_TERMS ? [TOO_LARGE] : product)
        .map((term) => ({ ...term, ips: term.ips.minus(excludedAddresses), excepted: term.excepted || excepted }))
        .filter((term) => !term.ips.isEmpty()),
    };
  });
}

/**
 * True for a term that only its IP ranges keep from reaching anyone who can
 * log in (ALLOW) or anyone at all (the other decisions): an IP rule, with at
 * most an open identity (a public mail domain, an open login method) or a
 * country. Such terms add up across rules, groups and policies.
 */
function limitedOnlyByAddress(term: Term, decision: Decision): boolean {
  const identityOpen = decision === 'allow' ? term.identity <= IdentityBreadth.OPEN : term.identity === IdentityBreadth.NONE;
  return term.byAddress === true && identityOpen && term.token === TokenBreadth.NONE && term.request <= RequestBreadth.OPEN;
}

/** True when a DENY term names only addresses, with no exception: what it turns away adds up across DENY policies. */
function deniesByAddress(term: Term): boolean {
  return onlyAddress(term) && !term.excepted;
}

/** True when addresses cover every public address of both families: a DENY over them turns every request away. */
function everyPublicAddress(ips: IpSet): boolean {
  return ips.publicShare('IPv4') >= 1 && ips.publicShare('IPv6') >= 1;
}

/** The audience of a term under a decision; undefined when the term can never match under it. */
function audienceOf(term: Term, decision: Decision): AccessAudience | undefined {
  const open = term.ips.openFamily() !== undefined;
  if (decision === 'allow' || decision === 'deny') {
    if (term.token !== TokenBreadth.NONE && decision === 'allow') {
      return undefined; // service tokens are not checked by ALLOW policies
    }
    if (term.identity === IdentityBreadth.NAMED) {
      return AccessAudience.NAMED_PEOPLE;
    }
    if (term.identity === IdentityBreadth.UNKNOWN || term.request === RequestBreadth.UNKNOWN) {
      return AccessAudience.UNKNOWN;
    }
    return term.request === RequestBreadth.NARROW || !open ? AccessAudience.PEOPLE_ON_LISTED_NETWORKS : AccessAudience.ANYONE_WHO_CAN_LOG_IN;
  }
  if (term.identity !== IdentityBreadth.NONE) {
    return undefined; // no login, so no identity ever matches
  }
  if (term.token === TokenBreadth.SPECIFIC) {
    return AccessAudience.SERVICE_TOKENS;
  }
  if (term.token === TokenBreadth.ANY) {
    // Any token of the account, unless networks or client certificates narrow it.
    return term.request === RequestBreadth.NARROW || !open ? AccessAudience.LISTED_NETWORKS_WITHOUT_LOGIN : AccessAudience.ANY_SERVICE_TOKEN;
  }
  if (term.request === RequestBreadth.UNKNOWN) {
    return AccessAudience.UNKNOWN;
  }
  return term.request === RequestBreadth.NARROW || !open ? AccessAudience.LISTED_NETWORKS_WITHOUT_LOGIN : AccessAudience.ANYONE_WITHOUT_LOGIN;
}

function wayOf(term: Term, index: number, audience: AccessAudience): Way {
  const open = audience === AccessAudience.ANYONE_WHO_CAN_LOG_IN || audience === AccessAudience.ANYONE_WITHOUT_LOGIN;
  const openBecause = !open ? undefined : term.identity === IdentityBreadth.OPEN ? term.openBecause
    : term.shown.length === 0 || term.ips.openFamily() === undefined ? undefined
      : term.ips.isAll() ? 'it matches everyone' : `its IP ranges cover ${term.ips.describeReach(term.ips.openFamily()!)}`;
  return { audience, includeIndex: index, shown: term.shown.join(' and ') || 'everyone', openBecause, term };
}

/** How a policy is named in messages. */
export function policyLabel(policy: ModelPolicy): string {
  return `${policy.kind ?? 'policy'} ${JSON.stringify(policy.name)}`;
}

/** What an open ALLOW rule does, and its opt-in on the policy (or group). */
function loginOpenConsequence(policy: ModelPolicy): string {
  return 'an ALLOW policy then lets in anyone who can log in through any identity provider of the account (with one-time '
    + `PIN: anyone with an email address). Set allowEveryoneWhoCanLogIn: true on the ${policy.kind ?? 'policy'} to confirm, or `
    + 'name the people with emails, emailDomain or a group.';
}

/**
 * The problems of one policy on its own, rule by rule: open include rules
 * without their opt-in, every-token rules without theirs, service tokens in
 * an ALLOW policy. `index` is the policy's place in the caller's list.
 */
export function policyProblems(policy: ModelPolicy, index: number, context: ModelContext): Problem[] {
  if (policy.lists === undefined) {
    return [];
  }
  const problems: Problem[] = [];
  const label = policyLabel(policy);
  const confirmed = (optIn: OptIn) => policy.optIns.includes(optIn);
  const decision = policy.decision;
  const at = (kind: ProblemKind, list: Problem['list'], i: number, message: string, coverage?: string) =>
    problems.push({ kind, policies: [index], list, index: i, message, coverage });

  // Service tokens in ALLOW, wherever they stand.
  if (decision === 'allow') {
    for (const list of ['include', 'require'] as const) {
      policy.lists[list].forEach((selector, i) => {
        if (selectorTerms(selector, context, 0).some((term) => term.token !== TokenBreadth.NONE)) {
          const anyToken = selectorTerms(selector, context, 0).some((term) => term.token === TokenBreadth.ANY);
          if (list === 'include' && anyToken && !confirmed(OptIn.EVERY_SERVICE_TOKEN)) {
            return; // reported below as the every-token rule it is
          }
          at(ProblemKind.SERVICE_TOKEN_IN_ALLOW, list, i,
            `In ${label} this rule asks for a service token, but Access checks service tokens only in NON_IDENTITY (Service Auth) `
            + 'policies: in an ALLOW policy the token\'s holder is sent to the login page, so the rule never lets a machine in'
            + (list === 'require' ? ' and the policy lets nobody in' : '') + '. Put it in a policy with decision NON_IDENTITY.');
        }
      });
    }
  }

  const perInclude = ruleListTerms(policy.lists, context, 0);
  // Fail closed on what the model cannot expand: it could hold any way in.
  const tooLarge = perInclude.find(({ terms }) => terms.some((term) => term.shown.includes(TOO_LARGE_SHOWN)));
  if (tooLarge !== undefined) {
    at(ProblemKind.TOO_LARGE, 'include', tooLarge.index,
      `In ${label} the rules (with their groups) combine into more than ${MAX_TERMS} alternatives, too many to tell who gets in. `
      + 'Simplify them: fewer rules required together, or groups of fewer include rules.');
    return problems;
  }
  const byAddress = (term: Term) => limitedOnlyByAddress(term, decision);
  // How far the include rules' IP ranges reach together, for the message at the rule that makes them open.
  const allAddresses = perInclude.flatMap(({ terms }) => terms).filter(byAddress).reduce((set, term) => set.union(term.ips), IpSet.NONE);
  let addressOnly = IpSet.NONE;
  for (const { index: i, terms } of perInclude) {
    const viaGroup = policy.lists.include[i].group !== undefined;
    // Every token of the account: named by the include rule itself, or left that wide by the require rules.
    const everyToken = decision === 'allow'
      ? selectorTerms(policy.lists.include[i], context, 0).some((term) => term.token === TokenBreadth.ANY)
      : terms.some((term) => audienceOf(term, decision) === AccessAudience.ANY_SERVICE_TOKEN);
    if (!confirmed(OptIn.EVERY_SERVICE_TOKEN) && everyToken) {
      at(ProblemKind.ANY_SERVICE_TOKEN, 'include', i,
        `In ${label} this accepts every service token of the whole Cloudflare account, including tokens issued for other `
        + 'apps and scripts. Name the tokens with AccessRule.serviceToken(token.tokenId), or set allowEveryServiceTokenOfTheAccount: '
        + `true on the ${policy.kind ?? 'policy'} to confirm.`);
      continue;
    }
    const before = addressOnly.openFamily();
    terms.filter(byAddress).forEach((term) => { addressOnly = addressOnly.union(term.ips); });
    const openTerm = terms.find((term) => {
      const audience = audienceOf(term, decision);
      return audience === AccessAudience.ANYONE_WHO_CAN_LOG_IN || audience === AccessAudience.ANYONE_WITHOUT_LOGIN;
    });
    const completesRanges = before === undefined && addressOnly.openFamily() !== undefined && terms.some(byAddress);
    if (openTerm === undefined && !completesRanges) {
      continue;
    }
    const coverage = completesRanges ? allAddresses.describeReach(allAddresses.openFamily()!) : undefined;
    const why = openTerm !== undefined && !completesRanges
      ? (openTerm.identity === IdentityBreadth.OPEN ? `this rule admits ${openTerm.openBecause}`
        : viaGroup ? 'the group includes everyone' : 'this rule matches everyone')
      : `the IP ranges of the include rules together cover ${coverage}, so they match everyone`;
    if (decision === 'allow' && !confirmed(OptIn.EVERYONE_WHO_CAN_LOG_IN)) {
      at(ProblemKind.OPEN_TO_ANYONE_WHO_CAN_LOG_IN, 'include', i, `In ${label} ${why}: ${loginOpenConsequence(policy)}`, coverage);
    }
    if (decision === 'non_identity' && (openTerm === undefined || openTerm.identity === IdentityBreadth.NONE)) {
      at(ProblemKind.OPEN_WITHOUT_LOGIN, 'include', i,
        `In ${label} ${why}: a NON_IDENTITY policy then lets every request in without a login. `
        + 'Include serviceToken or narrower ipRanges instead.', coverage);
    }
  }
  return problems;
}

/** The verdict on one policy's ways, before the application-wide passes. */
function policyWays(policy: ModelPolicy, context: ModelContext): { ways: Way[]; deniesEveryone: boolean } {
  if (policy.lists === undefined) {
    return { ways: [{ audience: AccessAudience.UNKNOWN, includeIndex: -1, shown: 'a policy defined elsewhere' }], deniesEveryone: false };
  }
  const ways: Way[] = [];
  let deniesEveryone = false;
  // What a DENY turns away is read narrowly, like an exclude.
  for (const { index, terms } of ruleListTerms(policy.lists, context, 0, policy.decision !== 'deny')) {
    for (const term of terms) {
      const audience = audienceOf(term, policy.decision);
      if (audience !== undefined) {
        ways.push(wayOf(term, index, audience));
      }
      deniesEveryone ||= policy.decision === 'deny' && deniesByAddress(term) && everyPublicAddress(term.ips);
    }
  }
  return { ways, deniesEveryone };
}

/** Cloudflare's evaluation order: BYPASS and NON_IDENTITY first, then ALLOW and DENY, each in precedence order. */
function evaluationOrder(policies: readonly ModelPolicy[]): number[] {
  const first = (policy: ModelPolicy) => policy.decision === 'bypass' || policy.decision === 'non_identity';
  const indexes = policies.map((_, i) => i);
  return [...indexes.filter((i) => first(policies[i])), ...indexes.filter((i) => !first(policies[i]))];
}

/**
 * Evaluates an application's policies, given in precedence order: every
 * policy's own problems, then what only the whole list shows (IP ranges
 * split over policies, a DENY that turns everyone away, nobody let in).
 */
export function evaluateApplication(policies: readonly ModelPolicy[], context: ModelContext): ApplicationVerdict {
  const problems = policies.flatMap((policy, i) => policyProblems(policy, i, context));
  const verdicts: PolicyVerdict[] = [];
  let denyAll: PolicyVerdict | undefined;
  // Addresses the DENY policies so far turn away, whatever the request: together they may cover everyone.
  let denied = IpSet.NONE;
  for (const i of evaluationOrder(policies)) {
    const policy = policies[i];
    const { ways, deniesEveryone } = policyWays(policy, context);
    const shadowed = denyAll !== undefined && (policy.decision === 'allow' || policy.decision === 'deny');
    const verdict: PolicyVerdict = { policy, index: i, ways: shadowed ? [] : ways, shadowedBy: shadowed ? denyAll : undefined, deniesEveryone };
    verdicts.push(verdict);
    if (shadowed && policy.decision === 'allow') {
      problems.push({
        kind: ProblemKind.SHADOWED_BY_DENY,
        policies: [denyAll!.index, i],
        message: `DENY ${policyLabel(denyAll!.policy)} turns every request away (with any DENY before it), and Access evaluates it before ALLOW `
          + `${policyLabel(policy)} (DENY policies come first, and Access stops at the first match), so nobody ever gets in `
          + 'through that ALLOW policy. Access already turns away anyone no policy lets in: drop the catch-all DENY, or narrow it '
          + 'to the people to block (or give it exclude rules for those who may pass).',
      });
    }
    if (policy.decision === 'deny' && !shadowed) {
      ways.filter((way) => way.term !== undefined && deniesByAddress(way.term)).forEach((way) => { denied = denied.union(way.term!.ips); });
    }
    if ((deniesEveryone || (policy.decision === 'deny' && everyPublicAddress(denied))) && denyAll === undefined) {
      denyAll = verdict;
    }
  }
  problems.push(...rangesAcrossPolicies(verdicts));
  // A DENY after an ALLOW never stops anyone that ALLOW lets in.
  const firstAllow = policies.findIndex((policy) => policy.decision === 'allow');
  policies.forEach((policy, i) => {
    if (firstAllow >= 0 && i > firstAllow && policy.decision === 'deny') {
      problems.push({
        kind: ProblemKind.DENY_AFTER_ALLOW,
        policies: [i],
        message: `DENY ${policyLabel(policy)} comes after ALLOW ${policyLabel(policies[firstAllow])} in precedence, and Access stops at `
          + 'the first match: it never stops anyone that ALLOW lets in. Put DENY policies before every ALLOW policy.',
      });
    }
  });

  const letsIn = verdicts.some((verdict) => verdict.policy.decision !== 'deny' && verdict.ways.length > 0);
  if (!letsIn && !problems.some((problem) => problem.kind === ProblemKind.SHADOWED_BY_DENY)) {
    problems.push({
      kind: ProblemKind.LOCKOUT,
      policies: policies.map((_, i) => i),
      message: 'No policy lets anyone in: every policy is a DENY, or can match nobody (an exclude that takes out everyone, '
        + 'service tokens in an ALLOW policy, identity rules in a NON_IDENTITY policy). The application would lock everyone out.',
    });
  }
  return { policies: verdicts, problems };
}

/**
 * IP ranges split over several policies reach as far as one policy holding
 * them all: NON_IDENTITY ranges with no login, ALLOW ranges (with the
 * NON_IDENTITY ones) anyone who can log in. Reported by policy names; the
 * ways of the contributing policies are upgraded to the open audience.
 */
function rangesAcrossPolicies(verdicts: PolicyVerdict[]): Problem[] {
  const addressWays = (decisions: Decision[]) => verdicts.filter((verdict) => decisions.includes(verdict.policy.decision))
    .map((verdict) => ({
      verdict,
      ways: verdict.ways.filter((way) => way.term !== undefined && limitedOnlyByAddress(way.term, verdict.policy.decision)),
    }))
    .filter(({ ways }) => ways.length > 0);
  const reach = (list: Array<{ ways: Way[] }>) => list.flatMap(({ ways }) => ways).reduce((set, way) => set.union(way.term!.ips), IpSet.NONE);
  const byPrecedence = (list: Array<{ verdict: PolicyVerdict }>) => [...list].sort((a, b) => a.verdict.index - b.verdict.index);
  type Contribution = { verdict: PolicyVerdict; ways: Way[] };
  const upgrade = (list: Contribution[], audience: AccessAudience, family: string) => list.forEach(({ verdict, ways }) => {
    ways.filter((way) => way.audience !== audience).forEach((way) => {
      const i = verdict.ways.indexOf(way);
      verdict.ways[i] = { ...way, audience, openBecause: `together with other policies, its IP ranges cover ${family}` };
    });
  });
  const problems: Problem[] = [];

  const noLogin = addressWays(['non_identity', 'bypass']);
  const nonIdentity = noLogin.filter(({ verdict }) => verdict.policy.decision === 'non_identity');
  const noLoginReach = reach(noLogin);
  const noLoginFamily = noLoginReach.openFamily();
  if (noLoginFamily !== undefined) {
    upgrade(noLogin, AccessAudience.ANYONE_WITHOUT_LOGIN, noLoginReach.describeReach(noLoginFamily));
    const nonIdentityReach = reach(nonIdentity);
    if (nonIdentityReach.openFamily() !== undefined && nonIdentity.length > 1) {
      problems.push({
        kind: ProblemKind.OPEN_WITHOUT_LOGIN,
        policies: nonIdentity.map(({ verdict }) => verdict.index),
        message: `The IP ranges in the include rules of these NON_IDENTITY policies together cover ${nonIdentityReach.describeReach(nonIdentityReach.openFamily()!)}, `
          + 'so they let every request in without a login. Narrow the ranges, or use serviceToken rules.',
      });
    }
  }
  const allow = addressWays(['allow']);
  const anyLogin = reach([...allow, ...nonIdentity]);
  const confirmed = allow.filter(({ verdict }) => verdict.policy.optIns.includes(OptIn.EVERYONE_WHO_CAN_LOG_IN));
  const loginFamily = anyLogin.openFamily();
  if (loginFamily !== undefined && allow.length > 0) {
    upgrade(allow, AccessAudience.ANYONE_WHO_CAN_LOG_IN, anyLogin.describeReach(loginFamily));
    const alreadyOpenAlone = allow.length === 1 && nonIdentity.length === 0;
    if (!alreadyOpenAlone && reach([...confirmed, ...nonIdentity]).openFamily() === undefined) {
      problems.push({
        kind: ProblemKind.OPEN_TO_ANYONE_WHO_CAN_LOG_IN,
        policies: [...byPrecedence(allow), ...byPrecedence(nonIdentity)].map(({ verdict }) => verdict.index),
        message: `The IP ranges in the include rules of these policies together cover ${anyLogin.describeReach(loginFamily)}, so they let in `
          + 'anyone who can log in through any identity provider of the account (or anyone at all, through the NON_IDENTITY ones). '
          + 'Narrow the ranges, or set allowEveryoneWhoCanLogIn: true on each ALLOW policy among them to confirm.',
      });
    }
  }
  return problems;
}

/**
 * The ways in of a group's members, as an ALLOW policy that includes the
 * group would see them (for the group's own opt-in checks).
 */
export function groupProblems(group: ModelGroup, optIns: readonly string[], context: ModelContext): Problem[] {
  return policyProblems({ kind: 'group', name: group.name, decision: 'allow', lists: group.lists, optIns }, 0, context)
    .filter((problem) => problem.kind !== ProblemKind.SERVICE_TOKEN_IN_ALLOW);
}
