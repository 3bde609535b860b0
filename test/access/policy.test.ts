import { Testing } from 'cdktf';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { resolved } from './resolve';
import { AccessDecision, AccessPolicy, AccessPolicyProps, AccessRule } from '../../src/access';

const TEAM = AccessRule.emails(['alice@example.com']);

function policyDoc(props: Partial<AccessPolicyProps>): any {
  const { doc } = synth((stack) => {
    new AccessPolicy(stack, 'Policy', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'p', include: [TEAM], ...props });
  });
  return onlyResource(doc, 'cloudflare_zero_trust_access_policy');
}

/** Builds a policy in a fresh stack; the bad-input tests expect it to throw. */
function attempt(props: Partial<AccessPolicyProps>): void {
  new AccessPolicy(newStack(), 'Policy', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'p', include: [TEAM], ...props });
}

describe('AccessPolicy', () => {
  test('snapshot of a policy with include, exclude and require', () => {
    const { json } = synth((stack) => {
      new AccessPolicy(stack, 'Policy', {
        cloudflareAccountId: '0123456789abcdef0123456789abcdef',
        name: 'Engineering',
        include: [AccessRule.emailDomain('example.com'), AccessRule.emails(['contractor@partner.example'])],
        exclude: [AccessRule.emails(['former@example.com'])],
        require: [AccessRule.loginMethod('idp-google')],
        sessionDuration: '8h',
      });
    });
    expect(json).toMatchSnapshot();
  });

  test('decision defaults to allow and is exposed', () => {
    const { doc, stack } = synth((s) => {
      new AccessPolicy(s, 'Policy', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'p', include: [TEAM] });
    });
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_policy').decision).toBe('allow');
    const policy = stack.node.findChild('Policy') as AccessPolicy;
    expect(policy.decision).toBe(AccessDecision.ALLOW);
    expect(policy.name).toBe('p');
    expect(resolved(stack, policy.policyId)).toMatch(/cloudflare_zero_trust_access_policy\.Policy.*\.id/);
  });

  test('exclude and require render one selector per element; empty lists are left out', () => {
    const policy = policyDoc({
      exclude: [AccessRule.emails(['x@example.com', 'y@example.com'])],
      require: [],
    });
    expect(policy.exclude).toEqual([{ email: { email: 'x@example.com' } }, { email: { email: 'y@example.com' } }]);
    expect(policy.require).toBeUndefined();
  });

  test('deny and non_identity decisions', () => {
    expect(policyDoc({ decision: AccessDecision.DENY }).decision).toBe('deny');
    expect(policyDoc({ decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken('token-id')] }).decision)
      .toBe('non_identity');
  });

  test('everyone in an allow policy synthesizes only with allowEveryoneWhoCanLogIn', () => {
    const policy = policyDoc({ include: [AccessRule.everyone()], allowEveryoneWhoCanLogIn: true });
    expect(policy.include).toEqual([{ everyone: {} }]);
  });

  test('everyone in a deny policy or in exclude needs no opt-in', () => {
    expect(policyDoc({ decision: AccessDecision.DENY, include: [AccessRule.everyone()] }).include).toEqual([{ everyone: {} }]);
    expect(policyDoc({ exclude: [AccessRule.everyone()] }).exclude).toEqual([{ everyone: {} }]);
  });

  test('bypass synthesizes only with dangerouslyBypassAuthentication', () => {
    const policy = policyDoc({
      decision: AccessDecision.BYPASS,
      include: [AccessRule.ipRanges(['203.0.113.0/24'])],
      dangerouslyBypassAuthentication: true,
    });
    expect(policy.decision).toBe('bypass');
  });
});

describe('AccessPolicy bad input', () => {
  test('everyone in an allow policy without the opt-in', () => {
    expect(() => attempt({ include: [AccessRule.everyone()] })).toThrow(
      /Invalid include\[0\]: "AccessRule.everyone\(\)"\. .*anyone who can log in.*allowEveryoneWhoCanLogIn: true/);
  });

  test('everyone with allowEveryoneWhoCanLogIn: false', () => {
    expect(() => attempt({ include: [TEAM, AccessRule.everyone()], allowEveryoneWhoCanLogIn: false }))
      .toThrow(/Invalid include\[1\]: "AccessRule.everyone\(\)"/);
  });

  test('everyone in a non_identity policy', () => {
    expect(() => attempt({ decision: AccessDecision.NON_IDENTITY, include: [AccessRule.everyone()] }))
      .toThrow(/Invalid include\[0\]: "AccessRule.everyone\(\)"\. In policy "p" this rule matches everyone: a NON_IDENTITY policy then lets every request in without a login/);
  });

  test('bypass without the opt-in', () => {
    expect(() => attempt({ decision: AccessDecision.BYPASS, include: [AccessRule.everyone()] }))
      .toThrow(/Invalid decision: "bypass"\. .*dangerouslyBypassAuthentication: true/);
  });

  test('the bypass opt-in on another decision', () => {
    expect(() => attempt({ dangerouslyBypassAuthentication: true }))
      .toThrow(/Invalid dangerouslyBypassAuthentication: true\. Only meaningful with decision BYPASS/);
  });

  test('identity rules in a non_identity policy', () => {
    expect(() => attempt({ decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken('token-id')], require: [TEAM] }))
      .toThrow(/Invalid require\[0\]: "AccessRule.emails"\. A NON_IDENTITY policy never asks anyone to log in/);
  });

  test('an empty include list', () => {
    expect(() => attempt({ include: [] })).toThrow(/Invalid include: \[\]\. Expected at least one rule/);
  });

  test('an empty name', () => {
    expect(() => attempt({ name: ' ' })).toThrow(/Invalid name: " "\. Expected a non-empty string/);
  });

  test('an unknown decision', () => {
    expect(() => attempt({ decision: 'maybe' as AccessDecision })).toThrow(/Invalid decision: "maybe"\. Expected one of allow, deny/);
  });

  test.each(['1d', '24', '-1h', '731h', '30 m'])('a session duration of %s', (duration) => {
    expect(() => attempt({ sessionDuration: duration })).toThrow(/Invalid sessionDuration: .*Expected a Go duration.*at most 730h/);
  });

  test('a failed policy creates no resource', () => {
    const stack = newStack();
    expect(() => new AccessPolicy(stack, 'Policy', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'p', include: [AccessRule.everyone()] })).toThrow();
    const doc = JSON.parse(Testing.synth(stack));
    expect(resources(doc, 'cloudflare_zero_trust_access_policy')).toEqual({});
  });
});
