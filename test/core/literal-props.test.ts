// Props that shape how much is synthesized must be literal: a token there gets
// an error that names the prop and never shows a token's internal marker.
// (Whole lists of emails, IP ranges and application domains render instead: test/access/list-tokens.test.ts.)
import { TerraformVariable } from 'cdktf';
import { AccessRule, PrivateNetwork } from '../../src';
import { newStack } from '../helpers';

describe('props that must be literal', () => {
  const stack = newStack();
  const count = new TerraformVariable(stack, 'count', { type: 'number' }).numberValue;

  test.each<[string, () => unknown, string]>([
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
