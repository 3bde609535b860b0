// Routes guarded by an Access application managed elsewhere, and by
// applications on paths of the hostname: what cloudflared checks, what the
// route waits for, and what is refused.
import { TerraformVariable, Testing } from 'cdktf';
import { AccessApplication, AccessDecision, AccessRule, ExistingAccessApplication } from '../../src/access';
import { CloudflareTunnel, TunnelIngressRule } from '../../src/tunnel';
import { accessPathRegex, UNSAFE_PATH } from '../../src/tunnel/internal/route-access';
import { expectInvalid, newStack, onlyResource, resources } from '../helpers';

const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';
const ZONE_ID = 'fedcba9876543210fedcba9876543210';
const AUD = '32eafc7626e974616deaf0dc3ce63d7bcbed58a2731e84d06bc3cdf1b53c4228';
const APPLICATION_ID = 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415';

function central(domains = ['*.internal.example.com']): ExistingAccessApplication {
  return ExistingAccessApplication.fromAttributes({ applicationId: APPLICATION_ID, aud: AUD, domains });
}

let tunnels = 0;

/** A tunnel with one rule, under a fresh id (a refused tunnel stays in the tree). */
function tunnel(stack: any, rule: Omit<TunnelIngressRule, 'service'>): CloudflareTunnel {
  tunnels += 1;
  return new CloudflareTunnel(stack, `tunnel${tunnels}`, {
    cloudflareAccountId: ACCOUNT_ID,
    cloudflareZoneId: ZONE_ID,
    name: `app${tunnels}`,
    zeroTrustTeamName: 'acme',
    ingress: [{ service: 'http://localhost:8080', ...rule }],
  });
}

function application(stack: any, id: string, domain: string, props: any = {}): AccessApplication {
  return new AccessApplication(stack, id, {
    cloudflareAccountId: ACCOUNT_ID, name: id, domains: [domain], policies: [{ name: id, include: [AccessRule.emailDomain('example.com')] }], ...props,
  });
}

describe('an existing application', () => {
  test('cloudflared checks its AUD tag; nothing in the stack is waited for', () => {
    const stack = newStack();
    tunnel(stack, { hostname: 'grafana.internal.example.com', accessApplication: central() });
    const doc = JSON.parse(Testing.synth(stack));
    const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
    expect(config.config.ingress[0].origin_request.access).toEqual({ required: true, team_name: 'acme', aud_tag: [AUD] });
    expect(config.depends_on).toBeUndefined();
    expect(onlyResource(doc, 'cloudflare_dns_record').depends_on).toBeUndefined();
    expect(resources(doc, 'cloudflare_zero_trust_access_application')).toEqual({});
  });

  test('it must cover the hostname', () => {
    expect(() => tunnel(newStack(), { hostname: 'grafana.example.com', accessApplication: central() }))
      .toThrow(/^Invalid ingress\[0\]\.accessApplication: \["\*\.internal\.example\.com"\]\. Expected an Access application that covers "grafana\.example\.com"/);
  });

  test.each<[string, any, string, RegExp]>([
    ['an application id as AUD tag', { aud: APPLICATION_ID }, 'aud', /Expected the Application Audience \(AUD\) tag: 64 lower-case hexadecimal characters \(not the application id\)/],
    ['an AUD tag as application id', { applicationId: AUD }, 'applicationId', /Expected the id of the Access application: a UUID/],
    ['no domains', { domains: [] }, 'domains', /Expected at least one element/],
    ['a URL as domain', { domains: ['https://app.example.com'] }, 'domains[0]', /Expected a lowercase hostname/],
  ])('%s is refused', (_case, override, property, message) => {
    expectInvalid(() => ExistingAccessApplication.fromAttributes({ applicationId: APPLICATION_ID, aud: AUD, domains: ['app.example.com'], ...override }), property, message);
  });
});

describe('applications on paths of the hostname', () => {
  test('each path gets a rule of its own before the hostname\'s, accepting only that path\'s tokens; the route waits for all', () => {
    const stack = newStack();
    const main = application(stack, 'main', 'app.example.com');
    const api = application(stack, 'api', 'app.example.com/api');
    const admin = application(stack, 'admin', 'app.example.com/api/admin');
    tunnel(stack, { hostname: 'app.example.com', accessApplication: main, pathAccessApplications: [api, admin] });
    const doc = JSON.parse(Testing.synth(stack));
    const ids = Object.keys(resources(doc, 'cloudflare_zero_trust_access_application'));
    const audOf = (prefix: string) => `\${cloudflare_zero_trust_access_application.${ids.find((id) => id.startsWith(prefix))!}.aud}`;
    const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
    const access = (aud: string) => ({ required: true, team_name: 'acme', aud_tag: [aud] });
    // The longest path first, as Access lets the longest matching path win; the hostname's rule after the paths'.
    expect(config.config.ingress).toEqual([
      // Paths that Access, cloudflared and the app could read differently are refused first.
      { hostname: 'app.example.com', path: UNSAFE_PATH, service: 'http_status:400' },
      { hostname: 'app.example.com', path: '(?i)^/api/admin(/.*)?$', service: 'http://localhost:8080', origin_request: { access: access(audOf('admin_')) } },
      { hostname: 'app.example.com', path: '(?i)^/api(/.*)?$', service: 'http://localhost:8080', origin_request: { access: access(audOf('api_')) } },
      { hostname: 'app.example.com', service: 'http://localhost:8080', origin_request: { access: access(audOf('main_')) } },
      { service: 'http_status:404' },
    ]);
    for (const dependsOn of [config.depends_on, onlyResource(doc, 'cloudflare_dns_record').depends_on]) {
      for (const id of ids) {
        expect(dependsOn).toContain(`cloudflare_zero_trust_access_application.${id}`);
      }
      expect(dependsOn).toHaveLength(6); // three applications and their policies
    }
  });

  test('the path rules keep the rule\'s origin settings', () => {
    const stack = newStack();
    const api = application(stack, 'api', 'app.example.com/api');
    tunnel(stack, {
      hostname: 'app.example.com',
      accessApplication: application(stack, 'main', 'app.example.com'),
      pathAccessApplications: [api],
      originRequest: { connectTimeoutSeconds: 5, httpHostHeader: 'internal' },
    });
    const config = onlyResource(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_tunnel_cloudflared_config');
    for (const rule of config.config.ingress.slice(1, 3)) {
      expect(rule).toMatchObject({ service: 'http://localhost:8080', origin_request: { connect_timeout: 5, http_host_header: 'internal' } });
    }
  });

  test('a path application with an existing hostname application', () => {
    const stack = newStack();
    const api = application(stack, 'api', 'grafana.internal.example.com/api');
    tunnel(stack, { hostname: 'grafana.internal.example.com', accessApplication: central(), pathAccessApplications: [api] });
    const config = onlyResource(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_tunnel_cloudflared_config');
    expect(config.config.ingress[0]).toEqual({ hostname: 'grafana.internal.example.com', path: UNSAFE_PATH, service: 'http_status:400' });
    expect(config.config.ingress[1].path).toBe('(?i)^/api(/.*)?$');
    expect(config.config.ingress[1].origin_request.access.aud_tag).toEqual([expect.stringMatching(/^\$\{cloudflare_zero_trust_access_application\.api_.*\.aud\}$/)]);
    expect(config.config.ingress[2].path).toBeUndefined();
    expect(config.config.ingress[2].origin_request.access.aud_tag).toEqual([AUD]);
  });

  test.each<[string, string]>([
    ['/admin', '^/admin(/.*)?$'],
    ['/api/v1.2', '^/api/v1\\.2(/.*)?$'],
    ['/a+b(c)[d]{e}|f^g$h?i\\j', '^/a\\+b\\(c\\)\\[d\\]\\{e\\}\\|f\\^g\\$h\\?i\\\\j(/.*)?$'],
    ['/admin/', '^/admin(/.*)?$'],
    ['/admin/*', '^/admin/.*$'],
    ['/teams/*/settings', '^/teams/[^/]*/settings(/.*)?$'],
  ])('the path %s matches as %s, without regard to case', (path, regex) => {
    expect(accessPathRegex(path)).toBe(`(?i)${regex}`);
    // Go's (?i) prefix is JavaScript's i flag.
    const matches = (text: string) => new RegExp(accessPathRegex('/admin').replace('(?i)', ''), 'i').test(text);
    expect(matches('/admin')).toBe(true);
    expect(matches('/admin/users')).toBe(true);
    expect(matches('/ADMIN/users')).toBe(true);
    expect(matches('/administrator')).toBe(false);
    expect(matches('/x/admin')).toBe(false);
  });

  test('a rule with its own path, or a path application with unknown domains, is refused', () => {
    const stack = newStack();
    const main = application(stack, 'main', 'app.example.com');
    const api = application(stack, 'api', 'app.example.com/api');
    expect(() => tunnel(stack, { hostname: 'app.example.com', path: '^/app/', accessApplication: main, pathAccessApplications: [api] }))
      .toThrow(/^Invalid ingress\[0\]\.path: "\^\/app\/"\. A rule with path applications covers the whole hostname/);
    const unknown = ExistingAccessApplication.fromAttributes({
      applicationId: APPLICATION_ID, aud: AUD, domains: [new TerraformVariable(stack, 'domain', { type: 'string' }).stringValue],
    });
    expect(() => tunnel(stack, { hostname: 'app.example.com', accessApplication: main, pathAccessApplications: [unknown] }))
      .toThrow(/^Invalid ingress\[0\]\.pathAccessApplications\[0\]: .*Expected domains known at synthesis/);
  });

  test('path applications need the hostname\'s application, and must lie on paths of the hostname', () => {
    const stack = newStack();
    const api = application(stack, 'api', 'app.example.com/api');
    const other = application(stack, 'other', 'other.example.com/api');
    const whole = application(stack, 'whole', 'app.example.org');
    expect(() => tunnel(stack, { hostname: 'app.example.com', pathAccessApplications: [api] }))
      .toThrow(/^Invalid ingress\[0\]\.pathAccessApplications: \[\["app\.example\.com\/api"\]\]\. Needs accessApplication/);
    const main = application(stack, 'main', 'app.example.com');
    expect(() => tunnel(stack, { hostname: 'app.example.com', accessApplication: main, pathAccessApplications: [other] }))
      .toThrow(/^Invalid ingress\[0\]\.pathAccessApplications\[0\]: \["other\.example\.com\/api"\]\. Expected an Access application on paths of "app\.example\.com"/);
    expect(() => tunnel(stack, { hostname: 'app.example.com', accessApplication: main, pathAccessApplications: [whole] }))
      .toThrow(/^Invalid ingress\[0\]\.pathAccessApplications\[0\]: \["app\.example\.org"\]/);
  });
});

describe('OPTIONS preflights that skip Access', () => {
  test('are refused while cloudflared checks tokens, and allowed with the check off', () => {
    const stack = newStack();
    const bypassing = application(stack, 'main', 'app.example.com', { bypassOptionsPreflight: true });
    expect(() => tunnel(stack, { hostname: 'app.example.com', accessApplication: bypassing }))
      .toThrow(/^Invalid ingress\[0\]\.accessApplication: \["app\.example\.com"\]\. This application lets OPTIONS preflights skip Access/);
    const api = application(stack, 'api', 'app.example.com/api', { bypassOptionsPreflight: true });
    expect(() => tunnel(stack, { hostname: 'app.example.com', accessApplication: central(['app.example.com']), pathAccessApplications: [api] }))
      .toThrow(/^Invalid ingress\[0\]\.pathAccessApplications\[0\]: .*This application lets OPTIONS preflights skip Access/);
    tunnel(stack, { hostname: 'app.example.com', accessApplication: bypassing, dangerouslyDisableOriginAccessCheck: true });
  });
});

describe('BYPASS policies', () => {
  test('are refused while cloudflared checks tokens (created or existing), and allowed with the check off', () => {
    const stack = newStack();
    const bypass = { key: 'health', name: 'health', decision: AccessDecision.BYPASS, dangerouslyBypassAuthentication: true, include: [AccessRule.everyone()] };
    const created = application(stack, 'main', 'app.example.com', {
      policies: [{ name: 'staff', include: [AccessRule.emailDomain('example.com')] }, bypass],
    });
    expect(() => tunnel(stack, { hostname: 'app.example.com', accessApplication: created }))
      .toThrow(/^Invalid ingress\[0\]\.accessApplication: \["app\.example\.com"\]\. This application has a BYPASS policy \(policies\[1\]\).*dangerouslyDisableOriginAccessCheck/);
    const referenced = application(stack, 'api', 'app.example.com/api', {
      existingPolicies: [{ policyId: APPLICATION_ID, decision: AccessDecision.BYPASS, dangerouslyBypassAuthentication: true }],
    });
    expect(() => tunnel(stack, { hostname: 'app.example.com', accessApplication: central(['app.example.com']), pathAccessApplications: [referenced] }))
      .toThrow(/^Invalid ingress\[0\]\.pathAccessApplications\[0\]: .*BYPASS policy \(existingPolicies\[0\]\)/);
    tunnel(stack, { hostname: 'app.example.com', accessApplication: created, dangerouslyDisableOriginAccessCheck: true });
  });
});

describe('a hostname with path applications', () => {
  test('has that rule alone: another rule of the hostname could take a path\'s requests with another application\'s token', () => {
    const stack = newStack();
    const main = application(stack, 'main', 'app.example.com');
    const admin = application(stack, 'admin', 'app.example.com/api/admin');
    expect(() => new CloudflareTunnel(stack, 'tunnel-two-rules', {
      cloudflareAccountId: ACCOUNT_ID,
      cloudflareZoneId: ZONE_ID,
      name: 'two-rules',
      zeroTrustTeamName: 'acme',
      ingress: [
        { hostname: 'app.example.com', path: '^/api', service: 'http://localhost:9000', accessApplication: main },
        { hostname: 'app.example.com', service: 'http://localhost:8080', accessApplication: main, pathAccessApplications: [admin] },
      ],
    })).toThrow(/^Invalid ingress\[0\]: "app\.example\.com path \^\/api"\. ingress\[1\] gives "app\.example\.com" path applications, so it must be the only rule of the hostname/);
  });

  test('a path application used as a rule\'s own application still needs the hostname application\'s DENY policies', () => {
    const build = (inherit: boolean) => {
      const stack = newStack();
      const main = application(stack, 'main', 'app.example.com', {
        policies: [
          { key: 'former', name: 'former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] },
          { key: 'staff', name: 'staff', include: [AccessRule.emailDomain('example.com')] },
        ],
      });
      const admin = application(stack, 'admin', 'app.example.com/admin',
        inherit ? { attachedPolicies: main.policies.filter((policy) => policy.decision === AccessDecision.DENY) } : {});
      return () => new CloudflareTunnel(stack, 'tunnel', {
        cloudflareAccountId: ACCOUNT_ID,
        cloudflareZoneId: ZONE_ID,
        name: 'app',
        zeroTrustTeamName: 'acme',
        ingress: [
          { hostname: 'app.example.com', path: '^/admin', service: 'http://localhost:8080', accessApplication: admin },
          { hostname: 'app.example.com', service: 'http://localhost:8080', accessApplication: main },
        ],
      });
    };
    expect(build(false)).toThrow(/^Invalid ingress\[0\]\.accessApplication: \["app\.example\.com\/admin"\]\. This path's application lacks the DENY policies of the hostname's application \(\["former staff"\]\)/);
    expect(build(true)).not.toThrow();
  });

  test('the same with the hostname\'s rule on a path of its own, or a wildcard application; such hostnames get the unsafe-path refusal too', () => {
    const stack = newStack();
    const main = application(stack, 'main', '*.example.com', {
      policies: [
        { key: 'former', name: 'former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] },
        { key: 'staff', name: 'staff', include: [AccessRule.emailDomain('example.com')] },
      ],
    });
    const admin = application(stack, 'admin', 'app.example.com/admin');
    const ingress = (adminApplication: AccessApplication): TunnelIngressRule[] => [
      { hostname: 'app.example.com', path: '^/admin', service: 'http://localhost:8080', accessApplication: adminApplication },
      { hostname: 'app.example.com', path: '^/', service: 'http://localhost:8080', accessApplication: main },
    ];
    expect(() => new CloudflareTunnel(stack, 'refused', { cloudflareAccountId: ACCOUNT_ID, cloudflareZoneId: ZONE_ID, name: 'refused', zeroTrustTeamName: 'acme', ingress: ingress(admin) }))
      .toThrow(/^Invalid ingress\[0\]\.accessApplication: .*lacks the DENY policies of the hostname's application/);
    const inheriting = application(stack, 'admin2', 'app.example.com/admin/', { attachedPolicies: main.policies.filter((policy) => policy.decision === AccessDecision.DENY) });
    new CloudflareTunnel(stack, 'accepted', { cloudflareAccountId: ACCOUNT_ID, cloudflareZoneId: ZONE_ID, name: 'accepted', zeroTrustTeamName: 'acme', ingress: ingress(inheriting) });
    const config = Object.values<any>(resources(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_tunnel_cloudflared_config'))[0];
    expect(config.config.ingress[0]).toEqual({ hostname: 'app.example.com', path: UNSAFE_PATH, service: 'http_status:400' });
  });
});
