// Policies as open as everyone() need the same explicit opt-in, whatever rule they use.
import { AccessApplication, AccessDecision, AccessPolicy, AccessPolicyProps, AccessRule } from '../../src/access';
import { newStack, onlyResource, synth } from '../helpers';

function attempt(props: Partial<AccessPolicyProps>): void {
  new AccessPolicy(newStack(), 'Policy', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'office', include: [], ...props });
}

function policyDoc(props: Partial<AccessPolicyProps>): any {
  const { doc } = synth((stack) => {
    new AccessPolicy(stack, 'Policy', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'office', include: [], ...props });
  });
  return onlyResource(doc, 'cloudflare_zero_trust_access_policy');
}

describe('IP ranges that cover a whole address family count as everyone', () => {
  test.each([
    ['all of IPv4 in one range', [['0.0.0.0/0']], 0, 'IPv4'],
    ['all of IPv6 in one range', [['::/0']], 0, 'IPv6'],
    ['IPv4 halves in one rule', [['0.0.0.0/1', '128.0.0.0/1']], 0, 'IPv4'],
    ['IPv4 in two rules, the first a small part', [['1.0.0.0/8'], ['0.0.0.0/1', '128.0.0.0/1']], 1, 'IPv4'],
    ['IPv6 halves, unordered, with overlap', [['8000::/1', '2001:db8::/32'], ['::/1']], 1, 'IPv6'],
    ['IPv4 pieces among other ranges', [['192.0.2.0/24', '1.0.0.0/8'], ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/1']], 1, 'IPv4'],
  ])('%s: an ALLOW policy needs allowEveryoneWhoCanLogIn', (_case, ranges, failingRule, family) => {
    const include = ranges.map((cidrs) => AccessRule.ipRanges(cidrs));
    const message = new RegExp(`Invalid include\\[${failingRule}\\]: "AccessRule\\.ipRanges\\(.*\\)"\\. In policy "office" `
      + `the IP ranges of the include rules together cover all of ${family}, so they match everyone: .*allowEveryoneWhoCanLogIn: true`);
    expect(() => attempt({ include })).toThrow(message);
    expect(policyDoc({ include, allowEveryoneWhoCanLogIn: true }).include).toHaveLength(ranges.flat().length);
  });

  test('a NON_IDENTITY policy over all of IPv4 is refused, even with allowEveryoneWhoCanLogIn', () => {
    const include = [AccessRule.ipRanges(['1.0.0.0/8']), AccessRule.ipRanges(['0.0.0.0/1', '128.0.0.0/1'])];
    for (const allowEveryoneWhoCanLogIn of [false, true]) {
      expect(() => attempt({ decision: AccessDecision.NON_IDENTITY, include, allowEveryoneWhoCanLogIn }))
        .toThrow(/Invalid include\[1\]: .*In policy "office" the IP ranges .* cover all of IPv4.*a NON_IDENTITY policy then lets every request in without a login/);
    }
  });

  test('ranges that leave a gap, and open ranges in exclude, require or a DENY policy, need no opt-in', () => {
    expect(policyDoc({ include: [AccessRule.ipRanges(['1.0.0.0/10', '128.0.0.0/10', '203.0.113.0/24'])] }).include)
      .toHaveLength(3);
    expect(policyDoc({ include: [AccessRule.ipRanges(['1.0.0.0/9']), AccessRule.ipRanges(['128.0.0.1/32'])] }).include).toHaveLength(2);
    expect(policyDoc({ include: [AccessRule.emailDomain('example.com')], require: [AccessRule.ipRanges(['0.0.0.0/0'])] }).require)
      .toEqual([{ ip: { ip: '0.0.0.0/0' } }]);
    expect(policyDoc({ include: [AccessRule.emailDomain('example.com')], exclude: [AccessRule.ipRanges(['::/0'])] }).exclude)
      .toEqual([{ ip: { ip: '::/0' } }]);
    expect(policyDoc({ decision: AccessDecision.DENY, include: [AccessRule.ipRanges(['0.0.0.0/0'])] }).decision).toBe('deny');
  });

  test('the check also runs for the policies an application creates, naming the policy', () => {
    expect(() => new AccessApplication(newStack(), 'App', {
      cloudflareAccountId: '0123456789abcdef0123456789abcdef',
      name: 'app',
      domains: ['app.example.com'],
      policies: [
        { name: 'team', include: [AccessRule.emailDomain('example.com')] },
        { name: 'anywhere', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.ipRanges(['::/0'])] },
      ],
    })).toThrow(/Invalid policies\[1\]\.include\[0\]: .*In policy "anywhere" the IP ranges .* cover all of IPv6/);
  });
});

describe('anyValidServiceToken needs its own opt-in', () => {
  test('in include, without allowEveryServiceTokenOfTheAccount, it is refused with the policy, rule and opt-in named', () => {
    for (const decision of [AccessDecision.NON_IDENTITY, AccessDecision.ALLOW]) {
      expect(() => attempt({ decision, include: [AccessRule.anyValidServiceToken()] })).toThrow(
        /Invalid include\[0\]: "AccessRule\.anyValidServiceToken\(\)"\. In policy "office" this accepts every service token of the whole Cloudflare account.*allowEveryServiceTokenOfTheAccount: true/);
    }
  });

  test('with the opt-in it synthesizes', () => {
    const policy = policyDoc({
      decision: AccessDecision.NON_IDENTITY,
      include: [AccessRule.anyValidServiceToken()],
      allowEveryServiceTokenOfTheAccount: true,
    });
    expect(policy.include).toEqual([{ any_valid_service_token: {} }]);
  });

  test('in require it only narrows a policy down, so it needs no opt-in', () => {
    const policy = policyDoc({
      decision: AccessDecision.NON_IDENTITY,
      include: [AccessRule.ipRanges(['192.0.2.0/24'])],
      require: [AccessRule.anyValidServiceToken()],
    });
    expect(policy.require).toEqual([{ any_valid_service_token: {} }]);
  });
});

describe('IP ranges split over several policies of one application', () => {
  const application = (policies: any[]) => () => new AccessApplication(newStack(), 'App', {
    cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'app', domains: ['app.example.com'], policies,
  });

  test('NON_IDENTITY policies that together cover all of IPv4 are refused, naming them', () => {
    expect(application([
      { key: 'low', name: 'low half', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.ipRanges(['1.0.0.0/8'])] },
      { key: 'team', name: 'team', include: [AccessRule.emailDomain('example.com')] },
      { key: 'high', name: 'high half', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.ipRanges(['2.0.0.0/7'])] },
    ])).toThrow(/Invalid policies: \["low half","high half"\]\. The IP ranges in the include rules of these NON_IDENTITY policies together cover 1% of the public IPv4 addresses, so they let every request in without a login/);
  });

  test('ALLOW policies that together cover all of IPv4 need allowEveryoneWhoCanLogIn on each', () => {
    const low = { key: 'low', name: 'low', include: [AccessRule.ipRanges(['1.0.0.0/8'])] };
    const high = { key: 'high', name: 'high', include: [AccessRule.ipRanges(['::ffff:200:0/103'])] };
    expect(application([low, high])).toThrow(/Invalid policies: \["low","high"\]\. .*together cover 1% of the public IPv4 addresses.*allowEveryoneWhoCanLogIn: true on each ALLOW policy among them/);
    expect(application([{ ...low, allowEveryoneWhoCanLogIn: true }, { ...high, allowEveryoneWhoCanLogIn: true }])).not.toThrow();
  });

  test('an unconfirmed ALLOW half and a NON_IDENTITY half together are refused', () => {
    const low = { key: 'low', name: 'low', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.ipRanges(['1.0.0.0/8'])] };
    const high = { key: 'high', name: 'high', include: [AccessRule.ipRanges(['2.0.0.0/7'])] };
    expect(application([low, high])).toThrow(/Invalid policies: \["high","low"\]\. .*cover 1% of the public IPv4 addresses, so they let in anyone who can log in .*or anyone at all, through the NON_IDENTITY ones/);
    expect(application([low, { ...high, allowEveryoneWhoCanLogIn: true }])).not.toThrow();
  });

  test('an unconfirmed ALLOW that completes a confirmed one is refused; one that adds nothing passes', () => {
    const confirmed = { key: 'low', name: 'low', include: [AccessRule.ipRanges(['1.0.0.0/8'])], allowEveryoneWhoCanLogIn: true };
    expect(application([confirmed, { key: 'high', name: 'high', include: [AccessRule.ipRanges(['2.0.0.0/7'])] }]))
      .toThrow(/Invalid policies: \["low","high"\]/);
    const wide = { ...confirmed, include: [AccessRule.ipRanges(['0.0.0.0/0'])] };
    expect(application([wide, { key: 'office', name: 'office', include: [AccessRule.ipRanges(['192.0.2.0/24'])] }])).not.toThrow();
  });

  test('IPv4-mapped IPv6 ranges count as IPv4', () => {
    expect(() => attempt({ include: [AccessRule.ipRanges(['::ffff:0:0/96'])] }))
      .toThrow(/cover all of IPv4, so they match everyone/);
  });
});
