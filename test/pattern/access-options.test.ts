// The pattern's Access options beyond who gets in: browser and machine-client
// settings, paths with policies of their own, existing policies and an
// existing application; errors name the props as the user wrote them.
import { Testing } from 'cdktf';
import {
  AccessApplication,
  AccessApplicationProps,
  AccessCookieSameSite,
  AccessDecision,
  AccessRule,
  AccessServiceToken,
  ExistingAccessApplication,
  ValidationErrors,
  ZeroTrustAccessOptions,
  ZeroTrustFargateService,
  ZeroTrustFargateServiceProps,
} from '../../src';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

const BASE = PATTERN_PROPS;
const PEOPLE = [AccessRule.emailDomain('example.com')];
const AUD = '32eafc7626e974616deaf0dc3ce63d7bcbed58a2731e84d06bc3cdf1b53c4228';
const POLICY_ID = 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415';
const CI = { key: 'ci', name: 'CI', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken('token-id')] };

function patternDoc(access: ZeroTrustAccessOptions, overrides: Partial<ZeroTrustFargateServiceProps> = {}): any {
  return synth((stack) => new ZeroTrustFargateService(stack, 'admin', { ...BASE, ...overrides, access })).doc;
}

function failure(access: ZeroTrustAccessOptions, overrides: Partial<ZeroTrustFargateServiceProps> = {}): any {
  const stack = newStack();
  try {
    new ZeroTrustFargateService(stack, 'admin', { ...BASE, ...overrides, access });
  } catch (error) {
    expect(stack.node.findAll().filter((c) => c.node.path.includes('/admin'))).toEqual([]);
    return error;
  }
  throw new Error('expected a failure');
}

function applications(doc: any): any[] {
  return Object.values(resources(doc, 'cloudflare_zero_trust_access_application'));
}

describe('settings of the hostname\'s application', () => {
  test('a CI service token with a 401, CORS, cookies, the interstitial and a deny page pass through', () => {
    const { doc } = synth((stack) => {
      const ci = new AccessServiceToken(stack, 'ci', { cloudflareAccountId: BASE.cloudflareAccountId, name: 'ci' });
      new ZeroTrustFargateService(stack, 'admin', {
        ...BASE,
        access: {
          allow: PEOPLE,
          policies: [{ key: 'ci', name: 'CI', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken(ci.tokenId)] }],
          serviceAuth401: true,
          cors: { allowedOrigins: ['https://dashboard.example.com'], allowCredentials: true },
          cookies: { sameSite: AccessCookieSameSite.STRICT, bindingCookie: true },
          skipInterstitial: true,
          customDenyMessage: 'Ask #platform for access.',
        },
      });
    });
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_application')).toMatchObject({
      service_auth_401_redirect: true,
      cors_headers: { allowed_origins: ['https://dashboard.example.com'], allowed_methods: ['GET', 'HEAD', 'POST'], allow_credentials: true },
      same_site_cookie_attribute: 'strict',
      http_only_cookie_attribute: true,
      enable_binding_cookie: true,
      skip_interstitial: true,
      custom_deny_message: 'Ask #platform for access.',
    });
  });

  test('existing policies alone are a way in, and are attached', () => {
    const application = onlyResource(patternDoc({ existingPolicies: [{ policyId: POLICY_ID, decision: AccessDecision.ALLOW }] }),
      'cloudflare_zero_trust_access_application');
    expect(application.policies).toEqual([{ id: POLICY_ID, precedence: 1 }]);
  });

  test.each<[string, ZeroTrustAccessOptions, string, RegExp]>([
    ['a CORS origin with a path', { allow: PEOPLE, cors: { allowedOrigins: ['https://a.example.com/x'] } }, 'access.cors.allowedOrigins[0]', /Expected an origin/],
    ['the 401 without a NON_IDENTITY policy', { allow: PEOPLE, serviceAuth401: true }, 'access.serviceAuth401', /Only meaningful with a NON_IDENTITY/],
    ['a SameSite value the API does not take', { allow: PEOPLE, cookies: { sameSite: 'LAX' as AccessCookieSameSite } }, 'access.cookies.sameSite', /"LAX"\. Expected one of lax, strict, none/],
    ['a deny message and a deny URL', { allow: PEOPLE, customDenyMessage: 'No.', customDenyUrl: 'https://example.com/x' }, 'access.customDenyUrl', /Give either customDenyMessage/],
    ['a policy name as existing policy id', { allow: PEOPLE, existingPolicies: [{ policyId: 'SRE', decision: AccessDecision.ALLOW }] }, 'access.existingPolicies[0].policyId', /"SRE"\. Expected the id of a reusable Access policy/],
    ['no way in at all', {}, 'access', /Give at least one rule in access\.allow or one policy in access\.policies/],
  ])('%s', (_case, access, property, message) => {
    const error = failure(access);
    expect(ValidationErrors.propertyOf(error)).toBe(property);
    expect(error.message).toMatch(message);
  });
});

describe('paths with policies of their own', () => {
  test('each path gets an application on <hostname><path>, sharing the login settings, with its cookie on its path', () => {
    const doc = patternDoc({
      allow: PEOPLE,
      allowedIdentityProviderIds: ['idp-google'],
      autoRedirectToIdentity: true,
      sessionDuration: '8h',
      paths: [
        { path: '/api', policies: [CI], serviceAuth401: true },
        { path: '/admin', allow: [AccessRule.emails(['root@example.com'])] },
      ],
    });
    const byDomain = (domain: string) => applications(doc).find((application) => application.domain === domain);
    const [main, api, admin] = ['admin.example.com', 'admin.example.com/api', 'admin.example.com/admin'].map(byDomain);
    expect(main).toMatchObject({ domain: 'admin.example.com', app_launcher_visible: true });
    expect(main.path_cookie_attribute).toBeUndefined();
    for (const [application, domain, name] of [[api, 'admin.example.com/api', 'test-admin /api'], [admin, 'admin.example.com/admin', 'test-admin /admin']]) {
      expect(application).toMatchObject({
        name,
        domain,
        destinations: [{ type: 'public', uri: domain }],
        allowed_idps: ['idp-google'],
        auto_redirect_to_identity: true,
        session_duration: '8h',
        app_launcher_visible: false,
        path_cookie_attribute: true,
        same_site_cookie_attribute: 'lax',
      });
    }
    expect(api.service_auth_401_redirect).toBe(true);
    const policies = resources(doc, 'cloudflare_zero_trust_access_policy');
    const policyOf = (application: any) => application.policies.map((p: any) => policies[/\.([^.]+)\.id\}$/.exec(p.id)![1]]);
    expect(policyOf(api).map((p: any) => p.decision)).toEqual(['non_identity']);
    expect(policyOf(admin).map((p: any) => [p.name, p.include])).toEqual([['test-admin /admin allow', [{ email: { email: 'root@example.com' } }]]]);
  });

  test('cloudflared accepts the tokens of every application of the hostname, and the route waits for them', () => {
    const doc = patternDoc({ allow: PEOPLE, paths: [{ path: '/api', policies: [CI] }] });
    const ids = Object.keys(resources(doc, 'cloudflare_zero_trust_access_application'));
    const idOf = (part: string) => ids.find((id) => id.includes(part))!;
    const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
    // First the refusal of paths Access and the app could read differently, then the path's rule, the hostname's, the catch-all.
    expect(config.config.ingress).toHaveLength(4);
    expect(config.config.ingress[0].service).toBe('http_status:400');
    expect(config.config.ingress.slice(1).map((rule: any) => rule.path)).toEqual(['(?i)^/api(/.*)?$', undefined, undefined]);
    expect(config.config.ingress.slice(1, 3).map((rule: any) => rule.origin_request.access.aud_tag))
      .toEqual([[idOf('_access-path-api_')], [idOf('_access_')]].map(([id]) => [`\${cloudflare_zero_trust_access_application.${id}.aud}`]));
    for (const id of ids) {
      expect(config.depends_on).toContain(`cloudflare_zero_trust_access_application.${id}`);
    }
  });

  test('the hostname\'s DENY policies apply to every path too (Access evaluates only the path\'s application there)', () => {
    const blocked = { key: 'former', name: 'former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] };
    const doc = patternDoc({ allow: PEOPLE, policies: [blocked], paths: [{ path: '/api', allow: PEOPLE }] });
    const policies = resources(doc, 'cloudflare_zero_trust_access_policy');
    const api = Object.values<any>(resources(doc, 'cloudflare_zero_trust_access_application')).find((a) => a.domain.endsWith('/api'));
    const denyId = Object.keys(policies).find((id) => policies[id].name === 'former staff')!;
    expect(api.policies[0]).toEqual({ id: `\${cloudflare_zero_trust_access_policy.${denyId}.id}`, precedence: 1 });
  });

  test('the key names the application\'s address, so a new path updates it in place', () => {
    const ids = (path: string) => Object.keys(resources(patternDoc({ allow: PEOPLE, paths: [{ path, key: 'api', policies: [CI] }] }),
      'cloudflare_zero_trust_access_application'));
    expect(ids('/api')).toEqual(ids('/v2/api'));
    const derived = Object.keys(resources(patternDoc({ allow: PEOPLE, paths: [{ path: '/api/v1', policies: [CI] }] }), 'cloudflare_zero_trust_access_application'));
    expect(derived.some((id) => id.includes('access-path-api-v1'))).toBe(true);
  });

  test('the construct exposes the path applications', () => {
    const stack = newStack();
    const service = new ZeroTrustFargateService(stack, 'admin', { ...BASE, access: { allow: PEOPLE, paths: [{ path: '/api', policies: [CI] }] } });
    expect(service.pathAccessApplications.map((application) => application.domains)).toEqual([['admin.example.com/api']]);
    expect(service.hostnameAccessApplication).toBe(service.accessApplication);
  });

  test.each<[string, ZeroTrustAccessOptions, string, RegExp]>([
    ['a path without a slash', { allow: PEOPLE, paths: [{ path: 'api', policies: [CI] }] }, 'access.paths[0].path', /"api"\. Expected a literal path starting with "\/"/],
    ['a path with a trailing slash', { allow: PEOPLE, paths: [{ path: '/api/', policies: [CI] }] }, 'access.paths[0].path', /Expected a literal path/],
    ['the same path twice', { allow: PEOPLE, paths: [{ path: '/api', policies: [CI] }, { path: '/api', allow: PEOPLE }] }, 'access.paths[].path', /Each value may appear only once/],
    ['two paths with one key', { allow: PEOPLE, paths: [{ path: '/api', policies: [CI] }, { path: '/v2', key: 'api', allow: PEOPLE }] }, 'access.paths[].key', /"api"\. Each value may appear only once/],
    ['a key with capitals', { allow: PEOPLE, paths: [{ path: '/api', key: 'API', policies: [CI] }] }, 'access.paths[0].key', /"API"\. Expected 1 to 63 lower-case letters/],
    ['a path without policies', { allow: PEOPLE, paths: [{ path: '/api' }] }, 'access.paths[0]', /"\/api"\. Give at least one rule in allow/],
    ['everyone in a path\'s shorthand', { allow: PEOPLE, paths: [{ path: '/api', allow: [AccessRule.everyone()] }] }, 'access.paths[0].allow[0]', /The allow shorthand takes no opt-in/],
    ['a path policy without include rules', { allow: PEOPLE, paths: [{ path: '/api', policies: [{ name: 'x', include: [] }] }] }, 'access.paths[0].policies[0].include', /Expected at least one rule/],
    ['a 401 on a path without NON_IDENTITY', { allow: PEOPLE, paths: [{ path: '/api', allow: PEOPLE, serviceAuth401: true }] }, 'access.paths[0].serviceAuth401', /Only meaningful with a NON_IDENTITY/],
    ['a CORS origin with a path on a path', { allow: PEOPLE, paths: [{ path: '/api', policies: [CI], cors: { allowedOrigins: ['https://a.example.com/x'] } }] }, 'access.paths[0].cors.allowedOrigins[0]', /Expected an origin/],
  ])('%s', (_case, access, property, message) => {
    const error = failure(access);
    expect(ValidationErrors.propertyOf(error)).toBe(property);
    expect(error.message).toMatch(message);
  });
});

describe('an existing application', () => {
  const central = () => ExistingAccessApplication.fromAttributes({
    applicationId: 'a1b2c3d4-0000-4000-8000-000000000001', aud: AUD, domains: ['*.example.com'],
  });

  test('no application is created; cloudflared checks its AUD tag, which is also the output', () => {
    const stack = newStack();
    const existing = central();
    const service = new ZeroTrustFargateService(stack, 'admin', { ...BASE, access: { existingApplication: existing } });
    expect(service.accessApplication).toBeUndefined();
    expect(service.hostnameAccessApplication).toBe(existing);
    const doc = JSON.parse(Testing.synth(stack));
    expect(resources(doc, 'cloudflare_zero_trust_access_application')).toEqual({});
    expect(resources(doc, 'cloudflare_zero_trust_access_policy')).toEqual({});
    const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
    expect(config.config.ingress[0].origin_request.access).toMatchObject({ required: true, aud_tag: [AUD] });
    expect(config.depends_on).toBeUndefined();
    expect(doc.output.access_application_aud).toMatchObject({ value: AUD });
  });

  test('paths may still have applications of their own', () => {
    const doc = patternDoc({ existingApplication: central(), paths: [{ path: '/api', policies: [CI] }] });
    expect(applications(doc).map((application) => application.domain)).toEqual(['admin.example.com/api']);
    const ingress = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress;
    expect(ingress[1].path).toBe('(?i)^/api(/.*)?$');
    expect(ingress[1].origin_request.access.aud_tag).not.toContain(AUD);
    expect(ingress[2].origin_request.access.aud_tag).toEqual([AUD]);
  });

  test.each<[string, ZeroTrustAccessOptions, string, RegExp]>([
    ['with allow', { existingApplication: undefined as any, allow: PEOPLE }, 'access.allow', /Leave it out with access\.existingApplication/],
    ['with cookies', { existingApplication: undefined as any, cookies: {} }, 'access.cookies', /Leave it out with access\.existingApplication/],
    ['that does not cover the hostname', { existingApplication: 'other' as any }, 'access.existingApplication', /Expected an Access application that covers "admin\.example\.com"/],
  ])('%s is refused', (_case, access, property, message) => {
    const existingApplication = access.existingApplication === 'other' as any
      ? ExistingAccessApplication.fromAttributes({ applicationId: 'a1b2c3d4-0000-4000-8000-000000000001', aud: AUD, domains: ['*.example.org'] })
      : central();
    const error = failure({ ...access, existingApplication });
    expect(ValidationErrors.propertyOf(error)).toBe(property);
    expect(error.message).toMatch(message);
  });
});

describe('an AccessApplication of this app as the existing application', () => {
  // Its policies are known here, so the checks the tunnel runs on a rule's applications apply to it too.
  const STAFF = { key: 'staff', name: 'Staff', include: PEOPLE };
  const DENY = { key: 'former', name: 'Former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] };

  function attempt(settings: Partial<AccessApplicationProps>, access: Partial<ZeroTrustAccessOptions> = {},
    overrides: Partial<ZeroTrustFargateServiceProps> = {}): { error: any; leftovers: number } {
    const stack = newStack();
    const existingApplication = new AccessApplication(stack, 'central', {
      cloudflareAccountId: BASE.cloudflareAccountId, name: 'central', domains: ['admin.example.com'], policies: [STAFF], ...settings,
    });
    let error: any;
    try {
      new ZeroTrustFargateService(stack, 'admin', { ...BASE, ...overrides, access: { existingApplication, ...access } });
    } catch (e) {
      error = e;
    }
    return { error, leftovers: stack.node.findAll().filter((c) => c.node.path.includes('/admin')).length };
  }

  test('a path without its DENY policies is refused: whoever they turn away would reach the path', () => {
    const { error, leftovers } = attempt({ policies: [DENY, STAFF] }, { paths: [{ path: '/api', allow: PEOPLE }] });
    expect(ValidationErrors.propertyOf(error)).toBe('access.paths[0]');
    expect(error.message).toMatch(/lacks the DENY policies of the hostname's application \(\["Former staff"\]\)/);
    expect(leftovers).toBe(0);
  });

  test.each<[string, Partial<AccessApplicationProps>, RegExp]>([
    ['one that lets OPTIONS preflights skip Access', { bypassOptionsPreflight: true }, /lets OPTIONS preflights skip Access/],
    ['one with a BYPASS policy', {
      policies: [STAFF, { key: 'health', name: 'Health', decision: AccessDecision.BYPASS, dangerouslyBypassAuthentication: true, include: [AccessRule.everyone()] }],
    }, /BYPASS policy \(policies\[1\]\)/],
  ])('%s is refused while the origin checks tokens: cloudflared would turn away what it lets in', (_case, settings, message) => {
    const { error, leftovers } = attempt(settings);
    expect(ValidationErrors.propertyOf(error)).toBe('access.existingApplication');
    expect(error.message).toMatch(message);
    expect(leftovers).toBe(0);
    expect(attempt(settings, {}, { dangerouslyDisableOriginAccessCheck: true }).error).toBeUndefined();
  });

  test('a path that names them in existingPolicies is fine', () => {
    expect(() => synth((stack) => {
      const existingApplication = new AccessApplication(stack, 'central', {
        cloudflareAccountId: BASE.cloudflareAccountId, name: 'central', domains: ['admin.example.com'], policies: [DENY, STAFF],
      });
      const deny = existingApplication.policies[0];
      new ZeroTrustFargateService(stack, 'admin', {
        ...BASE,
        access: { existingApplication, paths: [{ path: '/api', allow: PEOPLE, existingPolicies: [{ policyId: deny.policyId, decision: AccessDecision.DENY }] }] },
      });
    })).not.toThrow();
  });
});

describe('BYPASS policies while the origin checks tokens', () => {
  const BYPASS = { key: 'health', name: 'Health', decision: AccessDecision.BYPASS, dangerouslyBypassAuthentication: true, include: [AccessRule.everyone()] };
  const BYPASS_REFERENCE = { policyId: POLICY_ID, decision: AccessDecision.BYPASS, dangerouslyBypassAuthentication: true };

  test.each<[string, ZeroTrustAccessOptions, string]>([
    ['a created policy', { allow: PEOPLE, policies: [BYPASS] }, 'access.policies[0].decision'],
    ['an existing policy', { allow: PEOPLE, existingPolicies: [BYPASS_REFERENCE] }, 'access.existingPolicies[0].decision'],
    ['a path\'s policy', { allow: PEOPLE, paths: [{ path: '/health', policies: [CI, BYPASS] }] }, 'access.paths[0].policies[1].decision'],
  ])('%s is refused, naming it and the way out', (_case, access, property) => {
    const error = failure(access);
    expect(ValidationErrors.propertyOf(error)).toBe(property);
    expect(error.message).toMatch(/BYPASS policy .*carry no Access token.*cloudflared.*rejects them.*dangerouslyDisableOriginAccessCheck/);
  });

  test('is allowed with the origin check off', () => {
    const doc = patternDoc({ allow: PEOPLE, policies: [BYPASS] }, { dangerouslyDisableOriginAccessCheck: true });
    expect(onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0].origin_request).toBeUndefined();
  });
});
