// Access groups: reusable rule sets, checked like a policy's rules, and used in
// policies through AccessRule.membersOf with the same opt-ins.
import { AccessApplication, AccessDecision, AccessGroup, AccessGroupProps, AccessPolicy, AccessRule } from '../../src/access';
import { expectInvalid, newStack, onlyResource, resources, synth } from '../helpers';
import { resolved } from './resolve';

const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';

function groupDoc(props: Partial<AccessGroupProps>): any {
  const { doc } = synth((stack) => {
    new AccessGroup(stack, 'Sre', { cloudflareAccountId: ACCOUNT_ID, name: 'SRE', include: [AccessRule.emails(['a@example.com'])], ...props });
  });
  return onlyResource(doc, 'cloudflare_zero_trust_access_group');
}

function attempt(props: Partial<AccessGroupProps>): void {
  new AccessGroup(newStack(), 'Sre', { cloudflareAccountId: ACCOUNT_ID, name: 'SRE', include: [AccessRule.emails(['a@example.com'])], ...props });
}

describe('AccessGroup', () => {
  test('include, exclude and require become lists of one selector per element', () => {
    expect(groupDoc({
      include: [AccessRule.emails(['a@example.com', 'b@example.com']), AccessRule.oktaGroup('SRE', 'okta-idp')],
      exclude: [AccessRule.emails(['former@example.com'])],
      require: [AccessRule.loginMethod('okta-idp')],
    })).toEqual({
      account_id: ACCOUNT_ID,
      name: 'SRE',
      include: [
        { email: { email: 'a@example.com' } },
        { email: { email: 'b@example.com' } },
        { okta: { name: 'SRE', identity_provider_id: 'okta-idp' } },
      ],
      exclude: [{ email: { email: 'former@example.com' } }],
      require: [{ login_method: { id: 'okta-idp' } }],
    });
  });

  test('empty exclude and require lists are left out', () => {
    const group = groupDoc({ exclude: [], require: [] });
    expect(group.exclude).toBeUndefined();
    expect(group.require).toBeUndefined();
  });

  test('exposes the id and name; membersOf refers to the group by id', () => {
    const { doc, stack } = synth((scope) => {
      const sre = new AccessGroup(scope, 'Sre', { cloudflareAccountId: ACCOUNT_ID, name: 'SRE', include: [AccessRule.emailDomain('example.com')] });
      expect(sre.name).toBe('SRE');
      expect(resolved(scope, sre.groupId)).toMatch(/^\$\{cloudflare_zero_trust_access_group\.Sre_.*\.id\}$/);
      new AccessPolicy(scope, 'Policy', { cloudflareAccountId: ACCOUNT_ID, name: 'SRE', include: [AccessRule.membersOf(sre)] });
    });
    expect(stack).toBeDefined();
    const [groupId] = Object.keys(resources(doc, 'cloudflare_zero_trust_access_group'));
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_policy').include).toEqual([{ group: { id: `\${cloudflare_zero_trust_access_group.${groupId}.id}` } }]);
  });

  test('an application can let in a group, and keep another out', () => {
    const { doc } = synth((stack) => {
      const staff = new AccessGroup(stack, 'Staff', { cloudflareAccountId: ACCOUNT_ID, name: 'Staff', include: [AccessRule.emailDomain('example.com')] });
      const contractors = new AccessGroup(stack, 'Contractors', { cloudflareAccountId: ACCOUNT_ID, name: 'Contractors', include: [AccessRule.emails(['c@example.com'])] });
      new AccessApplication(stack, 'App', {
        cloudflareAccountId: ACCOUNT_ID,
        name: 'app',
        domains: ['app.example.com'],
        policies: [{ name: 'Staff but not contractors', include: [AccessRule.membersOf(staff)], exclude: [AccessRule.membersOf(contractors)] }],
      });
    });
    const policy = onlyResource(doc, 'cloudflare_zero_trust_access_policy');
    expect(policy.include[0].group.id).toMatch(/cloudflare_zero_trust_access_group\.Staff_/);
    expect(policy.exclude[0].group.id).toMatch(/cloudflare_zero_trust_access_group\.Contractors_/);
  });
});

describe('open groups need the opt-in, in the group and again in each policy', () => {
  test.each<[string, AccessRule[], string, RegExp]>([
    ['everyone()', [AccessRule.everyone()], 'include[0]', /"AccessRule\.everyone\(\)"\. In group "SRE" this rule matches everyone: .*allowEveryoneWhoCanLogIn: true on the group/],
    ['IP ranges covering IPv4', [AccessRule.ipRanges(['1.0.0.0/8']), AccessRule.ipRanges(['0.0.0.0/1', '128.0.0.0/1'])], 'include[1]', /In group "SRE" the IP ranges .* cover all of IPv4/],
    ['any valid service token', [AccessRule.anyValidServiceToken()], 'include[0]', /"AccessRule\.anyValidServiceToken\(\)"\. In group "SRE" this accepts every service token/],
  ])('a group of %s is refused without its opt-in', (_case, include, property, message) => {
    expectInvalid(() => attempt({ include }), property, message);
  });

  test('an open group, confirmed, still needs the policy\'s own opt-in', () => {
    const stack = newStack();
    const everyone = new AccessGroup(stack, 'Everyone', { cloudflareAccountId: ACCOUNT_ID, name: 'Everyone', include: [AccessRule.everyone()], allowEveryoneWhoCanLogIn: true });
    const tokens = new AccessGroup(stack, 'Tokens', { cloudflareAccountId: ACCOUNT_ID, name: 'Tokens', include: [AccessRule.anyValidServiceToken()], allowEveryServiceTokenOfTheAccount: true });
    expect(() => new AccessPolicy(stack, 'A', { cloudflareAccountId: ACCOUNT_ID, name: 'all', include: [AccessRule.membersOf(everyone)] }))
      .toThrow(/^Invalid include\[0\]: "AccessRule\.membersOf\(Everyone\)"\. In policy "all" the group includes everyone: .*allowEveryoneWhoCanLogIn: true on the policy/);
    expect(() => new AccessPolicy(stack, 'B', { cloudflareAccountId: ACCOUNT_ID, name: 'all', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.membersOf(everyone)], allowEveryoneWhoCanLogIn: true }))
      .toThrow(/a NON_IDENTITY policy then lets every request in without a login/);
    expect(() => new AccessPolicy(stack, 'C', { cloudflareAccountId: ACCOUNT_ID, name: 'tokens', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.membersOf(tokens)] }))
      .toThrow(/^Invalid include\[0\]: "AccessRule\.membersOf\(Tokens\)"\. In policy "tokens" this accepts every service token/);
    new AccessPolicy(stack, 'D', { cloudflareAccountId: ACCOUNT_ID, name: 'all', include: [AccessRule.membersOf(everyone)], allowEveryoneWhoCanLogIn: true });
    new AccessPolicy(stack, 'E', { cloudflareAccountId: ACCOUNT_ID, name: 'tokens', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.membersOf(tokens)], allowEveryServiceTokenOfTheAccount: true });
  });

  test('a group of people is an identity rule: refused in a NON_IDENTITY policy; a group of tokens is not', () => {
    const stack = newStack();
    const people = new AccessGroup(stack, 'People', { cloudflareAccountId: ACCOUNT_ID, name: 'People', include: [AccessRule.emailDomain('example.com')] });
    const machines = new AccessGroup(stack, 'Machines', { cloudflareAccountId: ACCOUNT_ID, name: 'Machines', include: [AccessRule.serviceToken('token-id')] });
    expect(() => new AccessPolicy(stack, 'A', { cloudflareAccountId: ACCOUNT_ID, name: 'ci', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.membersOf(people)] }))
      .toThrow(/^Invalid include\[0\]: "AccessRule\.membersOf\(People\)"\. A NON_IDENTITY policy never asks anyone to log in/);
    new AccessPolicy(stack, 'B', { cloudflareAccountId: ACCOUNT_ID, name: 'ci', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.membersOf(machines)] });
  });

  test('open rules in exclude or require need no opt-in', () => {
    expect(groupDoc({ exclude: [AccessRule.anyValidServiceToken()], require: [AccessRule.ipRanges(['0.0.0.0/0'])] }).require)
      .toEqual([{ ip: { ip: '0.0.0.0/0' } }]);
  });
});

describe('AccessGroup bad input', () => {
  test.each<[string, Partial<AccessGroupProps>, string, RegExp]>([
    ['no include rule', { include: [] }, 'include', /Expected at least one rule: a group with no include rule has no members/],
    ['a rule that is not an AccessRule', { include: [{} as AccessRule] }, 'include[0]', /Expected an AccessRule made by one of its static factories/],
    ['a bad account id', { cloudflareAccountId: 'acme' }, 'cloudflareAccountId', /"acme"\. Expected a Cloudflare id/],
    ['an empty name', { name: '' }, 'name', /""\. Expected a non-empty string/],
  ])('%s', (_case, props, property, message) => {
    expectInvalid(() => attempt(props), property, message);
  });

  test('membersOf something that is not a group', () => {
    expect(() => AccessRule.membersOf({} as AccessGroup)).toThrow(/^Invalid AccessRule\.membersOf: \{\}\. Expected an AccessGroup; for a group made elsewhere use AccessRule\.accessGroup\(groupId\)/);
  });
});
