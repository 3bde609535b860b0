// Routes fail closed: a rule given its Access application is checked at the
// origin and created only after the application and its policies.
import { TerraformVariable, Testing } from 'cdktf';
import { AccessApplication, AccessDecision, AccessRule } from '../../src/access';
import { handDownChecked } from '../../src/core/prop-path';
import { CloudflareTunnel, CloudflareTunnelProps, TunnelIngressRule } from '../../src/tunnel';
import { newStack, onlyResource, resources } from '../helpers';

const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';
const ZONE_ID = 'fedcba9876543210fedcba9876543210';

function build(rule: (app: AccessApplication) => Partial<TunnelIngressRule>, props: Partial<CloudflareTunnelProps> = {}) {
  const stack = newStack();
  const app = new AccessApplication(stack, 'access', {
    cloudflareAccountId: ACCOUNT_ID,
    name: 'app',
    domains: ['app.example.com'],
    policies: [
      { key: 'former', name: 'former', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] },
      { key: 'team', name: 'team', include: [AccessRule.emailDomain('example.com')] },
    ],
  });
  new CloudflareTunnel(stack, 'tunnel', {
    cloudflareAccountId: ACCOUNT_ID,
    cloudflareZoneId: ZONE_ID,
    name: 'app',
    ingress: [{ hostname: 'app.example.com', service: 'http://localhost:8080', ...rule(app) }],
    ...props,
  });
  return { stack, doc: JSON.parse(Testing.synth(stack)) };
}

/** `type.logicalId` of every resource of the access application and its policies. */
function accessAddresses(doc: any): string[] {
  return ['cloudflare_zero_trust_access_application', 'cloudflare_zero_trust_access_policy']
    .flatMap((type) => Object.keys(resources(doc, type)).map((id) => `${type}.${id}`));
}

describe('a rule with its accessApplication', () => {
  test('makes cloudflared require the application token, with the team name read from the account', () => {
    const { doc } = build((app) => ({ accessApplication: app }));
    const organization = Object.keys(doc.data.cloudflare_zero_trust_organization);
    expect(organization).toHaveLength(1);
    expect(doc.data.cloudflare_zero_trust_organization[organization[0]]).toEqual({ account_id: ACCOUNT_ID });
    const [appId] = Object.keys(resources(doc, 'cloudflare_zero_trust_access_application'));
    const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
    expect(config.config.ingress[0].origin_request.access).toEqual({
      required: true,
      team_name: `\${trimsuffix(data.cloudflare_zero_trust_organization.${organization[0]}.auth_domain, ".cloudflareaccess.com")}`,
      aud_tag: [`\${cloudflare_zero_trust_access_application.${appId}.aud}`],
    });
    // A team domain of another form stops the plan instead of trusting another organisation's keys.
    expect(config.lifecycle.precondition).toEqual([{
      condition: `\${endswith(data.cloudflare_zero_trust_organization.${organization[0]}.auth_domain, ".cloudflareaccess.com")}`,
      error_message: expect.stringMatching(/does not end in \.cloudflareaccess\.com.*Set the team name explicitly/),
    }]);
  });

  test('uses zeroTrustTeamName when given, without reading the organization', () => {
    const { doc } = build((app) => ({ accessApplication: app }), { zeroTrustTeamName: 'acme' });
    expect(doc.data?.cloudflare_zero_trust_organization).toBeUndefined();
    const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
    expect(config.config.ingress[0].origin_request.access.team_name).toBe('acme');
    expect(config.lifecycle).toBeUndefined();
  });

  test('orders the ingress configuration and the DNS record after the application and every policy', () => {
    const { doc } = build((app) => ({ accessApplication: app }));
    const guards = accessAddresses(doc);
    expect(guards).toHaveLength(3);
    expect(onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').depends_on.sort()).toEqual([...guards].sort());
    expect(onlyResource(doc, 'cloudflare_dns_record').depends_on.sort()).toEqual([...guards].sort());
  });

  test('keeps the ordering but drops the origin check only with dangerouslyDisableOriginAccessCheck', () => {
    const { doc, stack } = build((app) => ({ accessApplication: app, dangerouslyDisableOriginAccessCheck: true }));
    const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
    expect(config.config.ingress[0].origin_request).toBeUndefined();
    expect(config.depends_on).toHaveLength(3);
    expect(doc.data?.cloudflare_zero_trust_organization).toBeUndefined();
    const warnings = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === 'aws:cdk:warning' || /warn/i.test(m.type));
    expect(warnings.map((w) => String(w.data))).toEqual([expect.stringMatching(/ingress\[0\] \(app\.example\.com\): cloudflared does not check Cloudflare Access tokens/)]);
  });

  test('merges the check with the other origin settings', () => {
    const { doc } = build((app) => ({ accessApplication: app, originRequest: { connectTimeoutSeconds: 5 } }), { zeroTrustTeamName: 'acme' });
    expect(onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0].origin_request)
      .toEqual({ connect_timeout: 5, access: expect.objectContaining({ required: true, team_name: 'acme' }) });
  });
});

describe('a rule without an accessApplication', () => {
  test('is refused unless published without Access on purpose', () => {
    expect(() => build(() => ({})))
      .toThrow(/^Invalid ingress\[0\]\.accessApplication: undefined\. This rule publishes "app\.example\.com" with no Access application: anyone on the internet reaches the origin with no login\..*dangerouslyPublishWithoutAccess: true/);
    expect(() => build((app) => ({ accessApplication: app, dangerouslyPublishWithoutAccess: true })))
      .toThrow(/^Invalid ingress\[0\]\.dangerouslyPublishWithoutAccess: true\. Only meaningful for a rule without accessApplication/);
  });

  test('published without Access, it is not ordered after anything, synthesis warns, and the output records the opt-in', () => {
    const { doc, stack } = build(() => ({ dangerouslyPublishWithoutAccess: true }));
    const config = stack.toTerraform().resource.cloudflare_zero_trust_tunnel_cloudflared_config;
    expect(Object.values<any>(config)[0]['//']['cdktf-zero-trust-fargate']).toEqual({ published_without_access: ['app.example.com'] });
    expect(onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').depends_on).toBeUndefined();
    expect(onlyResource(doc, 'cloudflare_dns_record').depends_on).toBeUndefined();
    const messages = stack.node.findAll().flatMap((c) => c.node.metadata).map((m) => String(m.data));
    expect(messages).toContainEqual(expect.stringMatching(/ingress\[0\] \(app\.example\.com\): cloudflared does not check/));
  });
});

describe('bad input', () => {
  test('accessApplication together with originRequest.access', () => {
    expect(() => build((app) => ({ accessApplication: app, originRequest: { access: { teamName: 'acme', audTag: 'x' } } })))
      .toThrow(/Invalid ingress\[0\]\.originRequest\.access: .*Give either accessApplication .* or originRequest\.access, not both/);
  });

  test('an application that does not cover the hostname', () => {
    expect(() => build((app) => ({ accessApplication: app, hostname: 'other.example.com' })))
      .toThrow(/Invalid ingress\[0\]\.accessApplication: \["app\.example\.com"\]\. Expected an Access application that covers "other\.example\.com"/);
  });

  test('dangerouslyDisableOriginAccessCheck without an application', () => {
    expect(() => build(() => ({ dangerouslyDisableOriginAccessCheck: true, dangerouslyPublishWithoutAccess: true })))
      .toThrow(/Invalid ingress\[0\]\.dangerouslyDisableOriginAccessCheck: true\. Only meaningful together with accessApplication/);
  });

  test('a team domain instead of a team name', () => {
    expect(() => build((app) => ({ accessApplication: app }), { zeroTrustTeamName: 'acme.cloudflareaccess.com' }))
      .toThrow(/Invalid zeroTrustTeamName: "acme\.cloudflareaccess\.com"\. Expected the Zero Trust team name only/);
  });

  test('wildcard application domains cover names below them', () => {
    const stack = newStack();
    const app = new AccessApplication(stack, 'access', {
      cloudflareAccountId: ACCOUNT_ID, name: 'app', domains: ['*.example.com'], policies: [{ name: 'team', include: [AccessRule.emailDomain('example.com')] }],
    });
    expect(() => new CloudflareTunnel(stack, 'tunnel', {
      cloudflareAccountId: ACCOUNT_ID,
      cloudflareZoneId: ZONE_ID,
      name: 'app',
      zeroTrustTeamName: 'acme',
      ingress: [{ hostname: 'app.example.com', service: 'http://localhost:8080', accessApplication: app }],
    })).not.toThrow();
  });
});

describe('path-scoped applications', () => {
  function tunnelFor(domains: string[], path?: string) {
    const stack = newStack();
    const app = new AccessApplication(stack, 'access', {
      cloudflareAccountId: ACCOUNT_ID, name: 'app', domains, policies: [{ name: 'team', include: [AccessRule.emailDomain('example.com')] }],
    });
    return () => new CloudflareTunnel(stack, 'tunnel', {
      cloudflareAccountId: ACCOUNT_ID,
      cloudflareZoneId: ZONE_ID,
      name: 'app',
      zeroTrustTeamName: 'acme',
      ingress: [{ hostname: 'app.example.com', path, service: 'http://localhost:8080', accessApplication: app }],
    });
  }

  test('an application on one path does not cover the whole hostname', () => {
    expect(tunnelFor(['app.example.com/admin'])).toThrow(/Invalid ingress\[0\]\.accessApplication: \["app\.example\.com\/admin"\]\. .*a domain with a path covers only a rule with a path/);
  });

  test('it may guard a rule limited to a path', () => {
    expect(tunnelFor(['app.example.com/admin'], '^/admin')).not.toThrow();
  });
});

describe('tokens in a standalone tunnel', () => {
  test('a number token printed into the service template gets an error that says how to fix it', () => {
    const stack = newStack();
    const port = new TerraformVariable(stack, 'port', { type: 'number' }).numberValue;
    expect(() => new CloudflareTunnel(stack, 'tunnel', {
      cloudflareAccountId: ACCOUNT_ID, cloudflareZoneId: ZONE_ID, name: 'app', ingress: [{ hostname: 'app.example.com', service: `http://localhost:${port}` }],
    })).toThrow(/^Invalid ingress\[0\]\.service: "http:\/\/localhost:<a number token>"\. .*Token\.asString/);
  });

  test('a list token as ingress is refused as not literal', () => {
    const stack = newStack();
    const rules = new TerraformVariable(stack, 'rules', { type: 'list(string)' }).listValue as any;
    expect(() => new CloudflareTunnel(stack, 'tunnel', { cloudflareAccountId: ACCOUNT_ID, cloudflareZoneId: ZONE_ID, name: 'app', ingress: rules }))
      .toThrow(/^Invalid ingress: <a Terraform token>\. Expected a literal list of rules/);
  });
});

describe('props an outer construct checked already', () => {
  // The pattern checks the tunnel's props itself, under its own prop names, and hands them down; the
  // routes' Access guards run in the tunnel all the same, so a gap in an outer check cannot publish a route.
  function handedDown(rule: Partial<TunnelIngressRule>) {
    return () => new CloudflareTunnel(newStack(), 'tunnel', handDownChecked({
      cloudflareAccountId: ACCOUNT_ID,
      cloudflareZoneId: ZONE_ID,
      name: 'app',
      ingress: [{ hostname: 'app.example.com', service: 'http://localhost:8080', ...rule }],
    }));
  }

  test('a route without Access is still refused', () => {
    expect(handedDown({})).toThrow(/^Invalid ingress\[0\]\.accessApplication: undefined\. This rule publishes "app\.example\.com" with no Access application/);
  });

  test('an application that does not cover the hostname is still refused', () => {
    const stack = newStack();
    const other = new AccessApplication(stack, 'access', {
      cloudflareAccountId: ACCOUNT_ID,
      name: 'other',
      domains: ['other.example.com'],
      policies: [{ key: 'team', name: 'team', include: [AccessRule.emailDomain('example.com')] }],
    });
    expect(handedDown({ accessApplication: other })).toThrow(/^Invalid ingress\[0\]\.accessApplication: .*Expected an Access application that covers "app\.example\.com"/);
  });
});
