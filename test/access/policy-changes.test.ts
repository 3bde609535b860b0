// What Terraform will do when a user changes the policies of an application:
// addresses (construct ids) stay put on renames, the application's session
// length reaches every policy, and no DENY can sit where it would never match.
import { AccessApplication, AccessApplicationProps, AccessDecision, AccessPolicyOptions, AccessRule } from '../../src/access';
import { newStack, onlyResource, resources, synth } from '../helpers';

const TEAM: AccessPolicyOptions = { key: 'team', name: 'Team', include: [AccessRule.emailDomain('example.com')] };
const FORMER: AccessPolicyOptions = { key: 'former', name: 'Former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] };
const CI: AccessPolicyOptions = { key: 'ci', name: 'CI', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken('token-id')] };

function appDoc(props: Partial<AccessApplicationProps>): any {
  return synth((stack) => {
    new AccessApplication(stack, 'App', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'app', domains: ['app.example.com'], policies: [TEAM], ...props });
  }).doc;
}

/** Policy name -> Terraform address of the policy resource. */
function addresses(doc: any): Record<string, string> {
  return Object.fromEntries(Object.entries(resources(doc, 'cloudflare_zero_trust_access_policy'))
    .map(([logicalId, policy]) => [(policy as any).name, logicalId]));
}

describe('policy addresses', () => {
  test('renaming a policy keeps its address (an in-place update)', () => {
    const before = addresses(appDoc({ policies: [FORMER, TEAM] }));
    const after = addresses(appDoc({ policies: [FORMER, { ...TEAM, name: 'Engineering' }] }));
    expect(after.Engineering).toBe(before.Team);
    expect(after['Former staff']).toBe(before['Former staff']);
  });

  test('with keys, reordering and inserting policies keep every address and only change precedences', () => {
    const keyed = (options: AccessPolicyOptions, key: string) => ({ ...options, key });
    const beforeDoc = appDoc({ policies: [keyed(CI, 'ci'), keyed(TEAM, 'team')] });
    const afterDoc = appDoc({ policies: [keyed(FORMER, 'former'), keyed(TEAM, 'team'), keyed(CI, 'ci')] });
    const before = addresses(beforeDoc);
    const after = addresses(afterDoc);
    expect(after.Team).toBe(before.Team);
    expect(after.CI).toBe(before.CI);
    expect(after.Team).toMatch(/^App_team_/);
    const precedence = (doc: any, name: string) => onlyResource(doc, 'cloudflare_zero_trust_access_application').policies
      .find((p: any) => p.id === `\${cloudflare_zero_trust_access_policy.${addresses(doc)[name]}.id}`).precedence;
    expect([precedence(beforeDoc, 'CI'), precedence(beforeDoc, 'Team')]).toEqual([1, 2]);
    expect([precedence(afterDoc, 'Former staff'), precedence(afterDoc, 'Team'), precedence(afterDoc, 'CI')]).toEqual([1, 2, 3]);
  });

  test('a lone policy needs no key; it is addressed as policy-1, so renaming it keeps the address', () => {
    const lone = (name: string) => addresses(appDoc({ policies: [{ name, include: TEAM.include }] }));
    expect(lone('Team').Team).toMatch(/^App_policy-1_/);
    expect(lone('Engineering').Engineering).toBe(lone('Team').Team);
  });

  test('at most one policy goes without a key: it gets policy-1', () => {
    const { key: _team, ...unkeyedTeam } = TEAM;
    const { key: _ci, ...unkeyedCi } = CI;
    expect(addresses(appDoc({ policies: [FORMER, unkeyedTeam] })).Team).toMatch(/^App_policy-1_/);
    expect(() => appDoc({ policies: [unkeyedCi, FORMER, unkeyedTeam] })).toThrow(
      /Invalid policies\[0\]\.key: undefined\. Give each policy a key when there is more than one .*could drop a DENY/);
  });

  test('keys of the reserved form policy-<number> are refused', () => {
    expect(() => appDoc({ policies: [{ ...FORMER, key: 'policy-1' }, TEAM] })).toThrow(
      /Invalid policies\[0\]\.key: "policy-1"\. Keys of the form policy-<number> are kept for the policy without a key/);
    expect(() => appDoc({ policies: [{ ...TEAM, key: 'policy-7' }] })).toThrow(/Invalid policies\[0\]\.key: "policy-7"/);
  });

  test('every policy is created before the one it replaces is destroyed', () => {
    for (const policy of Object.values(resources(appDoc({ policies: [FORMER, TEAM, CI] }), 'cloudflare_zero_trust_access_policy'))) {
      expect((policy as any).lifecycle).toEqual({ create_before_destroy: true });
    }
  });

  test('bad or repeated keys are refused', () => {
    const attempt = (policies: AccessPolicyOptions[]) => () => new AccessApplication(newStack(), 'App', {
      cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'app', domains: ['app.example.com'], policies,
    });
    expect(attempt([{ ...TEAM, key: 'Team Policy' }]))
      .toThrow(/Invalid policies\[0\]\.key: "Team Policy"\. Expected 1 to 63 lower-case letters, digits and hyphens/);
    expect(attempt([{ ...TEAM, key: 'team' }, { ...CI, key: 'team' }])).toThrow(/Invalid policies\[\]\.key: "team"\. Each value may appear only once/);
  });
});

describe('session duration', () => {
  test('every policy carries the application session duration unless it sets its own', () => {
    const doc = appDoc({ sessionDuration: '1h', policies: [FORMER, { ...TEAM, sessionDuration: '8h' }, CI] });
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_application').session_duration).toBe('1h');
    const durations = Object.fromEntries(Object.values(resources(doc, 'cloudflare_zero_trust_access_policy'))
      .map((policy: any) => [policy.name, policy.session_duration]));
    expect(durations).toEqual({ 'Former staff': '1h', 'Team': '8h', 'CI': '1h' });
  });

  test('the default is 24h on the application and its policies alike', () => {
    const doc = appDoc({});
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_application').session_duration).toBe('24h');
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_policy').session_duration).toBe('24h');
  });
});

describe('DENY policies come before ALLOW policies', () => {
  test('a DENY after an ALLOW is refused, naming both', () => {
    expect(() => appDoc({ policies: [CI, TEAM, FORMER] })).toThrow(
      /Invalid policies\[2\]\.decision: "deny"\. DENY policy "Former staff" comes after ALLOW policy "Team" \(policies\[1\]\).*Put DENY policies before every ALLOW policy/);
  });

  test('DENY first, with service auth anywhere, is accepted', () => {
    expect(Object.keys(addresses(appDoc({ policies: [CI, FORMER, TEAM] })))).toEqual(['CI', 'Former staff', 'Team']);
  });
});
