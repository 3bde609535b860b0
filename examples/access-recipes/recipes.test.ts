// The recipes of docs/access.md ("Who and what can get in"), synthesized and
// checked for what each promises.
import { Testing } from 'cdktf';
import { BrowserSettingsRecipe } from './browser-settings';
import { ExistingAccessRecipe } from './existing';
import { GroupsRecipe } from './groups';
import { IdentityProvidersRecipe } from './identity-providers';
import { MachineClientRecipe } from './machine-client';
import { PathsRecipe } from './paths';
import { newStack } from '../../test/helpers';

const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';
const ZONE_ID = 'fedcba9876543210fedcba9876543210';

function synthesized(build: (stack: any) => void): any {
  const stack = newStack();
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

const all = (doc: any, type: string): any[] => Object.values(doc.resource?.[type] ?? {});

test('machine client: a service token in a NON_IDENTITY policy, a 401 for a wrong token on /api only, the secret as a sensitive output', () => {
  const doc = synthesized((stack) => new MachineClientRecipe(stack, 'recipe', ACCOUNT_ID, ZONE_ID));
  expect(all(doc, 'cloudflare_zero_trust_access_service_token')).toEqual([{ account_id: ACCOUNT_ID, name: 'reports-ci' }]);
  expect(all(doc, 'cloudflare_zero_trust_access_policy').map((policy) => policy.decision).sort()).toEqual(['allow', 'non_identity']);
  // One rule (docs/access.md): the 401 only where machines call, people keep the login page everywhere else.
  const applications = all(doc, 'cloudflare_zero_trust_access_application');
  const api = applications.find((application) => application.domain === 'reports.example.com/api')!;
  const people = applications.find((application) => application.domain === 'reports.example.com')!;
  expect(api.service_auth_401_redirect).toBe(true);
  expect(people.service_auth_401_redirect).toBeUndefined();
  expect(Object.entries<any>(doc.output).find(([id]) => id.includes('ci-client-secret'))![1].sensitive).toBe(true);
});

test('browser settings: CORS answered by Access, secure cookie defaults, a deny URL', () => {
  const [application] = all(synthesized((stack) => new BrowserSettingsRecipe(stack, 'recipe', ACCOUNT_ID)), 'cloudflare_zero_trust_access_application');
  expect(application).toMatchObject({
    cors_headers: {
      allowed_origins: ['https://orders.example.com'],
      allowed_methods: ['GET', 'POST', 'PATCH'],
      allowed_headers: ['content-type'],
      allow_credentials: true,
      max_age: 600,
    },
    same_site_cookie_attribute: 'lax',
    http_only_cookie_attribute: true,
    enable_binding_cookie: false,
    custom_deny_url: 'https://it.example.com/request-access?app=orders',
  });
  expect(application.options_preflight_bypass).toBeUndefined();
});

test('identity providers: Okta, Entra ID, GitHub and SAML, with a policy on their groups', () => {
  const doc = synthesized((stack) => new IdentityProvidersRecipe(stack, 'recipe', ACCOUNT_ID));
  const providers = all(doc, 'cloudflare_zero_trust_access_identity_provider');
  expect(providers.map((idp) => idp.type)).toEqual(['azureAD', 'github', 'saml', 'okta']);
  for (const idp of providers.filter((p) => p.type !== 'saml')) {
    expect(idp.config.client_secret).toMatch(/^\$\{sensitive\(var\./);
  }
  const [policy] = all(doc, 'cloudflare_zero_trust_access_policy');
  expect(policy.include.map((element: any) => Object.keys(element)[0])).toEqual(['okta', 'azure_ad', 'github_organization', 'saml']);
  expect(all(doc, 'cloudflare_zero_trust_access_application')[0].allowed_idps).toHaveLength(4);
});

test('groups: two groups, used by the policies of two applications', () => {
  const doc = synthesized((stack) => new GroupsRecipe(stack, 'recipe', ACCOUNT_ID));
  expect(all(doc, 'cloudflare_zero_trust_access_group').map((group) => group.name).sort()).toEqual(['Contractors', 'SRE']);
  const policies = all(doc, 'cloudflare_zero_trust_access_policy');
  expect(policies).toHaveLength(4);
  for (const policy of policies) {
    expect(policy.include).toEqual([{ group: { id: expect.stringMatching(/^\$\{cloudflare_zero_trust_access_group\./) } }]);
  }
});

test('existing: one service behind the central application, one with central policies attached', () => {
  const doc = synthesized((stack) => new ExistingAccessRecipe(stack, 'recipe', ACCOUNT_ID, ZONE_ID));
  const [application] = all(doc, 'cloudflare_zero_trust_access_application');
  expect(all(doc, 'cloudflare_zero_trust_access_application')).toHaveLength(1);
  expect(application.domain).toBe('billing.example.com');
  expect(application.policies.map((policy: any) => policy.id)).toEqual([
    'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
    expect.stringMatching(/^\$\{cloudflare_zero_trust_access_policy\./),
    '0b9b2a3c-1111-4c6e-9f0e-7d1c2e3f4a5b',
  ]);
  const audTags = all(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').map((config) => config.config.ingress[0].origin_request.access.aud_tag);
  expect(audTags).toContainEqual(['32eafc7626e974616deaf0dc3ce63d7bcbed58a2731e84d06bc3cdf1b53c4228']);
});

test('paths: an application per path, each with its own policies and its own rule in cloudflared', () => {
  const doc = synthesized((stack) => new PathsRecipe(stack, 'recipe', ACCOUNT_ID, ZONE_ID));
  const applications = all(doc, 'cloudflare_zero_trust_access_application');
  expect(applications.map((application) => application.domain).sort()).toEqual(['wiki.example.com', 'wiki.example.com/admin', 'wiki.example.com/api']);
  const api = applications.find((application) => application.domain === 'wiki.example.com/api');
  expect(api).toMatchObject({ service_auth_401_redirect: true, path_cookie_attribute: true, app_launcher_visible: false });
  expect(api.policies).toHaveLength(2);
  // Paths read differently by Access, cloudflared and the app are refused first; then one rule per path before the
  // hostname's, matched without regard to case, each accepting only its own application's tokens.
  const [config] = all(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
  expect(config.config.ingress[0]).toMatchObject({ service: 'http_status:400' });
  expect(config.config.ingress.slice(1).map((rule: any) => rule.path)).toEqual(['(?i)^/admin(/.*)?$', '(?i)^/api(/.*)?$', undefined, undefined]);
  expect(config.config.ingress.slice(1, 4).map((rule: any) => rule.origin_request.access.aud_tag.length)).toEqual([1, 1, 1]);
  expect(new Set(config.config.ingress.slice(1, 4).map((rule: any) => rule.origin_request.access.aud_tag[0])).size).toBe(3);
});
