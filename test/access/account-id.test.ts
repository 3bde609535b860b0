// Every Access construct checks the account id it is given, not only the tunnel.
import { TerraformVariable } from 'cdktf';
import { AccessApplication, AccessIdentityProvider, AccessPolicy, AccessRule, AccessServiceToken } from '../../src/access';
import { newStack } from '../helpers';

const TEAM = { name: 'team', include: [AccessRule.emailDomain('example.com')] };
const BUILDERS: Array<[string, (accountId: string) => unknown]> = [
  ['AccessApplication', (accountId) => new AccessApplication(newStack(), 'app', { cloudflareAccountId: accountId, name: 'app', domains: ['app.example.com'], policies: [TEAM] })],
  ['AccessPolicy', (accountId) => new AccessPolicy(newStack(), 'policy', { cloudflareAccountId: accountId, ...TEAM })],
  ['AccessServiceToken', (accountId) => new AccessServiceToken(newStack(), 'token', { cloudflareAccountId: accountId, name: 'ci' })],
  ['AccessIdentityProvider', (accountId) => AccessIdentityProvider.oneTimePin(newStack(), 'otp', { cloudflareAccountId: accountId })],
];

describe.each(BUILDERS)('%s', (_name, build) => {
  test.each(['abc', '', '0123456789ABCDEF0123456789ABCDEF', '0123456789abcdef0123456789abcdef0'])('rejects the account id %p', (accountId) => {
    expect(() => build(accountId)).toThrow(`Invalid cloudflareAccountId: ${JSON.stringify(accountId)}. Expected a Cloudflare id of 32 lower-case hexadecimal characters`);
  });

  test('accepts a token', () => {
    const stack = newStack();
    const accountId = new TerraformVariable(stack, 'account', { type: 'string' }).stringValue;
    expect(() => build(accountId)).not.toThrow();
  });
});
