// The two examples reproduce the source articles: synthesized with their
// placeholder settings, snapshotted, and checked for what each article documents.
import { App, Testing } from 'cdktf';
import { FLASK_REPOSITORY_NAMES, FlaskExampleStack, FlaskImagesStack } from '../../examples/flask/stack';
import { GRAFANA_IMAGE, GrafanaExampleStack } from '../../examples/grafana/stack';
import { PinnedVersions } from '../../src';
import { onlyResource, resources } from '../helpers';
import { decodeJsonencode } from '../service/decode';

// The examples read their settings from the environment: use the placeholders.
const SETTINGS = /^(CLOUDFLARE_|AWS_REGION$|FLASK_|GRAFANA_|GOOGLE_)/;
for (const name of Object.keys(process.env)) {
  if (SETTINGS.test(name)) delete process.env[name];
}

function synthExample(build: (app: App) => any): { json: string; doc: any } {
  const stack = build(Testing.app());
  const json = Testing.synth(stack);
  return { json, doc: JSON.parse(json) };
}

function containers(doc: any): Record<string, any> {
  const list = decodeJsonencode(onlyResource(doc, 'aws_ecs_task_definition').container_definitions);
  return Object.fromEntries(list.map((c: any) => [c.name, c]));
}

const ref = (type: string, id: string, attribute: string) => `\${${type}.${id}.${attribute}}`;

describe('Flask example', () => {
  const { json, doc } = synthExample((app) => new FlaskExampleStack(app, 'flask'));

  test('snapshot', () => {
    expect(json).toMatchSnapshot();
  });

  test('tunnel from a random secret, remotely managed, with a proxied CNAME', () => {
    const password = Object.keys(resources(doc, 'random_password'))[0];
    const tunnel = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared');
    expect(tunnel.config_src).toBe('cloudflare');
    expect(tunnel.tunnel_secret).toContain(`base64sha256(random_password.${password}.result)`);
    const record = onlyResource(doc, 'cloudflare_dns_record');
    expect(record).toMatchObject({ name: 'flask.example.com', type: 'CNAME', proxied: true, ttl: 1 });
  });

  test('Access application: 24h session, in the app launcher, with an email allow-list', () => {
    const application = onlyResource(doc, 'cloudflare_zero_trust_access_application');
    expect(application).toMatchObject({ type: 'self_hosted', domain: 'flask.example.com', session_duration: '24h', app_launcher_visible: true });
    const policy = onlyResource(doc, 'cloudflare_zero_trust_access_policy');
    expect(policy.decision).toBe('allow');
    expect(policy.include).toEqual([{ email: { email: 'alice@example.com' } }, { email: { email: 'bob@example.com' } }]);
  });

  test('the credentials JSON of the article in an SSM SecureString', () => {
    const parameter = onlyResource(doc, 'aws_ssm_parameter');
    expect(parameter.type).toBe('SecureString');
    for (const key of ['AccountTag', 'TunnelSecret', 'TunnelID']) expect(parameter.value).toContain(`"${key}"`);
  });

  test('images from the two ECR repositories of flask-images, found by name; the sidecar runs the pinned cloudflared copy', () => {
    // No repository of its own: they are in the flask-images stack, with a state of their own.
    expect(resources(doc, 'aws_ecr_repository')).toEqual({});
    const repositories: Record<string, any> = doc.data.aws_ecr_repository;
    const byName = Object.fromEntries(Object.entries(repositories).map(([id, r]: [string, any]) => [r.name, id]));
    expect(Object.keys(byName).sort()).toEqual(['cloudflared', 'flask']);
    const { cloudflared, flask } = containers(doc);
    const dataRef = (id: string, attribute: string) => `\${data.aws_ecr_repository.${id}.${attribute}}`;
    expect(cloudflared.image).toBe(`${dataRef(byName.cloudflared, 'repository_url')}:${PinnedVersions.CLOUDFLARED}`);
    expect(flask.image).toBe(`${dataRef(byName.flask, 'repository_url')}:1.0.0`);
    // The plan fails while an image is missing, before anything is created.
    expect(Object.values(doc.data.aws_ecr_image).map((image: any) => `${image.repository_name}:${image.image_tag}`).sort())
      .toEqual([`cloudflared:${PinnedVersions.CLOUDFLARED}`, 'flask:1.0.0']);
    // The execution role pulls from exactly these two repositories.
    const statements = (Object.values(doc.data.aws_iam_policy_document) as any[]).flatMap((p) => p.statement);
    const pull = statements.filter((s) => s.actions.includes('ecr:BatchGetImage'));
    expect(pull).toEqual([expect.objectContaining({ resources: [dataRef(byName.flask, 'arn'), dataRef(byName.cloudflared, 'arn')] })]);
  });

  test('a 0.5 vCPU / 1 GB task: Flask on port 5000, the sidecar depending on it (START)', () => {
    const task = onlyResource(doc, 'aws_ecs_task_definition');
    expect([task.cpu, task.memory]).toEqual(['512', '1024']);
    const { cloudflared, flask } = containers(doc);
    expect(flask.portMappings).toEqual([{ containerPort: 5000, protocol: 'tcp' }]);
    expect(cloudflared.dependsOn).toEqual([{ containerName: 'flask', condition: 'START' }]);
    const ingress = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress;
    expect(ingress[0].service).toBe('http://localhost:5000');
  });

  test('the execution role reads exactly the credentials parameter', () => {
    const parameter = Object.keys(resources(doc, 'aws_ssm_parameter'))[0];
    const statements = (Object.values(doc.data.aws_iam_policy_document) as any[]).flatMap((p) => p.statement);
    const ssm = statements.filter((s) => s.actions.some((a: string) => a.startsWith('ssm:')));
    expect(ssm).toEqual([expect.objectContaining({ actions: ['ssm:GetParameters'], resources: [ref('aws_ssm_parameter', parameter, 'arn')] })]);
    expect(containers(doc).cloudflared.secrets).toEqual([{ name: 'TUNNEL_CRED_CONTENTS', valueFrom: ref('aws_ssm_parameter', parameter, 'arn') }]);
  });

  test('a cluster offering Fargate Spot and a service on FARGATE_SPOT (weight 100) in two private subnets without public IPs', () => {
    expect(onlyResource(doc, 'aws_ecs_cluster_capacity_providers').capacity_providers).toContain('FARGATE_SPOT');
    const service = onlyResource(doc, 'aws_ecs_service');
    expect(service.capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE_SPOT', weight: 100 }]);
    expect(service.network_configuration.assign_public_ip).toBe(false);
    expect(service.network_configuration.subnets).toHaveLength(2);
    const subnets = resources(doc, 'aws_subnet');
    const associations = resources(doc, 'aws_route_table_association');
    for (const subnetRef of service.network_configuration.subnets) {
      // Task subnet ids come through the route table associations, so the service waits for their routes.
      const association = /aws_route_table_association\.([^.]+)\.subnet_id/.exec(subnetRef)![1];
      const id = /aws_subnet\.([^.]+)\.id/.exec(associations[association].subnet_id)![1];
      expect(subnets[id].map_public_ip_on_launch).toBe(false);
      expect(subnets[id].tags.Name).toContain('private');
    }
  });
});

describe('Flask example images', () => {
  const { json, doc } = synthExample((app) => new FlaskImagesStack(app, 'flask-images'));

  test('snapshot', () => {
    expect(json).toMatchSnapshot();
  });

  test('the two repositories the flask stack pulls from: immutable tags, scan on push, deleted with the stack', () => {
    const repositories = Object.values(resources(doc, 'aws_ecr_repository')) as any[];
    expect(repositories.map((repository) => repository.name).sort()).toEqual(Object.values(FLASK_REPOSITORY_NAMES).sort());
    for (const repository of repositories) {
      expect(repository).toMatchObject({ image_tag_mutability: 'IMMUTABLE', image_scanning_configuration: { scan_on_push: true }, force_delete: true });
    }
  });

  test('the addresses of the last release\'s flask stack, so that `terraform state mv` keeps them', () => {
    expect(Object.keys(resources(doc, 'aws_ecr_repository')).sort())
      .toEqual(['cloudflared-repository_Repository_77722F76', 'flask-repository_Repository_FBEBE7A8']);
    expect(Object.keys(resources(doc, 'aws_ecr_lifecycle_policy')).sort())
      .toEqual(['cloudflared-repository_LifecyclePolicy_5E20F6B0', 'flask-repository_LifecyclePolicy_B24FAB15']);
  });

  test('outputs the tag to push the cloudflared copy at', () => {
    expect(doc.output.cloudflared_version.value).toBe(PinnedVersions.CLOUDFLARED);
  });

  test('needs only the AWS provider', () => {
    expect(Object.keys(doc.provider)).toEqual(['aws']);
  });
});

describe('Grafana example', () => {
  const { json, doc } = synthExample((app) => new GrafanaExampleStack(app, 'grafana'));

  test('snapshot', () => {
    expect(json).toMatchSnapshot();
  });

  test('the official Grafana image, pinned, on port 3000 with a health check and the public root URL', () => {
    const { grafana, cloudflared } = containers(doc);
    expect(grafana.image).toBe(GRAFANA_IMAGE);
    expect(GRAFANA_IMAGE).toMatch(/^grafana\/grafana:\d+\.\d+\.\d+$/);
    expect(grafana.portMappings).toEqual([{ containerPort: 3000, protocol: 'tcp' }]);
    expect(grafana.healthCheck.command).toEqual(['CMD', 'wget', '--quiet', '--spider', 'http://127.0.0.1:3000/api/health']);
    expect(grafana.environment).toContainEqual({ name: 'GF_SERVER_ROOT_URL', value: 'https://grafana.example.com/' });
    expect(cloudflared.dependsOn).toEqual([{ containerName: 'grafana', condition: 'HEALTHY' }]);
  });

  test('Google Workspace login is the only way in, limited to the Workspace domain', () => {
    const [idpId, idp] = Object.entries(resources(doc, 'cloudflare_zero_trust_access_identity_provider'))[0] as [string, any];
    expect(idp.type).toBe('google-apps');
    expect(idp.config.apps_domain).toBe('example.com');
    expect(idp.config.client_secret).toContain('var.google_client_secret');
    expect(doc.variable.google_client_secret.sensitive).toBe(true);
    const application = onlyResource(doc, 'cloudflare_zero_trust_access_application');
    expect(application.allowed_idps).toEqual([ref('cloudflare_zero_trust_access_identity_provider', idpId, 'id')]);
    expect(application.auto_redirect_to_identity).toBe(true);
    const policies = Object.values(resources(doc, 'cloudflare_zero_trust_access_policy')) as any[];
    expect(policies.filter((policy) => policy.decision === 'allow').map((policy) => policy.include))
      .toEqual([[{ email_domain: { domain: 'example.com' } }]]);
  });

  test('API access for CI: a service token in a Service Auth policy, and no 401 on the browsers\' application', () => {
    const [tokenId, token] = Object.entries(resources(doc, 'cloudflare_zero_trust_access_service_token'))[0] as [string, any];
    expect(token.name).toBe('grafana-ci');
    const policies = Object.values(resources(doc, 'cloudflare_zero_trust_access_policy')) as any[];
    expect(policies.filter((policy) => policy.decision === 'non_identity').map((policy) => policy.include))
      .toEqual([[{ service_token: { token_id: ref('cloudflare_zero_trust_access_service_token', tokenId, 'id') } }]]);
    // Not on the browsers' application: whether people would get the 401 instead of the login page is unverified.
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_application').service_auth_401_redirect).toBeUndefined();
    // Snake case, like the library's outputs (url, tunnel_id).
    expect(doc.output.grafana_ci_client_secret).toMatchObject({ sensitive: true });
    expect(doc.output.grafana_ci_client_id.value).toBe(ref('cloudflare_zero_trust_access_service_token', tokenId, 'client_id'));
    expect(Object.keys(doc.output).filter((name) => name.includes('-'))).toEqual([]);
  });

  test('cloudflared enforces the Access token at the origin, under the team name Grafana trusts', () => {
    const application = Object.keys(resources(doc, 'cloudflare_zero_trust_access_application'))[0];
    const ingress = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0];
    // CLOUDFLARE_TEAM_NAME is unset here: its placeholder, written out, so the account is not read.
    expect(ingress.origin_request.access).toEqual({
      required: true,
      team_name: 'your-team',
      aud_tag: [ref('cloudflare_zero_trust_access_application', application, 'aud')],
    });
    expect(doc.data.cloudflare_zero_trust_organization).toBeUndefined();
  });

  test("Grafana's admin password is random, in SSM, and reaches the container only as a secret", () => {
    const parameters = resources(doc, 'aws_ssm_parameter');
    const [adminId, admin] = Object.entries(parameters).find(([, p]: [string, any]) => p.name === '/grafana/admin-password') as [string, any];
    expect(admin.type).toBe('SecureString');
    expect(admin.value).toMatch(/^\$\{random_password\.[^.]+\.result\}$/);
    const { grafana } = containers(doc);
    expect(grafana.secrets).toEqual([{ name: 'GF_SECURITY_ADMIN_PASSWORD', valueFrom: ref('aws_ssm_parameter', adminId, 'arn') }]);
    expect(grafana.environment.map((e: any) => e.name)).not.toContain('GF_SECURITY_ADMIN_PASSWORD');
    const readable = (Object.values(doc.data.aws_iam_policy_document) as any[]).flatMap((p) => p.statement)
      .filter((st) => st.actions.includes('ssm:GetParameters')).flatMap((st) => st.resources);
    expect(readable.sort()).toEqual(Object.keys(parameters).map((id) => ref('aws_ssm_parameter', id, 'arn')).sort());
  });

  test("Grafana signs users in by Access's signed token (JWT), verified against the team's keys", () => {
    const environment: Array<{ name: string; value: string }> = containers(doc).grafana.environment;
    expect(environment).toEqual(expect.arrayContaining([
      { name: 'GF_AUTH_JWT_ENABLED', value: 'true' },
      { name: 'GF_AUTH_JWT_HEADER_NAME', value: 'Cf-Access-Jwt-Assertion' },
      { name: 'GF_AUTH_JWT_JWK_SET_URL', value: 'https://your-team.cloudflareaccess.com/cdn-cgi/access/certs' },
      { name: 'GF_AUTH_JWT_EMAIL_CLAIM', value: 'email' },
      { name: 'GF_AUTH_JWT_USERNAME_CLAIM', value: 'email' },
      { name: 'GF_AUTH_JWT_AUTO_SIGN_UP', value: 'true' },
      { name: 'GF_AUTH_JWT_SKIP_ORG_ROLE_SYNC', value: 'true' },
      { name: 'GF_USERS_ALLOW_SIGN_UP', value: 'false' },
    ]));
    // A JSON object as Grafana reads it (Terraform's jsonencode, nested in the task definition's).
    const expectClaims = environment.find((e) => e.name === 'GF_AUTH_JWT_EXPECT_CLAIMS')!;
    expect(JSON.parse(expectClaims.value)).toEqual({ iss: 'https://your-team.cloudflareaccess.com' });
    // No auth proxy: a service-token caller could send its own Cf-Access-Authenticated-User-Email.
    expect(environment.map((e) => e.name).filter((name) => name.startsWith('GF_AUTH_PROXY_'))).toEqual([]);
  });

  test('tunnel token in SSM, logs, cluster and a private service behind a NAT gateway', () => {
    const tunnelParameter = Object.values(resources(doc, 'aws_ssm_parameter')).find((p: any) => p.value.includes('base64encode')) as any;
    expect(tunnelParameter.type).toBe('SecureString');
    expect(containers(doc).cloudflared.secrets[0].name).toBe('TUNNEL_TOKEN');
    expect(onlyResource(doc, 'aws_cloudwatch_log_group').retention_in_days).toBe(30);
    expect(Object.keys(resources(doc, 'aws_nat_gateway'))).toHaveLength(1);
    expect(onlyResource(doc, 'aws_ecs_service').network_configuration.assign_public_ip).toBe(false);
  });
});
