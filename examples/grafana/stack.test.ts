// Tests of the Grafana stack, written the way you would test your own stack
// (see docs/testing.md): a snapshot of the synthesized Terraform JSON, and
// assertions with cdktf's jest matchers on what must not change by accident.
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Route } from '@cdktf/provider-aws/lib/route';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { ZeroTrustAccessApplication } from '@cdktf/provider-cloudflare/lib/zero-trust-access-application';
import { ZeroTrustAccessIdentityProvider } from '@cdktf/provider-cloudflare/lib/zero-trust-access-identity-provider';
import { ZeroTrustAccessPolicy } from '@cdktf/provider-cloudflare/lib/zero-trust-access-policy';
import { ZeroTrustTunnelCloudflaredConfigA } from '@cdktf/provider-cloudflare/lib/zero-trust-tunnel-cloudflared-config';
import { Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest'; // types of cdktf's matchers (toHaveResourceWithProperties, ...)
import { ContainerImage } from 'cdktf-zero-trust-fargate';
import { GRAFANA_IMAGE, GrafanaExampleStack } from './stack';

// The stack reads its settings from environment variables, with placeholders
// when unset: clear them, so the snapshot is the same on every machine.
for (const name of Object.keys(process.env)) {
  if (/^(CLOUDFLARE_|AWS_REGION$|GRAFANA_|GOOGLE_)/.test(name)) delete process.env[name];
}

Testing.setupJest(); // adds cdktf's matchers to expect()

const synthesized = Testing.synth(new GrafanaExampleStack(Testing.app(), 'grafana'));
const doc = JSON.parse(synthesized);

/** The resources of one Terraform type, by logical id. */
function resourcesOf(type: string): Record<string, any> {
  return doc.resource[type] ?? {};
}

/** The resource that a reference such as `${aws_subnet.<id>.id}` points to. */
function referenced(reference: string): any {
  const [, type, id] = /^\$\{([a-z0-9_]+)\.([^.]+)\.[a-z0-9_]+\}$/.exec(reference) ?? [];
  const resource = resourcesOf(type ?? '')[id ?? ''];
  if (resource === undefined) throw new Error(`${reference} is not a reference to a resource of this stack`);
  return resource;
}

test('the synthesized stack matches the snapshot', () => {
  expect(synthesized).toMatchSnapshot();
});

test('the hostname is a proxied CNAME to the tunnel', () => {
  expect(synthesized).toHaveResourceWithProperties(DnsRecord, { name: 'grafana.example.com', type: 'CNAME', proxied: true });
});

test("the tunnel sends the hostname to Grafana's port 3000, and cloudflared checks the Access token", () => {
  expect(synthesized).toHaveResourceWithProperties(ZeroTrustTunnelCloudflaredConfigA, {
    config: {
      ingress: [
        expect.objectContaining({
          hostname: 'grafana.example.com',
          service: 'http://localhost:3000',
          origin_request: expect.objectContaining({ access: expect.objectContaining({ required: true, team_name: 'your-team' }) }),
        }),
        { service: 'http_status:404' },
      ],
    },
  });
});

test('Google Workspace logins of example.com get in, and CI with its service token; no 401 on the browsers\' application', () => {
  const [idpId] = Object.keys(resourcesOf('cloudflare_zero_trust_access_identity_provider'));
  expect(synthesized).toHaveResourceWithProperties(ZeroTrustAccessIdentityProvider, {
    type: 'google-apps',
    config: expect.objectContaining({ apps_domain: 'example.com' }),
  });
  const policies = resourcesOf('cloudflare_zero_trust_access_policy');
  const policyId = (decision: string) => Object.keys(policies).filter((id) => policies[id].decision === decision);
  expect(Object.keys(policies)).toHaveLength(2);
  expect(synthesized).toHaveResourceWithProperties(ZeroTrustAccessPolicy, {
    decision: 'allow',
    include: [{ email_domain: { domain: 'example.com' } }],
  });
  const [tokenId] = Object.keys(resourcesOf('cloudflare_zero_trust_access_service_token'));
  expect(synthesized).toHaveResourceWithProperties(ZeroTrustAccessPolicy, {
    decision: 'non_identity',
    include: [{ service_token: { token_id: `\${cloudflare_zero_trust_access_service_token.${tokenId}.id}` } }],
  });
  expect(synthesized).toHaveResourceWithProperties(ZeroTrustAccessApplication, {
    domain: 'grafana.example.com',
    allowed_idps: [`\${cloudflare_zero_trust_access_identity_provider.${idpId}.id}`],
    auto_redirect_to_identity: true,
    policies: [
      { id: `\${cloudflare_zero_trust_access_policy.${policyId('allow')[0]}.id}`, precedence: 1 },
      { id: `\${cloudflare_zero_trust_access_policy.${policyId('non_identity')[0]}.id}`, precedence: 2 },
    ],
  });
  // People use this application too: whether they would get the 401 instead of the login page is unverified.
  const applications = Object.values(resourcesOf('cloudflare_zero_trust_access_application')) as any[];
  expect(applications.map((application) => application.service_auth_401_redirect)).toEqual([undefined]);
  // The client secret leaves Terraform only as a sensitive output, for the CI secret store.
  expect(doc.output.grafana_ci_client_secret.sensitive).toBe(true);
  expect(Object.keys(doc.output)).toEqual(expect.arrayContaining(['grafana_ci_client_id', 'grafana_ci_client_secret']));
});

test('the service runs in private subnets: no public IP, default route through a NAT gateway', () => {
  expect(synthesized).toHaveResourceWithProperties(EcsService, {
    name: 'grafana',
    network_configuration: expect.objectContaining({ assign_public_ip: false }),
  });
  // Task subnet ids are references, `${aws_route_table_association.<id>.subnet_id}`
  // (so the service waits for the subnet's routes): follow each to its subnet and routes.
  const [service] = Object.values(resourcesOf('aws_ecs_service'));
  for (const subnet of service.network_configuration.subnets) {
    const association = referenced(subnet);
    expect(referenced(association.subnet_id)).toMatchObject({ map_public_ip_on_launch: false });
    expect(synthesized).toHaveResourceWithProperties(Route, {
      route_table_id: association.route_table_id,
      destination_cidr_block: '0.0.0.0/0',
      nat_gateway_id: expect.stringMatching(/^\$\{aws_nat_gateway\./),
    });
  }
});

test('Grafana and the official cloudflared image run at pinned versions; the admin password is a secret in SSM', () => {
  // container_definitions is a jsonencode() expression: the images are strings in it.
  expect(synthesized).toHaveResourceWithProperties(EcsTaskDefinition, {
    container_definitions: expect.stringContaining(`"name" = "grafana", "image" = "${GRAFANA_IMAGE}"`),
  });
  expect(synthesized).toHaveResourceWithProperties(EcsTaskDefinition, {
    container_definitions: expect.stringContaining(`"name" = "cloudflared", "image" = "${ContainerImage.cloudflared().imageUri}"`),
  });
  expect(synthesized).toHaveResourceWithProperties(SsmParameter, {
    name: '/grafana/admin-password',
    type: 'SecureString',
    value: expect.stringMatching(/^\$\{random_password\./),
  });
});

test("Grafana signs people in by Access's signed token (JWT), never by a header a caller could set", () => {
  // container_definitions is a jsonencode() expression: the environment is in it as HCL.
  const env = (name: string, value: string) => `{"name" = "${name}", "value" = ${value}}`;
  for (const [name, value] of [
    ['GF_AUTH_JWT_ENABLED', '"true"'],
    ['GF_AUTH_JWT_HEADER_NAME', '"Cf-Access-Jwt-Assertion"'],
    // The team's signing keys and issuer (CLOUDFLARE_TEAM_NAME, placeholder your-team).
    ['GF_AUTH_JWT_JWK_SET_URL', '"https://your-team.cloudflareaccess.com/cdn-cgi/access/certs"'],
    // A JSON string, encoded by Terraform: {"iss":"https://your-team.cloudflareaccess.com"}.
    ['GF_AUTH_JWT_EXPECT_CLAIMS', 'jsonencode({"iss" = "https://your-team.cloudflareaccess.com"})'],
    ['GF_AUTH_JWT_EMAIL_CLAIM', '"email"'],
    ['GF_AUTH_JWT_AUTO_SIGN_UP', '"true"'],
    // Roles are managed in Grafana: a login does not reset them to Viewer.
    ['GF_AUTH_JWT_SKIP_ORG_ROLE_SYNC', '"true"'],
  ]) {
    expect(synthesized).toHaveResourceWithProperties(EcsTaskDefinition, { container_definitions: expect.stringContaining(env(name, value)) });
  }
  // No auth proxy: Cf-Access-Authenticated-User-Email is not proof of who is calling.
  expect(synthesized).not.toHaveResourceWithProperties(EcsTaskDefinition, { container_definitions: expect.stringContaining('GF_AUTH_PROXY_') });
});
