import { TerraformVariable } from 'cdktf';
import { newStack, onlyResource, synth } from '../helpers';
import { resolved } from './resolve';
import { AccessIdentityProvider, GoogleWorkspaceIdentityProviderProps, OidcIdentityProviderProps } from '../../src/access';

const CLIENT = { accountId: '0123456789abcdef0123456789abcdef', clientId: 'client-id', clientSecret: 'client-secret' };
const WORKSPACE: GoogleWorkspaceIdentityProviderProps = { ...CLIENT, workspaceDomain: 'example.com' };
const OIDC: OidcIdentityProviderProps = {
  ...CLIENT,
  authUrl: 'https://idp.example.com/authorize',
  tokenUrl: 'https://idp.example.com/token',
  certsUrl: 'https://idp.example.com/jwks',
};

function idpDoc(build: (stack: any) => void): any {
  return onlyResource(synth(build).doc, 'cloudflare_zero_trust_access_identity_provider');
}

describe('AccessIdentityProvider', () => {
  test('snapshot of the four kinds', () => {
    const { json } = synth((stack) => {
      AccessIdentityProvider.googleWorkspace(stack, 'Workspace', WORKSPACE);
      AccessIdentityProvider.google(stack, 'Google', { ...CLIENT, name: 'Personal Google' });
      AccessIdentityProvider.oneTimePin(stack, 'Pin', { accountId: '0123456789abcdef0123456789abcdef' });
      AccessIdentityProvider.oidc(stack, 'Oidc', { ...OIDC, claims: ['groups'], pkceEnabled: true });
    });
    expect(json).toMatchSnapshot();
  });

  test('Google Workspace: type google-apps, apps_domain, sensitive secret', () => {
    const idp = idpDoc((stack) => AccessIdentityProvider.googleWorkspace(stack, 'Workspace', WORKSPACE));
    expect(idp).toEqual({
      account_id: '0123456789abcdef0123456789abcdef',
      name: 'Google Workspace',
      type: 'google-apps',
      config: { apps_domain: 'example.com', client_id: 'client-id', client_secret: '${sensitive("client-secret")}' },
    });
  });

  test('Google: type google, sensitive secret', () => {
    const idp = idpDoc((stack) => AccessIdentityProvider.google(stack, 'Google', CLIENT));
    expect(idp.type).toBe('google');
    expect(idp.name).toBe('Google');
    expect(idp.config).toEqual({ client_id: 'client-id', client_secret: '${sensitive("client-secret")}' });
  });

  test('one-time PIN: type onetimepin with an empty config', () => {
    const idp = idpDoc((stack) => AccessIdentityProvider.oneTimePin(stack, 'Pin', { accountId: '0123456789abcdef0123456789abcdef', name: 'Email code' }));
    expect(idp).toEqual({ account_id: '0123456789abcdef0123456789abcdef', name: 'Email code', type: 'onetimepin', config: {} });
  });

  test('OIDC: endpoints, default scopes, sensitive secret', () => {
    const idp = idpDoc((stack) => AccessIdentityProvider.oidc(stack, 'Oidc', OIDC));
    expect(idp.type).toBe('oidc');
    expect(idp.config).toEqual({
      client_id: 'client-id',
      client_secret: '${sensitive("client-secret")}',
      auth_url: 'https://idp.example.com/authorize',
      token_url: 'https://idp.example.com/token',
      certs_url: 'https://idp.example.com/jwks',
      scopes: ['openid', 'email', 'profile'],
    });
  });

  test('exposes the id and type', () => {
    const stack = newStack();
    const idp = AccessIdentityProvider.oneTimePin(stack, 'Pin', { accountId: '0123456789abcdef0123456789abcdef' });
    expect(resolved(stack, idp.identityProviderId)).toMatch(/^\$\{cloudflare_zero_trust_access_identity_provider\.Pin_.*\.id\}$/);
    expect(idp.type).toBe('onetimepin');
  });
});

describe('AccessIdentityProvider bad input', () => {
  test('Google Workspace without its domain', () => {
    expect(() => AccessIdentityProvider.googleWorkspace(newStack(), 'W', { ...WORKSPACE, workspaceDomain: '' }))
      .toThrow(/Invalid workspaceDomain: ""\. Expected a non-empty string/);
    expect(() => AccessIdentityProvider.googleWorkspace(newStack(), 'W', { ...CLIENT } as GoogleWorkspaceIdentityProviderProps))
      .toThrow(/Invalid workspaceDomain: undefined/);
  });

  test('Google Workspace with a malformed domain', () => {
    expect(() => AccessIdentityProvider.googleWorkspace(newStack(), 'W', { ...WORKSPACE, workspaceDomain: 'https://example.com' }))
      .toThrow(/Invalid workspaceDomain: "https:\/\/example\.com"\. Expected a lowercase domain/);
  });

  test('an empty client secret', () => {
    expect(() => AccessIdentityProvider.google(newStack(), 'G', { ...CLIENT, clientSecret: '' }))
      .toThrow(/Invalid clientSecret: ""\. Expected a non-empty string/);
  });

  test('an OIDC endpoint that is not https', () => {
    expect(() => AccessIdentityProvider.oidc(newStack(), 'O', { ...OIDC, tokenUrl: 'http://idp.example.com/token' }))
      .toThrow(/Invalid tokenUrl: "http:\/\/idp\.example\.com\/token"\. Expected an https:\/\/ URL/);
  });
});

describe('literal secrets', () => {
  const warnings = (stack: any) => stack.node.findAll().flatMap((c: any) => c.node.metadata).map((m: any) => String(m.data))
    .filter((text: string) => /is a literal string/.test(text));

  test('a literal clientSecret synthesizes with a warning that names it and the sensitive-variable way', () => {
    const stack = newStack();
    AccessIdentityProvider.google(stack, 'Google', { accountId: '0123456789abcdef0123456789abcdef', clientId: 'id', clientSecret: 'hunter2' });
    expect(warnings(stack)).toEqual([expect.stringMatching(/^clientSecret is a literal string: it is stored in plain text .*TerraformVariable with sensitive: true/)]);
  });

  test('a clientSecret from a sensitive variable gets no warning', () => {
    const stack = newStack();
    const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true });
    AccessIdentityProvider.google(stack, 'Google', { accountId: '0123456789abcdef0123456789abcdef', clientId: 'id', clientSecret: secret.stringValue });
    expect(warnings(stack)).toEqual([]);
  });
});
