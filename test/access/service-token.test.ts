import { TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import { newStack, onlyResource, synth } from '../helpers';
import { resolved } from './resolve';
import { AccessServiceToken, AccessServiceTokenProps } from '../../src/access';

const BASE: AccessServiceTokenProps = { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'ci' };
const EXPIRY = '2030-01-31T00:00:00Z';

function tokenResource(props: AccessServiceTokenProps): any {
  return onlyResource(synth((stack) => new AccessServiceToken(stack, 'Token', props)).doc, 'cloudflare_zero_trust_access_service_token');
}

describe('AccessServiceToken', () => {
  test('snapshot with rotation settings', () => {
    const { json } = synth((stack) => {
      new AccessServiceToken(stack, 'Token', {
        ...BASE,
        duration: '720h',
        rotationVersion: 2,
        previousSecretExpiresAt: '2030-01-31T00:00:00Z',
      });
    });
    expect(json).toMatchSnapshot();
  });

  test('defaults leave duration and version to Cloudflare', () => {
    const { doc } = synth((stack) => new AccessServiceToken(stack, 'Token', BASE));
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_service_token')).toEqual({ account_id: '0123456789abcdef0123456789abcdef', name: 'ci' });
  });

  test('a rotation is one change: version and previous-secret expiry together', () => {
    expect(tokenResource({ ...BASE, rotationVersion: 3, previousSecretExpiresAt: EXPIRY })).toEqual({
      account_id: '0123456789abcdef0123456789abcdef',
      name: 'ci',
      client_secret_version: 3,
      previous_client_secret_expires_at: EXPIRY,
    });
  });

  test.each(['2030-01-31T00:00:00Z', '2030-01-31T01:00:00+01:00', '2028-02-29T23:59:59.123456-05:30'])('accepts the RFC 3339 timestamp %s', (expiry) => {
    expect(tokenResource({ ...BASE, rotationVersion: 2, previousSecretExpiresAt: expiry }).previous_client_secret_expires_at).toBe(expiry);
  });

  test('Terraform references pass through unchecked', () => {
    const stack = newStack();
    const version = new TerraformVariable(stack, 'version', { type: 'number' });
    const expiry = new TerraformVariable(stack, 'expiry', { type: 'string' });
    new AccessServiceToken(stack, 'Token', { ...BASE, rotationVersion: version.numberValue, previousSecretExpiresAt: expiry.stringValue });
    const resource = onlyResource(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_access_service_token');
    expect(resource.client_secret_version).toBe('${var.version}');
    expect(resource.previous_client_secret_expires_at).toBe('${var.expiry}');
  });

  test('exposes the id, the client id and a sensitive client secret', () => {
    const stack = newStack();
    const token = new AccessServiceToken(stack, 'Token', BASE);
    expect(resolved(stack, token.tokenId)).toMatch(/^\$\{cloudflare_zero_trust_access_service_token\.Token_.*\.id\}$/);
    expect(resolved(stack, token.clientId)).toMatch(/^\$\{cloudflare_zero_trust_access_service_token\.Token_.*\.client_id\}$/);
    expect(resolved(stack, token.clientSecret))
      .toMatch(/^\$\{sensitive\(cloudflare_zero_trust_access_service_token\.Token_.*\.client_secret\)\}$/);
  });

  test('the secret can feed a sensitive output', () => {
    const { doc } = synth((stack) => {
      const token = new AccessServiceToken(stack, 'Token', BASE);
      new TerraformOutput(stack, 'secret', { value: token.clientSecret, sensitive: true });
    });
    expect(doc.output.secret.sensitive).toBe(true);
  });
});

describe('AccessServiceToken bad input', () => {
  test.each(['1y', '0s', '-5h', 'forever-ish'])('a duration of %s', (duration) => {
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, duration }))
      .toThrow(/Invalid duration: .*Expected a Go duration greater than zero/);
  });

  test.each([0, -1, 1.5])('a rotation version of %s', (rotationVersion) => {
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, rotationVersion, previousSecretExpiresAt: EXPIRY }))
      .toThrow(/Invalid rotationVersion: .*Expected a whole number greater than 0/);
  });

  test('a rotation version without the previous secret expiry, which the provider rejects', () => {
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, rotationVersion: 2 }))
      .toThrow(/Invalid previousSecretExpiresAt: undefined\. Expected it whenever rotationVersion is set \(the provider requires both or neither\)/);
  });

  test('a previous secret expiry without the rotation version, which the provider rejects', () => {
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, previousSecretExpiresAt: EXPIRY }))
      .toThrow(/Invalid rotationVersion: undefined\. Expected it whenever previousSecretExpiresAt is set \(the provider requires both or neither\)/);
  });

  test.each([
    '31/01/2030',
    '2030-01-31',
    '2030-01-31 00:00:00Z',
    '2030-01-31T00:00:00',
    '2030-02-30T00:00:00Z',
    '2030-13-01T00:00:00Z',
    '2030-01-31T24:00:00Z',
    '2030-01-31T00:60:00Z',
    '2030-01-31T00:00:00+25:00',
  ])('a previous secret expiry that is not an RFC 3339 timestamp: %s', (previousSecretExpiresAt) => {
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, rotationVersion: 2, previousSecretExpiresAt }))
      .toThrow(/Invalid previousSecretExpiresAt: ".*"\. Expected an RFC 3339 timestamp/);
  });

  test('an empty name', () => {
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, name: '' })).toThrow(/Invalid name: ""/);
  });
});
