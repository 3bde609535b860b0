// Routes guarded by an Access application managed elsewhere, and by
// applications on paths of the hostname: what cloudflared checks, what the
// route waits for, and what is refused.
import { Testing } from 'cdktf';
import { AccessApplication, AccessRule, ExistingAccessApplication } from '../../src/access';
import { CloudflareTunnel, TunnelIngressRule } from '../../src/tunnel';
import { newStack, onlyResource, resources } from '../helpers';

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
    accountId: ACCOUNT_ID,
    zoneId: ZONE_ID,
    name: `app${tunnels}`,
    accessTeamName: 'acme',
    ingress: [{ service: 'http://localhost:8080', ...rule }],
  });
}

function application(stack: any, id: string, domain: string, props: any = {}): AccessApplication {
  return new AccessApplication(stack, id, {
    accountId: ACCOUNT_ID, name: id, domains: [domain], policies: [{ name: id, include: [AccessRule.emailDomain('example.com')] }], ...props,
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
    let error: any;
    try {
      ExistingAccessApplication.fromAttributes({ applicationId: APPLICATION_ID, aud: AUD, domains: ['app.example.com'], ...override });
    } catch (e) {
      error = e;
    }
    expect(error?.message?.startsWith(`Invalid ${property}: `)).toBe(true);
    expect(error.message).toMatch(message);
  });
});

describe('applications on paths of the hostname', () => {
  test('cloudflared accepts the tokens of the hostname\'s application and of each path\'s; the route waits for all', () => {
    const stack = newStack();
    const main = application(stack, 'main', 'app.example.com');
    const api = application(stack, 'api', 'app.example.com/api');
    tunnel(stack, { hostname: 'app.example.com', accessApplication: main, pathAccessApplications: [api] });
    const doc = JSON.parse(Testing.synth(stack));
    const ids = Object.keys(resources(doc, 'cloudflare_zero_trust_access_application'));
    const idOf = (prefix: string) => ids.find((id) => id.startsWith(prefix))!;
    const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
    expect(config.config.ingress[0].origin_request.access.aud_tag)
      .toEqual([idOf('main_'), idOf('api_')].map((id) => `\${cloudflare_zero_trust_access_application.${id}.aud}`));
    for (const dependsOn of [config.depends_on, onlyResource(doc, 'cloudflare_dns_record').depends_on]) {
      for (const id of ids) {
        expect(dependsOn).toContain(`cloudflare_zero_trust_access_application.${id}`);
      }
      expect(dependsOn).toHaveLength(4); // two applications and their policies
    }
  });

  test('a path application with an existing hostname application', () => {
    const stack = newStack();
    const api = application(stack, 'api', 'grafana.internal.example.com/api');
    tunnel(stack, { hostname: 'grafana.internal.example.com', accessApplication: central(), pathAccessApplications: [api] });
    const config = onlyResource(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_tunnel_cloudflared_config');
    expect(config.config.ingress[0].origin_request.access.aud_tag[0]).toBe(AUD);
    expect(config.config.ingress[0].origin_request.access.aud_tag).toHaveLength(2);
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
