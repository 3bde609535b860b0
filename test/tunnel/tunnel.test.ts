import { TerraformOutput, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { CloudflareTunnel, CloudflareTunnelProps, TunnelIngressRule } from '../../src/tunnel';
import { newStack, onlyResource, resources, synth } from '../helpers';

const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';
const ZONE_ID = 'fedcba9876543210fedcba9876543210';

/**
 * The rules, each published without Access where it has no application: these tests exercise the
 * tunnel's own mechanics (test/tunnel/route-access.test.ts covers the routes' Access).
 */
function published(rules: TunnelIngressRule[]): TunnelIngressRule[] {
  const guarded = (rule: TunnelIngressRule) => rule.accessApplication !== undefined || rule.originRequest?.access !== undefined
    || String(rule.service).startsWith('http_status:');
  return rules.map((rule) => (guarded(rule) ? rule : { dangerouslyPublishWithoutAccess: true, ...rule }));
}

/** Minimal valid props; tests override what they exercise. */
function props(overrides: Partial<CloudflareTunnelProps> = {}): CloudflareTunnelProps {
  return {
    cloudflareAccountId: ACCOUNT_ID,
    cloudflareZoneId: ZONE_ID,
    zoneName: 'example.com',
    name: 'app-tunnel',
    ...overrides,
    ingress: Array.isArray(overrides.ingress) ? published(overrides.ingress) : overrides.ingress ?? published([{ hostname: 'app.example.com', service: 'http://localhost:8080' }]),
  };
}

/** Synthesizes one tunnel and exposes its token and credentials as sensitive outputs. */
function synthTunnel(overrides: Partial<CloudflareTunnelProps> = {}) {
  let tunnel!: CloudflareTunnel;
  const result = synth((stack) => {
    tunnel = new CloudflareTunnel(stack, 'tunnel', props(overrides));
    new TerraformOutput(stack, 'token', { value: tunnel.tunnelToken, sensitive: true });
    new TerraformOutput(stack, 'credentials', { value: tunnel.credentialsJson, sensitive: true });
  });
  return { ...result, tunnel };
}

const TUNNEL_REF = /^cloudflare_zero_trust_tunnel_cloudflared\.tunnel_Tunnel_\w+$/;
const SECRET_EXPR = /^base64sha256\(random_password\.tunnel_Secret_\w+\.result\)$/;

function tunnelRef(doc: any): string {
  const [key] = Object.keys(resources(doc, 'cloudflare_zero_trust_tunnel_cloudflared'));
  return `cloudflare_zero_trust_tunnel_cloudflared.${key}`;
}

function ingressOf(doc: any): any[] {
  return onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress;
}

/** Builds a tunnel in a fresh stack; returns the stack so a test can check nothing was created. */
function build(overrides: Partial<CloudflareTunnelProps>): TerraformStack {
  const stack = newStack();
  new CloudflareTunnel(stack, 'tunnel', props(overrides));
  return stack;
}

describe('CloudflareTunnel', () => {
  test('synthesizes the expected Terraform', () => {
    const { json } = synthTunnel({
      ingress: [
        { hostname: 'app.example.com', service: 'http://localhost:8080', originRequest: { connectTimeoutSeconds: 10 } },
        { hostname: 'app.example.com', path: '^/api/', service: 'http://localhost:9000' },
        { hostname: 'admin.example.com', service: 'https://localhost:8443', originRequest: { noTlsVerify: true } },
      ],
      secretRotationKey: '2025-01',
    });
    expect(json).toMatchSnapshot();
  });

  test('creates a remotely managed tunnel', () => {
    const { doc } = synthTunnel();
    const tunnel = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared');
    expect(tunnel.config_src).toBe('cloudflare');
    expect(tunnel.account_id).toBe(ACCOUNT_ID);
    expect(tunnel.name).toBe('app-tunnel');
  });

  describe('tunnel secret', () => {
    test('is base64 of the SHA-256 of a random password, marked sensitive, never a literal', () => {
      const { doc } = synthTunnel();
      const password = onlyResource(doc, 'random_password');
      expect(password.length).toBeGreaterThanOrEqual(32);
      const secret = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared').tunnel_secret;
      expect(secret).toMatch(/^\$\{sensitive\(base64sha256\(random_password\.tunnel_Secret_\w+\.result\)\)\}$/);
    });

    test('has no rotation keeper by default', () => {
      const { doc } = synthTunnel();
      expect(onlyResource(doc, 'random_password').keepers).toBeUndefined();
    });

    test('is regenerated when secretRotationKey changes (the key is a keeper)', () => {
      const first = onlyResource(synthTunnel({ secretRotationKey: '2025-01' }).doc, 'random_password');
      const second = onlyResource(synthTunnel({ secretRotationKey: '2025-07' }).doc, 'random_password');
      expect(first.keepers).toEqual({ rotation: '2025-01' });
      expect(second.keepers).toEqual({ rotation: '2025-07' });
    });
  });

  describe('ingress configuration', () => {
    test('targets the tunnel in the same account', () => {
      const { doc } = synthTunnel();
      const config = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config');
      expect(config.tunnel_id).toBe(`\${${tunnelRef(doc)}.id}`);
      expect(config.account_id).toBe(ACCOUNT_ID);
    });

    test('has one rule per hostname and path, in order, then a single catch-all 404 last', () => {
      const { doc } = synthTunnel({
        ingress: [
          { hostname: 'app.example.com', path: '^/api/', service: 'http://localhost:9000' },
          { hostname: 'app.example.com', service: 'http://localhost:8080' },
          { hostname: 'docs.example.com', service: 'hello_world' },
        ],
      });
      expect(ingressOf(doc)).toEqual([
        { hostname: 'app.example.com', path: '^/api/', service: 'http://localhost:9000' },
        { hostname: 'app.example.com', service: 'http://localhost:8080' },
        { hostname: 'docs.example.com', service: 'hello_world' },
        { service: 'http_status:404' },
      ]);
    });

    test('maps every origin setting to the v5 origin_request shape (timeouts as numbers)', () => {
      const { doc } = synthTunnel({
        ingress: [{
          hostname: 'app.example.com',
          service: 'https://localhost:8443',
          originRequest: {
            connectTimeoutSeconds: 15,
            httpHostHeader: 'internal.app',
            originServerName: 'internal.app',
            noTlsVerify: true,
            http2Origin: true,
            access: { teamName: 'acme', audTag: 'aud-tag-of-the-app' },
          },
        }],
      });
      expect(ingressOf(doc)[0].origin_request).toEqual({
        connect_timeout: 15,
        http_host_header: 'internal.app',
        origin_server_name: 'internal.app',
        no_tls_verify: true,
        http2_origin: true,
        access: { required: true, team_name: 'acme', aud_tag: ['aud-tag-of-the-app'] },
      });
    });

    test('sends no origin settings unless given, so TLS verification stays on', () => {
      const { doc } = synthTunnel();
      expect(ingressOf(doc)[0]).not.toHaveProperty('origin_request');
      const onlyTimeout = ingressOf(synthTunnel({
        ingress: [{ hostname: 'app.example.com', service: 'http://localhost:8080', originRequest: { connectTimeoutSeconds: 5 } }],
      }).doc)[0];
      expect(onlyTimeout.origin_request).toEqual({ connect_timeout: 5 });
    });

    test('sends no origin_request for an originRequest without settings (the provider would fill in its defaults)', () => {
      const { doc } = synthTunnel({
        ingress: [
          { hostname: 'app.example.com', service: 'http://localhost:8080', originRequest: {} },
          // What a wrapper passing optional settings through produces.
          { hostname: 'api.example.com', service: 'http://localhost:9000', originRequest: { access: undefined, connectTimeoutSeconds: undefined } },
        ],
      });
      expect(ingressOf(doc)[0]).not.toHaveProperty('origin_request');
      expect(ingressOf(doc)[1]).not.toHaveProperty('origin_request');
    });

    test('accepts an Access audience tag that is a token', () => {
      const { doc } = synth((stack) => {
        const aud = new TerraformVariable(stack, 'aud', { type: 'string' });
        new CloudflareTunnel(stack, 'tunnel', props({
          ingress: [{
            hostname: 'app.example.com',
            service: 'http://localhost:8080',
            originRequest: { access: { teamName: 'acme', audTag: aud.stringValue } },
          }],
        }));
      });
      expect(ingressOf(doc)[0].origin_request.access.aud_tag).toEqual(['${var.aud}']);
    });

    test.each([
      'http://localhost:8080',
      'https://app.internal',
      'http://10.0.1.5:80',
      'http://[::1]:8080',
      'tcp://localhost:5432',
      'ssh://localhost:22',
      'rdp://localhost:3389',
      'smb://fileserver:445',
      'unix:/run/app.sock',
      'unix+tls:/run/app.sock',
      'http_status:503',
      'hello_world',
    ])('accepts the origin service %s', (service) => {
      const { doc } = synthTunnel({ ingress: [{ hostname: 'app.example.com', service }] });
      expect(ingressOf(doc)[0].service).toBe(service);
    });
  });

  describe('DNS records', () => {
    test('creates one proxied CNAME (ttl 1 = automatic) per distinct hostname to <tunnel-id>.cfargotunnel.com', () => {
      const { doc } = synthTunnel({
        ingress: [
          { hostname: 'app.example.com', service: 'http://localhost:8080' },
          { hostname: 'app.example.com', path: '^/api/', service: 'http://localhost:9000' },
          { hostname: 'example.com', service: 'http://localhost:8080' },
        ],
      });
      const records = Object.values(resources(doc, 'cloudflare_dns_record'));
      expect(records.map((r: any) => r.name).sort()).toEqual(['app.example.com', 'example.com']);
      for (const record of records) {
        expect(record).toMatchObject({
          zone_id: ZONE_ID,
          type: 'CNAME',
          proxied: true,
          ttl: 1,
          content: `\${${tunnelRef(doc)}.id}.cfargotunnel.com`,
        });
      }
    });

    test('are skipped when createDnsRecords is false', () => {
      const { doc, tunnel } = synthTunnel({ createDnsRecords: false });
      expect(resources(doc, 'cloudflare_dns_record')).toEqual({});
      expect(tunnel.dnsRecords).toEqual([]);
    });
  });

  describe('exposed values', () => {
    test('tunnel id, name, CNAME target and distinct hostnames', () => {
      let tunnel!: CloudflareTunnel;
      const { doc } = synth((stack) => {
        tunnel = new CloudflareTunnel(stack, 'tunnel', props({
          ingress: [
            { hostname: 'app.example.com', service: 'http://localhost:8080' },
            { hostname: 'app.example.com', path: '^/api/', service: 'http://localhost:9000' },
            { hostname: 'docs.example.com', service: 'http://localhost:8081' },
          ],
        }));
        new TerraformOutput(stack, 'tunnel_id', { value: tunnel.tunnelId });
        new TerraformOutput(stack, 'cname_target', { value: tunnel.cnameTarget });
      });
      expect(doc.output.tunnel_id.value).toBe(`\${${tunnelRef(doc)}.id}`);
      expect(doc.output.cname_target.value).toBe(`\${${tunnelRef(doc)}.id}.cfargotunnel.com`);
      expect(tunnel.tunnelName).toBe('app-tunnel');
      expect(tunnel.hostnames).toEqual(['app.example.com', 'docs.example.com']);
      expect(tunnel.dnsRecords).toHaveLength(2);
    });

    test('the tunnel token is sensitive() base64 of JSON {a: account, t: tunnel id, s: secret}', () => {
      const { doc } = synthTunnel();
      const match = /^\$\{sensitive\(base64encode\(jsonencode\(\{(.*)\}\)\)\)\}$/.exec(doc.output.token.value);
      expect(match).not.toBeNull();
      const fields = parseHclObject(match![1]);
      expect(fields).toEqual({ a: `"${ACCOUNT_ID}"`, t: expect.stringMatching(/\.id$/), s: expect.stringMatching(SECRET_EXPR) });
      expect(fields.t.replace(/\.id$/, '')).toMatch(TUNNEL_REF);
    });

    test('the credentials JSON is sensitive() with AccountTag, TunnelSecret and TunnelID', () => {
      const { doc } = synthTunnel();
      const match = /^\$\{sensitive\(jsonencode\(\{(.*)\}\)\)\}$/.exec(doc.output.credentials.value);
      expect(match).not.toBeNull();
      const fields = parseHclObject(match![1]);
      expect(fields).toEqual({
        AccountTag: `"${ACCOUNT_ID}"`,
        TunnelSecret: expect.stringMatching(SECRET_EXPR),
        TunnelID: expect.stringMatching(/\.id$/),
      });
      expect(fields.TunnelID.replace(/\.id$/, '')).toMatch(TUNNEL_REF);
    });

    test('token and credentials use the same secret as the tunnel resource', () => {
      const { doc } = synthTunnel();
      const secret = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared').tunnel_secret
        .replace(/^\$\{sensitive\((.*)\)\}$/, '$1');
      expect(parseHclObject(/jsonencode\(\{(.*)\}\)/.exec(doc.output.token.value)![1]).s).toBe(secret);
      expect(parseHclObject(/jsonencode\(\{(.*)\}\)/.exec(doc.output.credentials.value)![1]).TunnelSecret).toBe(secret);
    });
  });

  test('skips validation of ids, names and hostnames that are tokens', () => {
    const { doc } = synth((stack) => {
      const variable = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
      new CloudflareTunnel(stack, 'tunnel', {
        cloudflareAccountId: variable('account'),
        cloudflareZoneId: variable('zone'),
        zoneName: variable('zone_name'),
        name: variable('name'),
        ingress: [{ hostname: variable('hostname'), service: 'http://localhost:8080', dangerouslyPublishWithoutAccess: true }],
      });
    });
    expect(onlyResource(doc, 'cloudflare_dns_record').name).toBe('${var.hostname}');
  });
});

describe('CloudflareTunnel rejects bad input', () => {
  const rule = (extra: object) => [{ hostname: 'app.example.com', service: 'http://localhost:8080', ...extra }];

  test.each<[string, Partial<CloudflareTunnelProps>, RegExp]>([
    ['cloudflareAccountId not a 32-hex id', { cloudflareAccountId: 'my-account' }, /Invalid cloudflareAccountId: "my-account"\. Expected a Cloudflare id of 32 lower-case hexadecimal/],
    ['cloudflareZoneId not a 32-hex id', { cloudflareZoneId: ZONE_ID.toUpperCase() }, /Invalid cloudflareZoneId: .*32 lower-case hexadecimal/],
    ['empty tunnel name', { name: '  ' }, /Invalid name: .*non-empty tunnel name/],
    ['zoneName not a DNS name', { zoneName: 'Example.com.' }, /Invalid zoneName: "Example\.com\."\. Expected a fully qualified lower-case DNS name/],
    ['empty ingress list', { ingress: [] }, /Invalid ingress: \[\]\. Expected at least one rule/],
    ['upper-case hostname', { ingress: [{ hostname: 'App.example.com', service: 'http://localhost:8080' }] },
      /Invalid ingress\[0\]\.hostname: "App\.example\.com"\. Expected a fully qualified lower-case DNS name/],
    ['single-label hostname', { ingress: [{ hostname: 'localhost', service: 'http://localhost:8080' }] },
      /Invalid ingress\[0\]\.hostname: "localhost"\. Expected a fully qualified/],
    ['hostname with a scheme', { ingress: [{ hostname: 'https://app.example.com', service: 'http://localhost:8080' }] },
      /Invalid ingress\[0\]\.hostname: .*no wildcard, port, scheme or trailing dot/],
    ['wildcard hostname', { ingress: [{ hostname: '*.example.com', service: 'http://localhost:8080' }] },
      /Invalid ingress\[0\]\.hostname: "\*\.example\.com"/],
    ['IP address as hostname', { ingress: [{ hostname: '10.0.0.1', service: 'http://localhost:8080' }] },
      /Invalid ingress\[0\]\.hostname: "10\.0\.0\.1"/],
    ['hostname outside the zone', { ingress: [{ hostname: 'app.notexample.com', service: 'http://localhost:8080' }] },
      /Invalid ingress\[0\]\.hostname: "app\.notexample\.com"\. Expected "example\.com" or a name ending in "\.example\.com"/],
    ['duplicate hostname', {
      ingress: [
        { hostname: 'app.example.com', service: 'http://localhost:8080' },
        { hostname: 'app.example.com', service: 'http://localhost:9090' },
      ],
    }, /Invalid ingress\[1\]: "app\.example\.com"\. Each hostname and path pair may appear only once; ingress\[0\] already routes it/],
    ['duplicate hostname and path', {
      ingress: [
        { hostname: 'app.example.com', path: '^/api/', service: 'http://localhost:8080' },
        { hostname: 'docs.example.com', service: 'http://localhost:8081' },
        { hostname: 'app.example.com', path: '^/api/', service: 'http://localhost:9090' },
      ],
    }, /Invalid ingress\[2\]: "app\.example\.com path \^\/api\/"\. .*ingress\[0\] already routes it/],
    ['empty path', { ingress: rule({ path: '' }) }, /Invalid ingress\[0\]\.path: "".*regular expression/],
    ['unsupported service scheme', { ingress: [{ hostname: 'app.example.com', service: 'ftp://localhost:21' }] },
      /Invalid ingress\[0\]\.service: "ftp:\/\/localhost:21"\. Expected http:\/\/, https:\/\/, tcp:\/\/, ssh:\/\/, rdp:\/\/ or smb:\/\//],
    ['service without scheme', { ingress: [{ hostname: 'app.example.com', service: 'localhost:8080' }] },
      /Invalid ingress\[0\]\.service: "localhost:8080"/],
    ['service URL with a path', { ingress: [{ hostname: 'app.example.com', service: 'http://localhost:8080/app' }] },
      /Invalid ingress\[0\]\.service: .*no path/],
    ['service port out of range', { ingress: [{ hostname: 'app.example.com', service: 'http://localhost:70000' }] },
      /Invalid ingress\[0\]\.service: "http:\/\/localhost:70000"/],
    ['bad http_status code', { ingress: [{ hostname: 'app.example.com', service: 'http_status:99' }] },
      /Invalid ingress\[0\]\.service: "http_status:99"\. .*http_status:NNN \(100-599\)/],
    ['unix socket without a path', { ingress: [{ hostname: 'app.example.com', service: 'unix:' }] },
      /Invalid ingress\[0\]\.service: "unix:"/],
    ['zero connect timeout', { ingress: rule({ originRequest: { connectTimeoutSeconds: 0 } }) },
      /Invalid ingress\[0\]\.originRequest\.connectTimeoutSeconds: 0\. Expected a whole number greater than 0/],
    ['negative connect timeout', { ingress: rule({ originRequest: { connectTimeoutSeconds: -5 } }) },
      /Invalid ingress\[0\]\.originRequest\.connectTimeoutSeconds: -5\./],
    ['fractional connect timeout', { ingress: rule({ originRequest: { connectTimeoutSeconds: 1.5 } }) },
      /Invalid ingress\[0\]\.originRequest\.connectTimeoutSeconds: 1\.5\./],
    ['empty Host header', { ingress: rule({ originRequest: { httpHostHeader: '' } }) },
      /Invalid ingress\[0\]\.originRequest\.httpHostHeader: ""/],
    ['empty origin server name', { ingress: rule({ originRequest: { originServerName: '' } }) },
      /Invalid ingress\[0\]\.originRequest\.originServerName: ""/],
    ['team domain instead of team name', { ingress: rule({ originRequest: { access: { teamName: 'acme.cloudflareaccess.com', audTag: 'aud' } } }) },
      /Invalid ingress\[0\]\.originRequest\.access\.teamName: "acme\.cloudflareaccess\.com"\. Expected the Zero Trust team name only/],
    ['empty Access audience tag', { ingress: rule({ originRequest: { access: { teamName: 'acme', audTag: '' } } }) },
      /Invalid ingress\[0\]\.originRequest\.access\.audTag: "".*audience \(AUD\) tag/],
  ])('%s', (_name, overrides, message) => {
    const stack = newStack();
    expect(() => new CloudflareTunnel(stack, 'tunnel', props(overrides))).toThrow(message);
    // Validation runs before any resource is added.
    expect(stack.node.findAll().filter((c) => c instanceof TerraformResource)).toEqual([]);
  });

  test('a valid tunnel builds without error', () => {
    expect(() => build({})).not.toThrow();
  });
});

/**
 * Splits the body of an HCL object literal as cdktf renders it
 * (`"key" = value, "key" = value`) into key -> raw value text.
 */
function parseHclObject(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of body.split(/,\s*(?="\w+" = )/)) {
    const [, key, value] = /^"(\w+)" = (.*)$/.exec(part.trim())!;
    fields[key] = value;
  }
  return fields;
}
