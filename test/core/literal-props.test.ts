// Props that shape how much is synthesized must be literal: a token there gets
// an error that names the prop and never shows a token's internal marker.
import { TerraformVariable } from 'cdktf';
import { AccessApplication, AccessRule, PrivateNetwork } from '../../src';
import { newStack } from '../helpers';

describe('props that must be literal', () => {
  const stack = newStack();
  const list = new TerraformVariable(stack, 'list', { type: 'list(string)' }).listValue;
  const count = new TerraformVariable(stack, 'count', { type: 'number' }).numberValue;

  test.each<[string, () => unknown, string]>([
    ['AccessRule.emails', () => AccessRule.emails(list), 'AccessRule.emails'],
    ['AccessRule.ipRanges', () => AccessRule.ipRanges(list), 'AccessRule.ipRanges'],
    ['AccessApplication domains', () => new AccessApplication(stack, 'app', {
      cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'app', domains: list, policies: [{ name: 'team', include: [AccessRule.emailDomain('example.com')] }],
    }), 'domains'],
    ['PrivateNetwork availabilityZoneCount', () => new PrivateNetwork(stack, 'network', { availabilityZoneCount: count }), 'availabilityZoneCount'],
  ])('%s', (_case, build, property) => {
    let message = '';
    try {
      build();
    } catch (e: any) {
      message = e.message;
    }
    expect(message.startsWith(`Invalid ${property}: <a Terraform token>. Expected a literal`)).toBe(true);
    expect(message).not.toMatch(/TfToken|TOKEN\.|-8\.1e\+298/);
  });

  test('elements of those lists may be tokens', () => {
    const email = new TerraformVariable(stack, 'email', { type: 'string' }).stringValue;
    expect(AccessRule.emails([email, 'bob@example.com'])._selectors).toHaveLength(2);
  });
});
