import { TerraformOutput } from 'cdktf';
import { newStack, onlyResource, synth } from '../helpers';
import { resolved } from './resolve';
import { AccessServiceToken, AccessServiceTokenProps } from '../../src/access';

const BASE: AccessServiceTokenProps = { accountId: 'account', name: 'ci' };

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
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_service_token')).toEqual({ account_id: 'account', name: 'ci' });
  });

  test('rotationVersion sets client_secret_version', () => {
    const { doc } = synth((stack) => new AccessServiceToken(stack, 'Token', { ...BASE, rotationVersion: 3 }));
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_service_token').client_secret_version).toBe(3);
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
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, rotationVersion }))
      .toThrow(/Invalid rotationVersion: .*Expected a whole number greater than 0/);
  });

  test('a previous secret expiry that is not RFC 3339', () => {
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, previousSecretExpiresAt: '31/01/2030' }))
      .toThrow(/Invalid previousSecretExpiresAt: "31\/01\/2030"\. Expected an RFC 3339 timestamp/);
  });

  test('an empty name', () => {
    expect(() => new AccessServiceToken(newStack(), 'Token', { ...BASE, name: '' })).toThrow(/Invalid name: ""/);
  });
});
