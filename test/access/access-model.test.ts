// One table of Access configurations, each run twice: through the constructs (whose guards ask the Access
// model) and, built from raw provider resources with no guard at all, through the access report of the
// synthesized JSON. The two must agree: what the constructs refuse, the report flags; what they accept,
// the report classifies the same way, with every open way confirmed by an opt-in recorded in the output.
import { ZeroTrustAccessApplication } from '@cdktf/provider-cloudflare/lib/zero-trust-access-application';
import { ZeroTrustAccessGroup } from '@cdktf/provider-cloudflare/lib/zero-trust-access-group';
import { ZeroTrustAccessPolicy } from '@cdktf/provider-cloudflare/lib/zero-trust-access-policy';
import { TerraformStack } from 'cdktf';
import {
  AccessApplication, AccessAudience, AccessDecision, AccessGroup, AccessIdentityProvider, AccessPolicyOptions, AccessPolicyReference,
  AccessReport, AccessRule,
} from '../../src/access';
import { newStack } from '../helpers';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const EXISTING = 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415';
const A = AccessAudience;
const { ALLOW, DENY, NON_IDENTITY, BYPASS } = AccessDecision;

/** What a case builds its rules from: groups and identity providers made for it, in either mode. */
interface Kit {
  group(name: string): AccessRule;
  idp(type: 'onetimepin' | 'github' | 'google-apps' | 'okta'): string;
}

type GroupSpec = { include: (kit: Kit) => AccessRule[]; require?: (kit: Kit) => AccessRule[] };

interface Case {
  readonly name: string;
  readonly groups?: Record<string, GroupSpec>;
  readonly policies: (kit: Kit) => AccessPolicyOptions[];
  readonly existing?: AccessPolicyReference[];
  /** 'refused', or the audiences of the ways in (DENY ways left out), sorted. */
  readonly expected: 'refused' | AccessAudience[];
}

function makeIdp(stack: TerraformStack, type: string): string {
  const base = { cloudflareAccountId: ACCOUNT, clientId: 'client', clientSecret: 'secret' };
  switch (type) {
    case 'onetimepin': return AccessIdentityProvider.oneTimePin(stack, 'otp', { cloudflareAccountId: ACCOUNT }).identityProviderId;
    case 'github': return AccessIdentityProvider.github(stack, 'github', base).identityProviderId;
    case 'okta': return AccessIdentityProvider.okta(stack, 'okta', { ...base, oktaAccount: 'https://acme.okta.com' }).identityProviderId;
    default: return AccessIdentityProvider.googleWorkspace(stack, 'workspace', { ...base, workspaceDomain: 'example.com' }).identityProviderId;
  }
}

/** A kit whose groups are AccessGroups (confirmed, so the policies decide) or raw resources. */
function kit(stack: TerraformStack, spec: Case, raw: boolean): Kit {
  const idps = new Map<string, string>();
  const groups = new Map<string, AccessRule>();
  const self: Kit = {
    idp: (type) => idps.get(type) ?? (idps.set(type, makeIdp(stack, type)), idps.get(type)!),
    group: (name) => {
      if (!groups.has(name)) {
        const g = spec.groups![name];
        const include = g.include(self);
        const require = g.require?.(self);
        if (raw) {
          const resource = new ZeroTrustAccessGroup(stack, `raw-group-${name}`, {
            accountId: ACCOUNT, name, include: include.flatMap((r) => r._selectors), require: require?.flatMap((r) => r._selectors),
          });
          groups.set(name, AccessRule.accessGroup(resource.id));
        } else {
          groups.set(name, AccessRule.membersOf(new AccessGroup(stack, `group-${name}`, {
            cloudflareAccountId: ACCOUNT, name, include, require, allowEveryoneWhoCanLogIn: true, allowEveryServiceTokenOfTheAccount: true,
          })));
        }
      }
      return groups.get(name)!;
    },
  };
  return self;
}

function viaConstructs(spec: Case): TerraformStack {
  const stack = newStack();
  const policies = spec.policies(kit(stack, spec, false));
  new AccessApplication(stack, 'app', {
    cloudflareAccountId: ACCOUNT,
    name: 'app',
    domains: ['app.example.com'],
    existingPolicies: spec.existing,
    policies: policies.map((options, i) => ({ key: `p${i}`, ...options })),
  });
  return stack;
}

/** The same configuration as raw provider resources: no guard runs, only the report judges it. */
function viaRawResources(spec: Case): TerraformStack {
  const stack = newStack();
  const selectors = (rules?: AccessRule[]) => (rules ?? []).flatMap((rule) => rule._selectors);
  const policies = spec.policies(kit(stack, spec, true)).map((options, i) => new ZeroTrustAccessPolicy(stack, `raw-${i}`, {
    accountId: ACCOUNT,
    name: options.name,
    decision: options.decision ?? ALLOW,
    include: selectors(options.include),
    require: selectors(options.require),
    exclude: selectors(options.exclude),
  }));
  const ids = [...(spec.existing ?? []).map((reference) => reference.policyId), ...policies.map((policy) => policy.id)];
  const application = new ZeroTrustAccessApplication(stack, 'raw-app', {
    accountId: ACCOUNT,
    name: 'app',
    type: 'self_hosted',
    domain: 'app.example.com',
    policies: ids.map((id, i) => ({ id, precedence: i + 1 })),
  });
  // Declared decisions of policies made elsewhere, as the library notes them.
  application.addOverride('//.cdktf-zero-trust-fargate.existing_policies', (spec.existing ?? []).map(({ policyId, decision }) => ({ id: policyId, decision })));
  return stack;
}

function audiences(report: AccessReport): AccessAudience[] {
  return [...new Set(report.urls[0].ways.filter((way) => way.decision !== 'deny').map((way) => way.audience))].sort();
}

const allow = (include: AccessRule[], extra: Partial<AccessPolicyOptions> = {}): AccessPolicyOptions => ({ name: 'allow', include, ...extra });
const service = (include: AccessRule[], extra: Partial<AccessPolicyOptions> = {}): AccessPolicyOptions =>
  ({ name: 'service', decision: NON_IDENTITY, include, ...extra });
const deny = (include: AccessRule[], extra: Partial<AccessPolicyOptions> = {}): AccessPolicyOptions => ({ name: 'deny', decision: DENY, include, ...extra });
const ips = (...cidrs: string[]) => AccessRule.ipRanges(cidrs);
const everyone = { allowEveryoneWhoCanLogIn: true };
const anyToken = { allowEveryServiceTokenOfTheAccount: true };
const staff = AccessRule.emailDomain('example.com');

/** Every rule kind alone in an ALLOW include, and in a NON_IDENTITY include (where identity rules never match). */
const RULE_KINDS: Array<[string, (kit: Kit) => AccessRule, AccessAudience | 'refused', AccessAudience | 'refused']> = [
  ['emails', () => AccessRule.emails(['a@example.com']), A.NAMED_PEOPLE, 'refused'],
  ['the organisation\'s email domain', () => staff, A.NAMED_PEOPLE, 'refused'],
  ['a public mail domain', () => AccessRule.emailDomain('gmail.com'), 'refused', 'refused'],
  ['another public mail domain', () => AccessRule.emailDomain('outlook.com'), 'refused', 'refused'],
  ['a Google Workspace group', () => AccessRule.googleWorkspaceGroup('eng@example.com', 'idp'), A.NAMED_PEOPLE, 'refused'],
  ['a GitHub organization', () => AccessRule.githubOrganization('acme', 'idp'), A.NAMED_PEOPLE, 'refused'],
  ['a GitHub team', () => AccessRule.githubTeam('acme', 'ops', 'idp'), A.NAMED_PEOPLE, 'refused'],
  ['an OIDC claim', () => AccessRule.oidcClaim('groups', 'admins', 'idp'), A.NAMED_PEOPLE, 'refused'],
  ['an Okta group', () => AccessRule.oktaGroup('Engineering', 'idp'), A.NAMED_PEOPLE, 'refused'],
  ['an Entra ID group', () => AccessRule.entraIdGroup(EXISTING, 'idp'), A.NAMED_PEOPLE, 'refused'],
  ['a SAML attribute', () => AccessRule.samlAttribute('groups', 'eng', 'idp'), A.NAMED_PEOPLE, 'refused'],
  ['one-time PIN login alone', (k) => AccessRule.loginMethod(k.idp('onetimepin')), 'refused', 'refused'],
  ['GitHub login alone', (k) => AccessRule.loginMethod(k.idp('github')), 'refused', 'refused'],
  ['Google Workspace login alone', (k) => AccessRule.loginMethod(k.idp('google-apps')), A.NAMED_PEOPLE, 'refused'],
  ['Okta login alone', (k) => AccessRule.loginMethod(k.idp('okta')), A.NAMED_PEOPLE, 'refused'],
  ['a login method this stack does not define', () => AccessRule.loginMethod('idp-elsewhere'), 'refused', 'refused'],
  ['a service token', () => AccessRule.serviceToken('token'), 'refused', A.SERVICE_TOKENS],
  ['any service token', () => AccessRule.anyValidServiceToken(), 'refused', 'refused'],
  ['everyone', () => AccessRule.everyone(), 'refused', 'refused'],
  ['an office network', () => ips('198.51.100.0/24'), A.PEOPLE_ON_LISTED_NETWORKS, A.LISTED_NETWORKS_WITHOUT_LOGIN],
  ['an Access group made elsewhere', () => AccessRule.accessGroup(EXISTING), A.UNKNOWN, A.UNKNOWN],
];

const CASES: Case[] = [
  ...RULE_KINDS.map(([name, rule, expected]): Case => ({ name: `ALLOW ${name}`, policies: (k) => [allow([rule(k)])], expected: expected === 'refused' ? 'refused' : [expected] })),
  ...RULE_KINDS.map(([name, rule, , expected]): Case => ({ name: `NON_IDENTITY ${name}`, policies: (k) => [service([rule(k)])], expected: expected === 'refused' ? 'refused' : [expected] })),

  // Opt-ins accept what they name, and nothing else.
  { name: 'ALLOW everyone, confirmed', policies: () => [allow([AccessRule.everyone()], everyone)], expected: [A.ANYONE_WHO_CAN_LOG_IN] },
  { name: 'ALLOW one-time PIN alone, confirmed', policies: (k) => [allow([AccessRule.loginMethod(k.idp('onetimepin'))], everyone)], expected: [A.ANYONE_WHO_CAN_LOG_IN] },
  { name: 'ALLOW gmail.com, confirmed', policies: () => [allow([AccessRule.emailDomain('gmail.com')], everyone)], expected: [A.ANYONE_WHO_CAN_LOG_IN] },
  { name: 'ALLOW any service token, confirmed for tokens: still a token in ALLOW', policies: () => [allow([AccessRule.anyValidServiceToken()], anyToken)], expected: 'refused' },
  { name: 'NON_IDENTITY any service token, confirmed', policies: () => [service([AccessRule.anyValidServiceToken()], anyToken)], expected: [A.ANY_SERVICE_TOKEN] },
  { name: 'NON_IDENTITY everyone, even confirmed', policies: () => [service([AccessRule.everyone()], everyone)], expected: 'refused' },
  { name: 'BYPASS everyone, confirmed', policies: () => [{ name: 'open', decision: BYPASS, dangerouslyBypassAuthentication: true, include: [AccessRule.everyone()] }], expected: [A.ANYONE_WITHOUT_LOGIN] },
  { name: 'BYPASS an office network, confirmed', policies: () => [{ name: 'office', decision: BYPASS, dangerouslyBypassAuthentication: true, include: [ips('198.51.100.0/24')] }], expected: [A.LISTED_NETWORKS_WITHOUT_LOGIN] },

  // include AND require, less exclude.
  { name: 'everyone, required from the organisation\'s domain', policies: () => [allow([AccessRule.everyone()], { require: [staff] })], expected: [A.NAMED_PEOPLE] },
  { name: 'one-time PIN, required to be named', policies: (k) => [allow([AccessRule.loginMethod(k.idp('onetimepin'))], { require: [AccessRule.emails(['a@example.com'])] })], expected: [A.NAMED_PEOPLE] },
  { name: 'staff, required to use one-time PIN', policies: (k) => [allow([staff], { require: [AccessRule.loginMethod(k.idp('onetimepin'))] })], expected: [A.NAMED_PEOPLE] },
  { name: 'gmail.com from the office network', policies: () => [allow([AccessRule.emailDomain('gmail.com')], { require: [ips('198.51.100.0/24')] })], expected: [A.PEOPLE_ON_LISTED_NETWORKS] },
  { name: 'everyone but one person', policies: () => [allow([AccessRule.everyone()], { exclude: [AccessRule.emails(['x@example.com'])] })], expected: 'refused' },
  { name: 'everyone but the whole internet', policies: () => [allow([AccessRule.everyone()], { exclude: [ips('0.0.0.0/0', '::/0')] })], expected: 'refused' },
  { name: 'staff, but everyone excluded: nobody', policies: () => [allow([staff], { exclude: [AccessRule.everyone()] })], expected: 'refused' },
  { name: 'staff, with a service token required in ALLOW', policies: () => [allow([staff], { require: [AccessRule.serviceToken('token')] })], expected: 'refused' },
  { name: 'the whole internet, required to be staff', policies: () => [allow([ips('0.0.0.0/0', '::/0')], { require: [staff] })], expected: [A.NAMED_PEOPLE] },
  { name: 'an office network, and everyone required', policies: () => [allow([ips('198.51.100.0/24')], { require: [AccessRule.everyone()] })], expected: [A.PEOPLE_ON_LISTED_NETWORKS] },
  { name: 'NON_IDENTITY the whole internet with a service token required', policies: () => [service([ips('0.0.0.0/0')], { require: [AccessRule.serviceToken('token')] })], expected: [A.SERVICE_TOKENS] },
  { name: 'NON_IDENTITY a token, from an office network', policies: () => [service([AccessRule.serviceToken('token')], { require: [ips('198.51.100.0/24')] })], expected: [A.SERVICE_TOKENS] },

  // IP ranges over the address space, in both families, split or near-complete.
  { name: 'all of IPv4', policies: () => [allow([ips('0.0.0.0/0')])], expected: 'refused' },
  { name: 'all of IPv6', policies: () => [allow([ips('::/0')])], expected: 'refused' },
  { name: 'IPv4 halves in one rule', policies: () => [allow([ips('0.0.0.0/1', '128.0.0.0/1')])], expected: 'refused' },
  { name: 'IPv4 halves in two rules', policies: () => [allow([ips('0.0.0.0/1'), ips('128.0.0.0/1')])], expected: 'refused' },
  { name: 'all IPv4 unicast, multicast and reserved left out', policies: () => [allow([ips('0.0.0.0/1', '128.0.0.0/2', '192.0.0.0/3')])], expected: 'refused' },
  { name: 'IPv4 with only private space left out', policies: () => [allow([ips('0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1')])], expected: 'refused' },
  { name: 'all global-unicast IPv6', policies: () => [allow([ips('2000::/3')])], expected: 'refused' },
  { name: 'global-unicast IPv6 in two halves', policies: () => [allow([ips('2000::/4'), ips('3000::/4')])], expected: 'refused' },
  { name: 'IPv4 through IPv4-mapped IPv6', policies: () => [allow([ips('::ffff:0:0/96')])], expected: 'refused' },
  { name: 'IPv4 pieces, one mapped through IPv6', policies: () => [allow([ips('0.0.0.0/2', '::ffff:200:0/103')])], expected: 'refused' },
  { name: 'half of IPv4 counts as everyone', policies: () => [allow([ips('0.0.0.0/1')])], expected: 'refused' },
  { name: 'a /8 of IPv4: listed networks', policies: () => [allow([ips('1.0.0.0/8')])], expected: [A.PEOPLE_ON_LISTED_NETWORKS] },
  { name: 'forty-five percent of IPv4 without a login', policies: () => [service([ips('0.0.0.0/2', '64.0.0.0/3', '96.0.0.0/4')])], expected: 'refused' },
  { name: 'all of APNIC\'s and ARIN\'s IPv6 without a login', policies: () => [service([ips('2000::/5')])], expected: 'refused' },
  { name: 'nearly three quarters of IPv4 and all allocated IPv6 in 2000::/4', policies: () => [service([ips('2000::/4', '0.0.0.0/1', '128.0.0.0/3', '160.0.0.0/5')])], expected: 'refused' },
  { name: 'all of IPv4 less an IPv6 exclude (which holds no IPv4 client)', policies: () => [service([ips('0.0.0.0/0')], { exclude: [ips('::/0')] }), allow([staff])], expected: 'refused' },
  { name: 'everyone less an IPv6 exclude', policies: () => [allow([AccessRule.everyone()], { exclude: [ips('::/0')] }), { ...allow([staff]), name: 'staff' }], expected: 'refused' },
  {
    name: 'gmail.com over two policies each on half of the addresses',
    policies: () => [
      allow([AccessRule.emailDomain('gmail.com')], { require: [ips('1.0.0.0/8')] }),
      { ...allow([AccessRule.emailDomain('gmail.com')], { require: [ips('2.0.0.0/7')] }), name: 'b' },
    ],
    expected: 'refused',
  },
  { name: 'every token, left that wide by a require', policies: () => [service([AccessRule.everyone()], { require: [AccessRule.anyValidServiceToken()] })], expected: 'refused' },
  { name: 'every token from an office network', policies: () => [service([ips('198.51.100.0/24')], { require: [AccessRule.anyValidServiceToken()] })], expected: [A.LISTED_NETWORKS_WITHOUT_LOGIN] },
  { name: 'DENY IPv4, then DENY all allocated IPv6, before ALLOW staff', policies: () => [deny([ips('0.0.0.0/0')]), { ...deny([ips('2000::/3')]), name: 'v6' }, allow([staff])], expected: 'refused' },
  { name: 'DENY all of IPv6 only (no IPv4 client) before ALLOW staff', policies: () => [deny([ips('::/0')]), allow([staff])], expected: [A.NAMED_PEOPLE] },
  { name: 'a forwarding address domain', policies: () => [allow([AccessRule.emailDomain('duck.com')])], expected: 'refused' },
  { name: 'a disposable mailbox domain', policies: () => [allow([AccessRule.emailDomain('mailinator.com')])], expected: 'refused' },
  { name: 'a documentation /32 of IPv6', policies: () => [allow([ips('2001:db8::/32')])], expected: [A.PEOPLE_ON_LISTED_NETWORKS] },
  { name: 'outside global unicast only', policies: () => [allow([ips('4000::/2', '8000::/1')])], expected: [A.PEOPLE_ON_LISTED_NETWORKS] },
  { name: 'ALLOW pieces over two policies', policies: () => [allow([ips('1.0.0.0/8')]), { ...allow([ips('2.0.0.0/7')]), name: 'high' }], expected: 'refused' },
  { name: 'ALLOW pieces over two policies, both confirmed', policies: () => [allow([ips('1.0.0.0/8')], everyone), { ...allow([ips('2.0.0.0/7')], everyone), name: 'high' }], expected: [A.ANYONE_WHO_CAN_LOG_IN] },
  { name: 'NON_IDENTITY pieces over two policies', policies: () => [service([ips('1.0.0.0/8')]), { ...service([ips('2.0.0.0/7')]), name: 'high' }], expected: 'refused' },
  { name: 'NON_IDENTITY piece and ALLOW piece', policies: () => [service([ips('1.0.0.0/8')]), allow([ips('2.0.0.0/7')])], expected: 'refused' },
  { name: 'NON_IDENTITY piece and confirmed ALLOW piece', policies: () => [service([ips('1.0.0.0/8')]), allow([ips('2.0.0.0/7')], everyone)], expected: [A.ANYONE_WHO_CAN_LOG_IN, A.LISTED_NETWORKS_WITHOUT_LOGIN] },
  { name: 'IPv6 halves of global unicast over NON_IDENTITY policies', policies: () => [service([ips('2000::/4')]), { ...service([ips('3000::/4')]), name: 'b' }], expected: 'refused' },
  { name: 'two office networks over two policies', policies: () => [service([ips('198.51.100.0/24')]), allow([ips('203.0.113.0/24')])], expected: [A.LISTED_NETWORKS_WITHOUT_LOGIN, A.PEOPLE_ON_LISTED_NETWORKS] },

  // Every decision, and DENY that shadows or locks out.
  { name: 'DENY everyone before ALLOW staff', policies: () => [deny([AccessRule.everyone()]), allow([staff])], expected: 'refused' },
  { name: 'DENY the whole internet (both families) before ALLOW staff', policies: () => [deny([ips('0.0.0.0/0', '::/0')]), allow([staff])], expected: 'refused' },
  { name: 'DENY all of IPv4 only before ALLOW staff', policies: () => [deny([ips('0.0.0.0/0')]), allow([staff])], expected: [A.NAMED_PEOPLE] },
  { name: 'DENY everyone but one person before ALLOW staff', policies: () => [deny([AccessRule.everyone()], { exclude: [AccessRule.emails(['boss@example.com'])] }), allow([staff])], expected: [A.NAMED_PEOPLE] },
  { name: 'DENY a former employee before ALLOW staff', policies: () => [deny([AccessRule.emails(['former@example.com'])]), allow([staff])], expected: [A.NAMED_PEOPLE] },
  { name: 'DENY everyone, a service token still gets in', policies: () => [service([AccessRule.serviceToken('token')]), deny([AccessRule.everyone()])], expected: [A.SERVICE_TOKENS] },
  { name: 'DENY only', policies: () => [deny([AccessRule.emails(['x@example.com'])])], expected: 'refused' },
  { name: 'staff and a service token', policies: () => [allow([staff]), service([AccessRule.serviceToken('token')])], expected: [A.NAMED_PEOPLE, A.SERVICE_TOKENS] },
  { name: 'people named, gmail confirmed, token', policies: () => [allow([staff]), { ...allow([AccessRule.emailDomain('gmail.com')], everyone), name: 'friends' }, service([AccessRule.serviceToken('t')])], expected: [A.ANYONE_WHO_CAN_LOG_IN, A.NAMED_PEOPLE, A.SERVICE_TOKENS] },

  // Groups, nested two deep, and split with policies.
  { name: 'a group of everyone', groups: { all: { include: () => [AccessRule.everyone()] } }, policies: (k) => [allow([k.group('all')])], expected: 'refused' },
  { name: 'a group of everyone, confirmed', groups: { all: { include: () => [AccessRule.everyone()] } }, policies: (k) => [allow([k.group('all')], everyone)], expected: [A.ANYONE_WHO_CAN_LOG_IN] },
  { name: 'a group of staff', groups: { staff: { include: () => [staff] } }, policies: (k) => [allow([k.group('staff')])], expected: [A.NAMED_PEOPLE] },
  { name: 'a group of everyone who must be staff', groups: { g: { include: () => [AccessRule.everyone()], require: () => [staff] } }, policies: (k) => [allow([k.group('g')])], expected: [A.NAMED_PEOPLE] },
  { name: 'a group of one-time PIN users', groups: { otp: { include: (k) => [AccessRule.loginMethod(k.idp('onetimepin'))] } }, policies: (k) => [allow([k.group('otp')])], expected: 'refused' },
  { name: 'a group of gmail.com', groups: { g: { include: () => [AccessRule.emailDomain('gmail.com')] } }, policies: (k) => [allow([k.group('g')])], expected: 'refused' },
  {
    name: 'a group in a group of everyone',
    groups: { inner: { include: () => [AccessRule.everyone()] }, outer: { include: (k) => [k.group('inner')] } },
    policies: (k) => [allow([k.group('outer')])],
    expected: 'refused',
  },
  {
    name: 'groups two deep down to the whole internet',
    groups: { inner: { include: () => [ips('0.0.0.0/0')] }, middle: { include: (k) => [k.group('inner')] }, outer: { include: (k) => [k.group('middle')] } },
    policies: (k) => [allow([k.group('outer')])],
    expected: 'refused',
  },
  {
    name: 'groups two deep of named people',
    groups: { inner: { include: () => [AccessRule.emails(['a@example.com'])] }, middle: { include: (k) => [k.group('inner')] }, outer: { include: (k) => [k.group('middle'), staff] } },
    policies: (k) => [allow([k.group('outer')])],
    expected: [A.NAMED_PEOPLE],
  },
  {
    name: 'a one-time PIN group that requires a group of named people',
    groups: { named: { include: () => [AccessRule.emails(['a@example.com'])] }, otp: { include: (k) => [AccessRule.loginMethod(k.idp('onetimepin'))], require: (k) => [k.group('named')] } },
    policies: (k) => [allow([k.group('otp')])],
    expected: [A.NAMED_PEOPLE],
  },
  { name: 'IP pieces split between a group and the policy', groups: { low: { include: () => [ips('1.0.0.0/8')] } }, policies: (k) => [allow([k.group('low'), ips('2.0.0.0/7')])], expected: 'refused' },
  { name: 'IP pieces split between two groups', groups: { low: { include: () => [ips('1.0.0.0/8')] }, high: { include: () => [ips('2.0.0.0/7')] } }, policies: (k) => [allow([k.group('low'), k.group('high')])], expected: 'refused' },
  { name: 'NON_IDENTITY IP pieces split over groups of two policies', groups: { low: { include: () => [ips('1.0.0.0/8')] }, high: { include: () => [ips('2.0.0.0/7')] } }, policies: (k) => [service([k.group('low')]), { ...service([k.group('high')]), name: 'b' }], expected: 'refused' },
  { name: 'a group of service tokens, NON_IDENTITY', groups: { ci: { include: () => [AccessRule.serviceToken('token')] } }, policies: (k) => [service([k.group('ci')])], expected: [A.SERVICE_TOKENS] },
  { name: 'a group of every service token, NON_IDENTITY', groups: { ci: { include: () => [AccessRule.anyValidServiceToken()] } }, policies: (k) => [service([k.group('ci')])], expected: 'refused' },
  { name: 'a group of service tokens in ALLOW', groups: { ci: { include: () => [AccessRule.serviceToken('token')] } }, policies: (k) => [allow([k.group('ci')])], expected: 'refused' },
  { name: 'a group made elsewhere, NON_IDENTITY', policies: () => [service([AccessRule.accessGroup(EXISTING)])], expected: [A.UNKNOWN] },

  // What the report must flag although the constructs never emit it.
  { name: 'DENY after ALLOW', policies: () => [allow([staff]), deny([AccessRule.emails(['former@example.com'])])], expected: 'refused' },
  { name: 'BYPASS without its opt-in', policies: () => [{ name: 'office', decision: BYPASS, include: [ips('198.51.100.0/24')] }], expected: 'refused' },
  {
    name: 'rules that combine into too many alternatives to evaluate',
    groups: { g0: { include: () => [AccessRule.emails(['a0@example.com']), AccessRule.emails(['b0@example.com'])] }, g1: { include: () => [AccessRule.emails(['a1@example.com']), AccessRule.emails(['b1@example.com'])] }, g2: { include: () => [AccessRule.emails(['a2@example.com']), AccessRule.emails(['b2@example.com'])] }, g3: { include: () => [AccessRule.emails(['a3@example.com']), AccessRule.emails(['b3@example.com'])] }, g4: { include: () => [AccessRule.emails(['a4@example.com']), AccessRule.emails(['b4@example.com'])] }, g5: { include: () => [AccessRule.emails(['a5@example.com']), AccessRule.emails(['b5@example.com'])] }, g6: { include: () => [AccessRule.emails(['a6@example.com']), AccessRule.emails(['b6@example.com'])] }, g7: { include: () => [AccessRule.emails(['a7@example.com']), AccessRule.emails(['b7@example.com'])] }, g8: { include: () => [AccessRule.emails(['a8@example.com']), AccessRule.emails(['b8@example.com'])] }, g9: { include: () => [AccessRule.emails(['a9@example.com']), AccessRule.emails(['b9@example.com'])] } },
    policies: (k) => [service([AccessRule.everyone()], { require: ['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9'].map((g) => k.group(g)) })],
    expected: 'refused',
  },

  // Policies made elsewhere.
  { name: 'an existing DENY before staff', existing: [{ policyId: EXISTING, decision: DENY }], policies: () => [allow([staff])], expected: [A.NAMED_PEOPLE] },
  { name: 'an existing ALLOW next to staff', existing: [{ policyId: EXISTING, decision: ALLOW }], policies: () => [allow([staff])], expected: [A.NAMED_PEOPLE, A.UNKNOWN] },
  { name: 'an existing NON_IDENTITY next to a token', existing: [{ policyId: EXISTING, decision: NON_IDENTITY }], policies: () => [service([AccessRule.serviceToken('t')])], expected: [A.SERVICE_TOKENS, A.UNKNOWN] },
];

test('the table holds at least 100 configurations', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(100);
});

describe.each(CASES.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
  if (spec.expected === 'refused') {
    test('the constructs refuse it, and the report of the same configuration flags it', () => {
      expect(() => viaConstructs(spec)).toThrow(/^Invalid /);
      const report = AccessReport.fromStack(viaRawResources(spec));
      expect([...report.openWithoutOptIn(), ...report.urls.flatMap((url) => url.problems)]).not.toEqual([]);
    });
  } else {
    const expected = spec.expected;
    test('the constructs accept it, and the report classifies it the same way, every open way confirmed', () => {
      const report = AccessReport.fromStack(viaConstructs(spec));
      expect(audiences(report)).toEqual(expected);
      expect(report.openWithoutOptIn()).toEqual([]);
      expect(report.urls[0].problems).toEqual([]);
      // Built with no guard at all, the same configuration reads the same way (opt-ins aside).
      expect(audiences(AccessReport.fromStack(viaRawResources(spec)))).toEqual(expected);
    });
  }
});
