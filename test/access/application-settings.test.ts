// Browser and machine-client settings of an Access application: CORS, cookies,
// the cloudflared interstitial, deny answers, and existing policies, checked on
// the synthesized JSON against provider v5.14's schema.
import {
  AccessApplication,
  AccessApplicationProps,
  AccessCookieSameSite,
  AccessCorsMethod,
  AccessDecision,
  AccessRule,
  AccessServiceToken,
} from '../../src/access';
import { expectInvalid, newStack, onlyResource, resources, synth } from '../helpers';

const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';
const PEOPLE = { key: 'people', name: 'People', include: [AccessRule.emailDomain('example.com')] };
const CI = { key: 'ci', name: 'CI', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken('token-id')] };
const BASE: AccessApplicationProps = { cloudflareAccountId: ACCOUNT_ID, name: 'app', domains: ['app.example.com'], policies: [PEOPLE] };
const POLICY_ID = 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415';
const OTHER_POLICY_ID = '0b9b2a3c-1111-4c6e-9f0e-7d1c2e3f4a5b';

function appDoc(props: Partial<AccessApplicationProps>): any {
  const { doc } = synth((stack) => {
    new AccessApplication(stack, 'App', { ...BASE, ...props });
  });
  return doc;
}

function app(props: Partial<AccessApplicationProps>): any {
  return onlyResource(appDoc(props), 'cloudflare_zero_trust_access_application');
}

function attempt(props: Partial<AccessApplicationProps>): void {
  new AccessApplication(newStack(), 'App', { ...BASE, ...props });
}

describe('machine clients: a service token, a NON_IDENTITY policy and a 401', () => {
  test('the recipe synthesizes the token, the Service Auth policy and service_auth_401_redirect', () => {
    const { doc } = synth((stack) => {
      const ci = new AccessServiceToken(stack, 'Ci', { cloudflareAccountId: ACCOUNT_ID, name: 'ci' });
      new AccessApplication(stack, 'App', {
        ...BASE,
        policies: [PEOPLE, { key: 'ci', name: 'CI', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken(ci.tokenId)] }],
        serviceAuth401: true,
      });
    });
    const [tokenId] = Object.keys(resources(doc, 'cloudflare_zero_trust_access_service_token'));
    const policies = Object.values(resources(doc, 'cloudflare_zero_trust_access_policy')) as any[];
    expect(policies.find((policy) => policy.name === 'CI')).toMatchObject({
      decision: 'non_identity',
      include: [{ service_token: { token_id: `\${cloudflare_zero_trust_access_service_token.${tokenId}.id}` } }],
    });
    const application = onlyResource(doc, 'cloudflare_zero_trust_access_application');
    expect(application.service_auth_401_redirect).toBe(true);
    expect(application.custom_non_identity_deny_url).toBeUndefined();
  });

  test('by default no 401 setting is sent (Cloudflare redirects to the login page)', () => {
    expect(app({ policies: [PEOPLE, CI] }).service_auth_401_redirect).toBeUndefined();
  });

  test('a redirect for failed Service Auth instead of the 401', () => {
    expect(app({ policies: [PEOPLE, CI], customNonIdentityDenyUrl: 'https://example.com/machines' }).custom_non_identity_deny_url)
      .toBe('https://example.com/machines');
  });

  test('the 401 or the redirect without a NON_IDENTITY policy, or both together, are refused', () => {
    expect(() => attempt({ serviceAuth401: true }))
      .toThrow(/^Invalid serviceAuth401: true\. Only meaningful with a NON_IDENTITY \(Service Auth\) policy/);
    expect(() => attempt({ customNonIdentityDenyUrl: 'https://example.com/machines' }))
      .toThrow(/^Invalid customNonIdentityDenyUrl: "https:\/\/example\.com\/machines"\. Only meaningful with a NON_IDENTITY/);
    expect(() => attempt({ policies: [PEOPLE, CI], serviceAuth401: true, customNonIdentityDenyUrl: 'https://example.com/machines' }))
      .toThrow(/^Invalid customNonIdentityDenyUrl: .*Give either serviceAuth401 \(a 401 status\) or customNonIdentityDenyUrl/);
    expect(() => attempt({ policies: [PEOPLE, CI], customNonIdentityDenyUrl: 'http://example.com/machines' }))
      .toThrow(/^Invalid customNonIdentityDenyUrl: "http:\/\/example\.com\/machines"\. Expected an https:\/\/ URL/);
  });

  test('a NON_IDENTITY existing policy is enough for the 401', () => {
    expect(app({ existingPolicies: [{ policyId: POLICY_ID, decision: AccessDecision.NON_IDENTITY }], serviceAuth401: true })
      .service_auth_401_redirect).toBe(true);
  });
});

describe('CORS', () => {
  test('origins, methods, headers, credentials and max age map to cors_headers', () => {
    expect(app({
      cors: {
        allowedOrigins: ['https://dashboard.example.com', 'http://localhost:3000'],
        allowedMethods: [AccessCorsMethod.GET, AccessCorsMethod.POST, AccessCorsMethod.PATCH],
        allowedHeaders: ['content-type', 'authorization'],
        allowCredentials: true,
        maxAgeSeconds: 600,
      },
    }).cors_headers).toEqual({
      allowed_origins: ['https://dashboard.example.com', 'http://localhost:3000'],
      allowed_methods: ['GET', 'POST', 'PATCH'],
      allowed_headers: ['content-type', 'authorization'],
      allow_credentials: true,
      max_age: 600,
    });
  });

  test('methods default to the CORS-safelisted ones; exactly one of each allow_all_* and allowed_* pair is sent', () => {
    expect(app({ cors: { allowedOrigins: ['https://dashboard.example.com'] } }).cors_headers).toEqual({
      allowed_origins: ['https://dashboard.example.com'],
      allowed_methods: ['GET', 'HEAD', 'POST'],
    });
    expect(app({ cors: { allowAllOrigins: true, allowAllMethods: true, allowAllHeaders: true } }).cors_headers).toEqual({
      allow_all_origins: true,
      allow_all_methods: true,
      allow_all_headers: true,
    });
  });

  test('no CORS and no preflight bypass by default', () => {
    const application = app({});
    expect(application.cors_headers).toBeUndefined();
    expect(application.options_preflight_bypass).toBeUndefined();
  });

  test('bypassOptionsPreflight sends options_preflight_bypass, and is refused together with cors', () => {
    expect(app({ bypassOptionsPreflight: true }).options_preflight_bypass).toBe(true);
    expect(() => attempt({ cors: { allowedOrigins: ['https://dashboard.example.com'] }, bypassOptionsPreflight: true }))
      .toThrow(/^Invalid bypassOptionsPreflight: true\. Cannot be combined with cors \(the provider refuses both\)/);
  });

  test.each<[string, any, string, RegExp]>([
    ['neither origins nor all origins', {}, 'cors.allowedOrigins', /undefined\. Expected the origins allowed/],
    ['both origins and all origins', { allowedOrigins: ['https://a.example.com'], allowAllOrigins: true }, 'cors.allowAllOrigins', /Give either allowedOrigins or allowAllOrigins/],
    ['credentials for every origin', { allowAllOrigins: true, allowCredentials: true }, 'cors.allowCredentials', /Cannot be combined with allowAllOrigins/],
    ['an origin with a path', { allowedOrigins: ['https://a.example.com/app'] }, 'cors.allowedOrigins[0]', /"https:\/\/a\.example\.com\/app"\. Expected an origin/],
    ['an origin with a trailing slash', { allowedOrigins: ['https://a.example.com/'] }, 'cors.allowedOrigins[0]', /Expected an origin/],
    ['an origin without a scheme', { allowedOrigins: ['a.example.com'] }, 'cors.allowedOrigins[0]', /Expected an origin/],
    ['an upper-case origin', { allowedOrigins: ['https://A.example.com'] }, 'cors.allowedOrigins[0]', /Expected an origin/],
    ['the same origin twice', { allowedOrigins: ['https://a.example.com', 'https://a.example.com'] }, 'cors.allowedOrigins', /Each value may appear only once/],
    ['an empty origin list', { allowedOrigins: [] }, 'cors.allowedOrigins', /Expected at least one element/],
    ['a method the provider does not know', { allowedOrigins: ['https://a.example.com'], allowedMethods: ['get'] }, 'cors.allowedMethods[0]', /"get"\. Expected one of GET, POST, HEAD, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH/],
    ['methods and all methods', { allowedOrigins: ['https://a.example.com'], allowedMethods: [AccessCorsMethod.GET], allowAllMethods: true }, 'cors.allowAllMethods', /Give either allowedMethods or allowAllMethods/],
    ['a header name with a space', { allowedOrigins: ['https://a.example.com'], allowedHeaders: ['x header'] }, 'cors.allowedHeaders[0]', /Expected an HTTP header name/],
    ['headers and all headers', { allowedOrigins: ['https://a.example.com'], allowedHeaders: ['x-a'], allowAllHeaders: true }, 'cors.allowAllHeaders', /Give either allowedHeaders or allowAllHeaders/],
    ['a max age over a day', { allowedOrigins: ['https://a.example.com'], maxAgeSeconds: 86401 }, 'cors.maxAgeSeconds', /86401\. Expected a whole number from -1 to 86400/],
  ])('%s is refused', (_case, cors, property, message) => {
    expectInvalid(() => attempt({ cors }), property, message);
  });
});

describe('cookies', () => {
  test('secure defaults are always sent: SameSite Lax, HttpOnly, no binding cookie; the path scope only when set', () => {
    const application = app({});
    expect(application).toMatchObject({
      same_site_cookie_attribute: 'lax',
      http_only_cookie_attribute: true,
      enable_binding_cookie: false,
    });
    expect(application.path_cookie_attribute).toBeUndefined();
  });

  test('each attribute can be set', () => {
    expect(app({ cookies: { sameSite: AccessCookieSameSite.STRICT, httpOnly: false, bindingCookie: true, pathScoped: true } })).toMatchObject({
      same_site_cookie_attribute: 'strict',
      http_only_cookie_attribute: false,
      enable_binding_cookie: true,
      path_cookie_attribute: true,
    });
    expect(app({ cookies: { sameSite: AccessCookieSameSite.NONE } }).same_site_cookie_attribute).toBe('none');
  });

  test('a SameSite value the API does not take is refused', () => {
    expect(() => attempt({ cookies: { sameSite: 'Lax' as AccessCookieSameSite } }))
      .toThrow(/^Invalid cookies\.sameSite: "Lax"\. Expected one of lax, strict, none/);
  });
});

describe('the cloudflared interstitial and deny answers', () => {
  test('skip_interstitial, custom_deny_message and custom_deny_url are sent only when given', () => {
    const plain = app({});
    expect(plain.skip_interstitial).toBeUndefined();
    expect(plain.custom_deny_message).toBeUndefined();
    expect(plain.custom_deny_url).toBeUndefined();
    expect(app({ skipInterstitial: true, customDenyMessage: 'Ask #platform for access.' })).toMatchObject({
      skip_interstitial: true,
      custom_deny_message: 'Ask #platform for access.',
    });
    expect(app({ customDenyUrl: 'https://example.com/request-access' }).custom_deny_url).toBe('https://example.com/request-access');
  });

  test('a deny message and a deny URL together, an empty message or an http URL are refused', () => {
    expect(() => attempt({ customDenyMessage: 'No.', customDenyUrl: 'https://example.com/x' }))
      .toThrow(/^Invalid customDenyUrl: "https:\/\/example\.com\/x"\. Give either customDenyMessage .* or customDenyUrl/);
    expect(() => attempt({ customDenyMessage: ' ' })).toThrow(/^Invalid customDenyMessage: " "\. Expected a non-empty string/);
    expect(() => attempt({ customDenyUrl: 'http://example.com/x' })).toThrow(/^Invalid customDenyUrl: .*Expected an https:\/\/ URL/);
  });
});

describe('existing reusable policies', () => {
  test('DENY references come first, then the created policies, then the other references; each decision is checked at plan', () => {
    const doc = appDoc({
      policies: [PEOPLE],
      existingPolicies: [
        { policyId: POLICY_ID, decision: AccessDecision.ALLOW },
        { policyId: OTHER_POLICY_ID, decision: AccessDecision.DENY },
      ],
    });
    const [peopleId] = Object.keys(resources(doc, 'cloudflare_zero_trust_access_policy'));
    const application = onlyResource(doc, 'cloudflare_zero_trust_access_application');
    expect(application.policies).toEqual([
      { id: OTHER_POLICY_ID, precedence: 1 },
      { id: `\${cloudflare_zero_trust_access_policy.${peopleId}.id}`, precedence: 2 },
      { id: POLICY_ID, precedence: 3 },
    ]);
    const lookups = doc.data.cloudflare_zero_trust_access_policy;
    const lookupIds = Object.keys(lookups);
    expect(Object.values(lookups)).toEqual([
      { account_id: ACCOUNT_ID, policy_id: POLICY_ID },
      { account_id: ACCOUNT_ID, policy_id: OTHER_POLICY_ID },
    ]);
    expect(application.lifecycle.precondition).toEqual([
      {
        condition: `\${(lower(data.cloudflare_zero_trust_access_policy.${lookupIds[0]}.decision) == "allow")}`,
        error_message: expect.stringMatching(/^The Access policy f174e90a-.* \(existingPolicies\[0\]\) is declared ALLOW, but its decision in Cloudflare is another one/),
      },
      {
        condition: `\${(lower(data.cloudflare_zero_trust_access_policy.${lookupIds[1]}.decision) == "deny")}`,
        error_message: expect.stringMatching(/existingPolicies\[1\]\) is declared DENY/),
      },
    ]);
  });

  test('without references nothing is looked up and there is no precondition', () => {
    const doc = appDoc({});
    expect(doc.data?.cloudflare_zero_trust_access_policy).toBeUndefined();
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_application').lifecycle).toBeUndefined();
  });

  test('references alone may be the application\'s policies', () => {
    const application = app({ policies: [], existingPolicies: [{ policyId: POLICY_ID, decision: AccessDecision.ALLOW }] });
    expect(application.policies).toEqual([{ id: POLICY_ID, precedence: 1 }]);
  });

  test.each<[string, Partial<AccessApplicationProps>, string, RegExp]>([
    ['a policy name instead of an id', { existingPolicies: [{ policyId: 'SRE on call', decision: AccessDecision.ALLOW }] }, 'existingPolicies[0].policyId', /"SRE on call"\. Expected the id of a reusable Access policy: a UUID/],
    ['an unknown decision', { existingPolicies: [{ policyId: POLICY_ID, decision: 'block' as AccessDecision }] }, 'existingPolicies[0].decision', /"block"\. Expected the policy's decision in Cloudflare, one of allow, deny, non_identity, bypass/],
    ['a BYPASS policy without the opt-in', { existingPolicies: [{ policyId: POLICY_ID, decision: AccessDecision.BYPASS }] }, 'existingPolicies[0].decision', /"bypass"\. A BYPASS policy lets matching requests reach the origin with no authentication/],
    ['the opt-in on another decision', { existingPolicies: [{ policyId: POLICY_ID, decision: AccessDecision.ALLOW, dangerouslyBypassAuthentication: true }] }, 'existingPolicies[0].dangerouslyBypassAuthentication', /Only meaningful with decision BYPASS/],
    ['the same policy twice', { existingPolicies: [{ policyId: POLICY_ID, decision: AccessDecision.ALLOW }, { policyId: POLICY_ID.toUpperCase(), decision: AccessDecision.ALLOW }] }, 'existingPolicies[].policyId', /Each value may appear only once/],
    ['only DENY policies, created and referenced', { policies: [], existingPolicies: [{ policyId: POLICY_ID, decision: AccessDecision.DENY }] }, 'policies', /Expected at least one policy that lets someone in/],
    ['no policy at all', { policies: [], existingPolicies: [] }, 'policies', /Expected at least one policy/],
  ])('%s is refused', (_case, props, property, message) => {
    expectInvalid(() => attempt(props), property, message);
  });

  test('a confirmed BYPASS reference is attached', () => {
    expect(app({ existingPolicies: [{ policyId: POLICY_ID, decision: AccessDecision.BYPASS, dangerouslyBypassAuthentication: true }] }).policies)
      .toHaveLength(2);
  });
});
