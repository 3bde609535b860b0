import { TerraformVariable } from 'cdktf';
import { expectInvalid, newStack, onlyResource, synth } from '../helpers';
import { resolved } from './resolve';
import { AccessIdentityProvider, GoogleWorkspaceIdentityProviderProps, OidcIdentityProviderProps } from '../../src/access';

const CLIENT = { cloudflareAccountId: '0123456789abcdef0123456789abcdef', clientId: 'client-id', clientSecret: 'client-secret' };
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
      AccessIdentityProvider.oneTimePin(stack, 'Pin', { cloudflareAccountId: '0123456789abcdef0123456789abcdef' });
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
    const idp = idpDoc((stack) => AccessIdentityProvider.oneTimePin(stack, 'Pin', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'Email code' }));
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
    const idp = AccessIdentityProvider.oneTimePin(stack, 'Pin', { cloudflareAccountId: '0123456789abcdef0123456789abcdef' });
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
    AccessIdentityProvider.google(stack, 'Google', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', clientId: 'id', clientSecret: 'hunter2' });
    expect(warnings(stack)).toEqual([expect.stringMatching(/^clientSecret is a literal string: it is stored in plain text .*TerraformVariable with sensitive: true/)]);
  });

  test('a clientSecret from a sensitive variable gets no warning', () => {
    const stack = newStack();
    const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true });
    AccessIdentityProvider.google(stack, 'Google', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', clientId: 'id', clientSecret: secret.stringValue });
    expect(warnings(stack)).toEqual([]);
  });
});

describe('Okta, Microsoft Entra ID, GitHub and SAML', () => {
  const TENANT = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
  const CERT = 'MIIDpDCCAoygAwIBAgIGAV2ka+55MA0GCSqGSIb3DQEBCwUAMIGSMQswCQYDVQQGEwJVUzET';
  const SAML = {
    cloudflareAccountId: '0123456789abcdef0123456789abcdef',
    issuerUrl: 'https://idp.example.com/saml/metadata',
    ssoTargetUrl: 'https://idp.example.com/saml/sso',
    idpPublicCerts: [CERT],
  };

  test('Okta: type okta, the account URL, an optional authorization server, sensitive secret', () => {
    expect(idpDoc((stack) => AccessIdentityProvider.okta(stack, 'Okta', { ...CLIENT, oktaAccount: 'https://acme.okta.com' }))).toEqual({
      account_id: '0123456789abcdef0123456789abcdef',
      name: 'Okta',
      type: 'okta',
      config: { client_id: 'client-id', client_secret: '${sensitive("client-secret")}', okta_account: 'https://acme.okta.com' },
    });
    const withServer = idpDoc((stack) => AccessIdentityProvider.okta(stack, 'Okta', {
      ...CLIENT, oktaAccount: 'https://acme.okta.com', authorizationServerId: 'aus1a2b3c4d5e6f7g8h9',
    }));
    expect(withServer.config.authorization_server_id).toBe('aus1a2b3c4d5e6f7g8h9');
  });

  test('Entra ID: type azureAD, the tenant, groups loaded by default, sensitive secret', () => {
    expect(idpDoc((stack) => AccessIdentityProvider.entraId(stack, 'Entra', { ...CLIENT, directoryId: TENANT }))).toEqual({
      account_id: '0123456789abcdef0123456789abcdef',
      name: 'Microsoft Entra ID',
      type: 'azureAD',
      config: { client_id: 'client-id', client_secret: '${sensitive("client-secret")}', directory_id: TENANT, support_groups: true },
    });
    expect(idpDoc((stack) => AccessIdentityProvider.entraId(stack, 'Entra', { ...CLIENT, directoryId: TENANT, supportGroups: false }))
      .config.support_groups).toBe(false);
  });

  test('GitHub: type github, sensitive secret', () => {
    expect(idpDoc((stack) => AccessIdentityProvider.github(stack, 'GitHub', CLIENT))).toEqual({
      account_id: '0123456789abcdef0123456789abcdef',
      name: 'GitHub',
      type: 'github',
      config: { client_id: 'client-id', client_secret: '${sensitive("client-secret")}' },
    });
  });

  test('SAML: type saml, issuer, SSO URL, certificates, attributes for rules, no secret', () => {
    expect(idpDoc((stack) => AccessIdentityProvider.saml(stack, 'Saml', {
      ...SAML, name: 'Keycloak', attributes: ['groups'], emailAttributeName: 'mail', signRequest: true,
    }))).toEqual({
      account_id: '0123456789abcdef0123456789abcdef',
      name: 'Keycloak',
      type: 'saml',
      config: {
        issuer_url: 'https://idp.example.com/saml/metadata',
        sso_target_url: 'https://idp.example.com/saml/sso',
        idp_public_certs: [CERT],
        attributes: ['groups'],
        email_attribute_name: 'mail',
        sign_request: true,
      },
    });
    expect(idpDoc((stack) => AccessIdentityProvider.saml(stack, 'Saml', SAML)).name).toBe('SAML');
  });

  test('literal secrets of the new OAuth providers warn like the others', () => {
    const stack = newStack();
    AccessIdentityProvider.okta(stack, 'Okta', { ...CLIENT, oktaAccount: 'https://acme.okta.com' });
    AccessIdentityProvider.entraId(stack, 'Entra', { ...CLIENT, directoryId: TENANT });
    AccessIdentityProvider.github(stack, 'GitHub', CLIENT);
    AccessIdentityProvider.saml(stack, 'Saml', SAML);
    const warnings = stack.node.findAll().flatMap((c) => c.node.metadata).map((m) => String(m.data))
      .filter((text) => /^clientSecret is a literal string/.test(text));
    expect(warnings).toHaveLength(3);
  });

  test.each<[string, () => unknown, string, RegExp]>([
    ['an Okta account that is not an https URL', () => AccessIdentityProvider.okta(newStack(), 'O', { ...CLIENT, oktaAccount: 'acme.okta.com' }), 'oktaAccount', /"acme\.okta\.com"\. Expected an https:\/\/ URL/],
    ['an Entra ID tenant name instead of its id', () => AccessIdentityProvider.entraId(newStack(), 'E', { ...CLIENT, directoryId: 'acme.onmicrosoft.com' }), 'directoryId', /"acme\.onmicrosoft\.com"\. Expected the Entra ID tenant \(directory\) id: a UUID/],
    ['a GitHub provider without a secret', () => AccessIdentityProvider.github(newStack(), 'G', { ...CLIENT, clientSecret: '' }), 'clientSecret', /""\. Expected a non-empty string/],
    ['a SAML provider without certificates', () => AccessIdentityProvider.saml(newStack(), 'S', { ...SAML, idpPublicCerts: [] }), 'idpPublicCerts', /\[\]\. Expected at least one element/],
    ['a private key as a SAML certificate', () => AccessIdentityProvider.saml(newStack(), 'S', { ...SAML, idpPublicCerts: ['-----BEGIN PRIVATE KEY-----\nMIIE'] }), 'idpPublicCerts[0]', /"<redacted>"\. This is a private key/],
    ['a SAML SSO URL over http', () => AccessIdentityProvider.saml(newStack(), 'S', { ...SAML, ssoTargetUrl: 'http://idp.example.com/sso' }), 'ssoTargetUrl', /Expected an https:\/\/ URL/],
    ['a SAML provider without issuer', () => AccessIdentityProvider.saml(newStack(), 'S', { ...SAML, issuerUrl: '' }), 'issuerUrl', /""\. Expected a non-empty string/],
    ['the same SAML attribute twice', () => AccessIdentityProvider.saml(newStack(), 'S', { ...SAML, attributes: ['groups', 'groups'] }), 'attributes', /Each value may appear only once/],
  ])('%s is refused', (_case, build, property, message) => {
    const error = expectInvalid(() => build(), property, message);
    expect(error.message).not.toMatch(/MIIE/);
  });
});
