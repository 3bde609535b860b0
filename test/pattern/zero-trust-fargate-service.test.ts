import { TerraformElement, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import {
  AccessDecision,
  AccessRule,
  ContainerImage,
  ExistingCluster,
  ExistingLogGroup,
  ExistingNetwork,
  ExistingRole,
  TunnelCredentialFormat,
  TunnelCredentialParameter,
  ZeroTrustFargateService,
  ZeroTrustFargateServiceProps,
} from '../../src';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { decodeJsonencode } from '../service/decode';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const ZONE = 'fedcba9876543210fedcba9876543210';

function props(overrides: Partial<ZeroTrustFargateServiceProps> = {}): ZeroTrustFargateServiceProps {
  return {
    cloudflareAccountId: ACCOUNT,
    cloudflareZoneId: ZONE,
    hostname: 'admin.example.com',
    app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
    access: { allow: [AccessRule.emailDomain('example.com')] },
    ...overrides,
  };
}

function build(overrides: Partial<ZeroTrustFargateServiceProps> = {}) {
  return synth((stack) => new ZeroTrustFargateService(stack, 'admin', props(overrides)));
}

function containers(doc: any): any[] {
  return decodeJsonencode(onlyResource(doc, 'aws_ecs_task_definition').container_definitions);
}

/** `${aws_ssm_parameter.x.arn}` for the only parameter of the stack. */
function parameterArnRef(doc: any): string {
  return `\${aws_ssm_parameter.${Object.keys(resources(doc, 'aws_ssm_parameter'))[0]}.arn}`;
}

describe('ZeroTrustFargateService', () => {
  test('snapshot: minimal use', () => {
    expect(build().json).toMatchSnapshot();
  });

  test('creates every part of the pattern from the minimal props', () => {
    const { doc } = build();
    for (const type of [
      'random_password',
      'cloudflare_zero_trust_tunnel_cloudflared',
      'cloudflare_zero_trust_tunnel_cloudflared_config',
      'cloudflare_dns_record',
      'cloudflare_zero_trust_access_application',
      'cloudflare_zero_trust_access_policy',
      'aws_ssm_parameter',
      'aws_vpc',
      'aws_security_group',
      'aws_ecs_cluster',
      'aws_ecs_cluster_capacity_providers',
      'aws_ecs_task_definition',
      'aws_ecs_service',
      'aws_cloudwatch_log_group',
    ]) {
      expect(Object.keys(resources(doc, type)).length).toBeGreaterThanOrEqual(1);
    }
  });

  test('Terraform outputs name what users reference after apply', () => {
    const outputs = Object.values(build().doc.output).map((o: any) => o.description);
    for (const described of [
      'URL of test-admin', 'Cloudflare Tunnel id', 'AUD tag of the Access application', 'ARN of the ECS cluster',
      'Security group of the test-admin tasks', 'Name of the ECS service', 'ARN of the task execution role',
      'ARN of the task role', 'CloudWatch log group', 'SSM parameter that holds the tunnel credential',
    ]) {
      expect(outputs.some((d) => d.startsWith(described))).toBe(true);
    }
    // No secret material in any output.
    expect(JSON.stringify(build().doc.output)).not.toMatch(/aws_ssm_parameter\.[^.]+\.value|random_password|tunnel_secret|sensitive\(/);
  });

  describe('output names', () => {
    const ALL = ['access_application_aud', 'cluster_arn', 'cluster_name', 'credential_parameter_name', 'execution_role_arn',
      'log_group_name', 'security_group_id', 'service_name', 'task_definition_arn', 'task_definition_family', 'task_role_arn',
      'task_role_name', 'tunnel_id', 'url'];

    test('are stable and readable, whatever the construct path: `terraform output url`', () => {
      const { doc } = build();
      expect(Object.keys(doc.output).sort()).toEqual(ALL);
      expect(doc.output.url.value).toBe('https://admin.example.com');
      expect(doc.output.tunnel_id.value).toMatch(/^\$\{cloudflare_zero_trust_tunnel_cloudflared\.\w+\.id\}$/);
    });

    test('take the outputPrefix, so two services can share a stack', () => {
      const { doc } = build({ outputPrefix: 'admin' });
      expect(Object.keys(doc.output).sort()).toEqual(ALL.map((name) => `admin_${name}`));
    });

    test.each([['Admin'], ['1admin'], ['admin-panel'], ['']])('refuse the outputPrefix %p, naming the rule', (prefix) => {
      expect(() => build({ outputPrefix: prefix })).toThrow(
        `Invalid outputPrefix: ${JSON.stringify(prefix)}. Expected 1-40 lower-case letters, digits or underscores, starting with a letter`);
    });

    test('a stack output of the user with the same name fails the synth, naming both', () => {
      const stack = newStack();
      new ZeroTrustFargateService(stack, 'admin', props());
      new TerraformOutput(stack, 'url', { value: 'https://elsewhere.example.com' });
      expect(() => Testing.synth(stack, true)).toThrow(/The Terraform output "url" of test\/url overwrites the one of test\/admin: rename it, or set the outputPrefix \(or name\) of the latter/);
    });

    test('a user output with the same name, created first, fails the synth too', () => {
      const stack = newStack();
      new TerraformOutput(stack, 'tunnel_id', { value: 'x' });
      new ZeroTrustFargateService(stack, 'admin', props());
      expect(() => Testing.synth(stack, true)).toThrow(/The Terraform output "tunnel_id" of test\/tunnel_id overwrites the one of test\/admin/);
    });
  });

  describe('wiring', () => {
    test('service.existingTaskRole, existingExecutionRole and existingLogGroup reach the service', () => {
      const { doc } = build({
        service: {
          existingTaskRole: ExistingRole.fromArn('arn:aws:iam::123456789012:role/admin-app'),
          existingExecutionRole: ExistingRole.fromArn('arn:aws:iam::123456789012:role/admin-execution'),
          existingLogGroup: ExistingLogGroup.fromArn('arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shared'),
        },
      });
      const taskDefinition = onlyResource(doc, 'aws_ecs_task_definition');
      expect(taskDefinition.task_role_arn).toBe('arn:aws:iam::123456789012:role/admin-app');
      expect(taskDefinition.execution_role_arn).toBe('arn:aws:iam::123456789012:role/admin-execution');
      expect(resources(doc, 'aws_iam_role')).toEqual({});
      expect(resources(doc, 'aws_cloudwatch_log_group')).toEqual({});
      expect(Object.values(resources(doc, 'aws_iam_role_policy')).map((policy: any) => policy.role)).toEqual(['admin-execution']);
    });

    test('service.logRetentionDays next to service.existingLogGroup is refused under its name', () => {
      expect(() => build({
        service: { logRetentionDays: 90, existingLogGroup: ExistingLogGroup.fromArn('arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shared') },
      })).toThrow(/^Invalid service\.logRetentionDays: 90\./);
    });

    test('the ingress rule sends the hostname to the app port on localhost', () => {
      const { doc } = build();
      const ingress = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress;
      const app = containers(doc).find((c) => c.name === 'app');
      expect(ingress[0].hostname).toBe('admin.example.com');
      expect(ingress[0].service).toBe(`http://localhost:${app.portMappings[0].containerPort}`);
      expect(app.portMappings[0].containerPort).toBe(8080);
      expect(ingress[ingress.length - 1]).toEqual({ service: 'http_status:404' });
    });

    test('the DNS record name is the Access application domain', () => {
      const { doc } = build();
      const record = onlyResource(doc, 'cloudflare_dns_record');
      const application = onlyResource(doc, 'cloudflare_zero_trust_access_application');
      expect(record.name).toBe(application.domain);
      expect(record.proxied).toBe(true);
    });

    test("the sidecar's secret is the SSM parameter, and only the execution role may read it", () => {
      const { doc } = build();
      const arn = parameterArnRef(doc);
      const sidecar = containers(doc).find((c) => c.name === 'cloudflared');
      expect(sidecar.secrets).toEqual([{ name: 'TUNNEL_TOKEN', valueFrom: arn }]);
      expect(JSON.stringify(sidecar.environment ?? [])).not.toContain('TUNNEL_TOKEN');

      const policies = Object.values(doc.data.aws_iam_policy_document) as any[];
      const ssmStatements = policies.flatMap((p) => p.statement).filter((s: any) => s.actions.some((a: string) => a.startsWith('ssm:')));
      expect(ssmStatements).toEqual([expect.objectContaining({ actions: ['ssm:GetParameters'], resources: [arn] })]);
    });

    test('the SSM parameter holds the tunnel token, marked sensitive', () => {
      const { doc } = build();
      const parameter = onlyResource(doc, 'aws_ssm_parameter');
      expect(parameter.type).toBe('SecureString');
      expect(parameter.value).toMatch(/^\$\{sensitive\(/);
      expect(parameter.value).toContain('base64encode(jsonencode({"a" =');
    });

    test('the credentials-file format stores the JSON and runs the tunnel by id', () => {
      const { doc } = build({ credential: { format: TunnelCredentialFormat.CREDENTIALS_FILE } });
      expect(onlyResource(doc, 'aws_ssm_parameter').value).toContain('"TunnelSecret"');
      const sidecar = containers(doc).find((c) => c.name === 'cloudflared');
      expect(sidecar.secrets[0].name).toBe('TUNNEL_CRED_CONTENTS');
      const tunnelId = Object.keys(resources(doc, 'cloudflare_zero_trust_tunnel_cloudflared'))[0];
      expect(sidecar.command).toEqual(['tunnel', 'run', `\${cloudflare_zero_trust_tunnel_cloudflared.${tunnelId}.id}`]);
    });

    test('the sidecar starts once the app has started (START)', () => {
      const sidecar = containers(build().doc).find((c) => c.name === 'cloudflared');
      expect(sidecar.dependsOn).toEqual([{ containerName: 'app', condition: 'START' }]);
    });

    test('the service runs in the new private subnets without a public IP, after the capacity providers exist', () => {
      const { doc } = build();
      const service = onlyResource(doc, 'aws_ecs_service');
      expect(service.network_configuration.assign_public_ip).toBe(false);
      const privateSubnets = Object.entries(resources(doc, 'aws_subnet'))
        .filter(([, s]: [string, any]) => s.tags.Name.includes('private'))
        .map(([id]) => `\${aws_subnet.${id}.id}`);
      // Task subnet ids come through the route table associations, so the service waits for their routes.
      const associations = resources(doc, 'aws_route_table_association');
      const taskSubnets = service.network_configuration.subnets
        .map((ref: string) => associations[/aws_route_table_association\.([^.]+)\.subnet_id/.exec(ref)![1]].subnet_id);
      expect(taskSubnets.sort()).toEqual(privateSubnets.sort());
      const capacityProviders = Object.keys(resources(doc, 'aws_ecs_cluster_capacity_providers'))[0];
      expect(service.depends_on).toContain(`aws_ecs_cluster_capacity_providers.${capacityProviders}`);
    });

    test('the tasks security group has no inbound rule', () => {
      const group = onlyResource(build().doc, 'aws_security_group');
      expect(group.ingress).toEqual([]);
    });
  });

  describe('Access', () => {
    test('the allow shorthand becomes the first policy, full policies follow in order', () => {
      const { doc } = build({
        access: {
          allow: [AccessRule.emails(['alice@example.com'])],
          policies: [{ name: 'contractors', decision: AccessDecision.ALLOW, include: [AccessRule.emailDomain('contractor.example')] }],
        },
      });
      const application = onlyResource(doc, 'cloudflare_zero_trust_access_application');
      const policyIds = Object.entries(resources(doc, 'cloudflare_zero_trust_access_policy'))
        .map(([id, p]: [string, any]) => [p.name, `\${cloudflare_zero_trust_access_policy.${id}.id}`]);
      const byName = Object.fromEntries(policyIds);
      expect(application.policies).toEqual([
        { id: byName['test-admin allow'], precedence: 1 },
        { id: byName.contractors, precedence: 2 },
      ]);
    });

    test('with a team name, cloudflared enforces the Access token of this application', () => {
      const { doc } = build({ zeroTrustTeamName: 'acme' });
      const ingress = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0];
      const applicationId = Object.keys(resources(doc, 'cloudflare_zero_trust_access_application'))[0];
      expect(ingress.origin_request.access).toEqual({
        required: true,
        team_name: 'acme',
        aud_tag: [`\${cloudflare_zero_trust_access_application.${applicationId}.aud}`],
      });
    });

    test('without a team name, the origin still checks Access tokens, with the team name read from the account', () => {
      const { doc } = build();
      const [organization] = Object.keys(doc.data.cloudflare_zero_trust_organization);
      const ingress = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0];
      expect(ingress.origin_request.access).toMatchObject({
        required: true,
        team_name: `\${trimsuffix(data.cloudflare_zero_trust_organization.${organization}.auth_domain, ".cloudflareaccess.com")}`,
      });
    });

    test('only dangerouslyDisableOriginAccessCheck turns the origin check off, and synthesis warns', () => {
      const { doc, stack } = build({ dangerouslyDisableOriginAccessCheck: true });
      const ingress = onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0];
      expect(ingress.origin_request).toBeUndefined();
      const messages = stack.node.findAll().flatMap((c) => c.node.metadata).map((m) => String(m.data));
      expect(messages).toContainEqual(expect.stringMatching(/cloudflared does not check Cloudflare Access tokens/));
    });

    test('the ingress configuration and the DNS record wait for the Access application and every policy', () => {
      const { doc } = build({
        access: {
          allow: [AccessRule.emailDomain('example.com')],
          policies: [{ name: 'former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] }],
        },
      });
      const guards = ['cloudflare_zero_trust_access_application', 'cloudflare_zero_trust_access_policy']
        .flatMap((type) => Object.keys(resources(doc, type)).map((id) => `${type}.${id}`)).sort();
      expect(guards).toHaveLength(3);
      expect([...onlyResource(doc, 'cloudflare_zero_trust_tunnel_cloudflared_config').depends_on].sort()).toEqual(guards);
      expect([...onlyResource(doc, 'cloudflare_dns_record').depends_on].sort()).toEqual(guards);
    });

    test('DENY policies come before the allow shorthand and the other policies', () => {
      const { doc } = build({
        access: {
          allow: [AccessRule.emailDomain('example.com')],
          policies: [
            { key: 'ci', name: 'ci', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken('token-id')] },
            { key: 'former-staff', name: 'former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] },
          ],
        },
      });
      const names = Object.fromEntries(Object.entries(resources(doc, 'cloudflare_zero_trust_access_policy'))
        .map(([id, p]: [string, any]) => [`\${cloudflare_zero_trust_access_policy.${id}.id}`, p.name]));
      const order = onlyResource(doc, 'cloudflare_zero_trust_access_application').policies
        .sort((a: any, b: any) => a.precedence - b.precedence).map((p: any) => names[p.id]);
      expect(order).toEqual(['former staff', 'test-admin allow', 'ci']);
    });

    test('every policy gets the application session duration', () => {
      const { doc } = build({
        access: {
          sessionDuration: '1h',
          allow: [AccessRule.emailDomain('example.com')],
          policies: [{ name: 'contractors', include: [AccessRule.emailDomain('contractor.example')] }],
        },
      });
      expect(Object.values(resources(doc, 'cloudflare_zero_trust_access_policy')).map((p: any) => p.session_duration)).toEqual(['1h', '1h']);
    });

    test('a new hostname or name keeps the Access addresses and orders DNS after the application update', () => {
      const addresses = (doc: any) => ['cloudflare_zero_trust_access_application', 'cloudflare_zero_trust_access_policy',
        'cloudflare_zero_trust_tunnel_cloudflared_config'].flatMap((type) => Object.keys(resources(doc, type)).map((id) => `${type}.${id}`));
      const policies = [{ name: 'former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] }];
      const before = build({ access: { allow: [AccessRule.emailDomain('example.com')], policies } }).doc;
      const renamedHost = build({ hostname: 'panel.example.com', access: { allow: [AccessRule.emailDomain('example.com')], policies } }).doc;
      const renamedBoth = build({
        hostname: 'panel.example.com',
        name: 'panel',
        access: { allow: [AccessRule.emailDomain('example.com')], policies: [{ ...policies[0], name: 'leavers' }] },
      }).doc;
      expect(addresses(renamedHost)).toEqual(addresses(before));
      expect(addresses(renamedBoth)).toEqual(addresses(before));
      expect(onlyResource(renamedBoth, 'cloudflare_zero_trust_access_application').domain).toBe('panel.example.com');
      // The new record waits for the application (now covering the new host); the old one is destroyed before that update.
      expect(onlyResource(renamedHost, 'cloudflare_dns_record').depends_on).toContain(
        `cloudflare_zero_trust_access_application.${Object.keys(resources(renamedHost, 'cloudflare_zero_trust_access_application'))[0]}`);
    });
  });

  describe("the user's own parts", () => {
    test('an existing network, cluster and parameter replace the created ones', () => {
      const { doc } = synth((stack) => {
        const credential = TunnelCredentialParameter.fromExisting({
          parameterArn: 'arn:aws:ssm:eu-west-1:123456789012:parameter/acme/tunnel-token',
          parameterName: '/acme/tunnel-token',
        });
        new ZeroTrustFargateService(stack, 'admin', props({
          existingNetwork: new ExistingNetwork({ vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'] }),
          existingCluster: ExistingCluster.fromArn('arn:aws:ecs:eu-west-1:123456789012:cluster/shared'),
          existingCredential: credential,
        }));
      });
      expect(resources(doc, 'aws_vpc')).toEqual({});
      expect(resources(doc, 'aws_ecs_cluster')).toEqual({});
      expect(resources(doc, 'aws_ssm_parameter')).toEqual({});
      const service = onlyResource(doc, 'aws_ecs_service');
      expect(service.cluster).toBe('arn:aws:ecs:eu-west-1:123456789012:cluster/shared');
      expect(service.network_configuration.subnets).toEqual(['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1']);
      expect(onlyResource(doc, 'aws_security_group').vpc_id).toBe('vpc-0123456789abcdef0');
      const sidecar = containers(doc).find((c) => c.name === 'cloudflared');
      expect(sidecar.secrets[0].valueFrom).toBe('arn:aws:ssm:eu-west-1:123456789012:parameter/acme/tunnel-token');
    });
  });

  describe('bad input', () => {
    function attempt(overrides: Partial<ZeroTrustFargateServiceProps>, stack: TerraformStack = newStack()) {
      return () => new ZeroTrustFargateService(stack, 'admin', props(overrides));
    }

    test('no Access rule or policy', () => {
      expect(attempt({ access: {} })).toThrow(/Invalid access: .*at least one rule in access\.allow/);
    });

    test('a name that is not a DNS-style label', () => {
      expect(attempt({ name: 'Admin_Panel' })).toThrow(/Invalid name: "Admin_Panel"\. Expected 1 to 63 lower-case letters/);
    });

    test('both a new and an existing network', () => {
      expect(attempt({
        network: { cidrBlock: '10.1.0.0/16' },
        existingNetwork: new ExistingNetwork({ vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'] }),
      })).toThrow(/Invalid network: .*either network .* or existingNetwork/);
    });

    test('an existing network of your own without subnets, named as the pattern\'s prop', () => {
      expect(attempt({
        existingNetwork: { vpcId: 'vpc-0123456789abcdef0', taskSubnetIds: [], assignPublicIp: false },
      })).toThrow(/^Invalid existingNetwork\.subnetIds: \[\]\. Expected at least one element\./);
    });

    test('both a new and an existing cluster', () => {
      expect(attempt({
        cluster: { name: 'x' },
        existingCluster: ExistingCluster.fromArn('arn:aws:ecs:eu-west-1:123456789012:cluster/shared'),
      })).toThrow(/Invalid cluster: .*either cluster .* or existingCluster/);
    });

    test('origin Access enforcement set by hand', () => {
      expect(attempt({ tunnel: { originRequest: { access: { teamName: 'acme', audTag: 'x' } } } }))
        .toThrow(/Invalid tunnel\.originRequest\.access: .*Leave it out: the origin already checks the tokens/);
    });

    test('Access mistakes are named as written under access', () => {
      const contractors = { name: 'contractors', include: [AccessRule.emailDomain('contractor.example')] };
      expect(attempt({ access: { allow: [AccessRule.emailDomain('example.com'), AccessRule.everyone()] } }))
        .toThrow(/Invalid access\.allow\[1\]: "AccessRule\.everyone\(\)"\. The allow shorthand takes no opt-in.*put it in access\.policies/);
      expect(attempt({ access: { allow: [AccessRule.anyValidServiceToken()] } }))
        .toThrow(/Invalid access\.allow\[0\]: "AccessRule\.anyValidServiceToken\(\)"/);
      expect(attempt({ access: { allow: [AccessRule.ipRanges(['0.0.0.0/1']), AccessRule.ipRanges(['128.0.0.0/1'])] } }))
        .toThrow(/Invalid access\.allow: \["0\.0\.0\.0\/1","128\.0\.0\.0\/1"\]\. These IP ranges together cover all of IPv4/);
      expect(attempt({ access: { allow: [AccessRule.emailDomain('example.com')], policies: [{ ...contractors, include: [AccessRule.everyone()] }] } }))
        .toThrow(/Invalid access\.policies\[0\]\.include\[0\]: "AccessRule\.everyone\(\)"\. In policy "contractors"/);
      expect(attempt({ access: { policies: [{ ...contractors, key: 'a' }, { ...contractors, name: 'other' }, { ...contractors, name: 'third' }] } }))
        .toThrow(/Invalid access\.policies\[1\]\.key: undefined\. Give each policy a key/);
      expect(attempt({ access: { policies: [{ ...contractors, key: 'policy-2' }] } }))
        .toThrow(/Invalid access\.policies\[0\]\.key: "policy-2"\. Keys of the form policy-<number> are kept/);
      expect(attempt({ access: { allow: [AccessRule.emailDomain('example.com')], policies: [{ ...contractors, key: 'allow' }] } }))
        .toThrow(/Invalid access\.policies\[0\]\.key: "allow"\. The key "allow" belongs to the policy made from access\.allow/);
      expect(attempt({
        access: {
          policies: [
            { key: 'a', name: 'a', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.ipRanges(['1.0.0.0/8'])] },
            { key: 'b', name: 'b', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.ipRanges(['2.0.0.0/7'])] },
          ],
        },
      })).toThrow(/Invalid access: \["a","b"\]\. .*NON_IDENTITY policies together cover 1% of the public IPv4 addresses/);
      expect(attempt({ access: { allow: [AccessRule.ipRanges(['1.0.0.0/8'])], policies: [{ ...contractors, include: [AccessRule.ipRanges(['2.0.0.0/7'])] }] } }))
        .toThrow(/Invalid access: \["access\.allow","contractors"\]\. .*The access\.allow shorthand takes no opt-in: move such rules to access\.policies/);
      expect(attempt({ name: 'admin', access: { allow: [AccessRule.emailDomain('example.com')], policies: [{ ...contractors, name: 'admin allow' }] } }))
        .toThrow(/Invalid access\.policies\[\]\.name: "admin allow"\. Each value may appear only once/);
    });

    test('a team domain given as the team name', () => {
      expect(attempt({ zeroTrustTeamName: 'acme.cloudflareaccess.com' }))
        .toThrow(/Invalid zeroTrustTeamName: "acme\.cloudflareaccess\.com"\. Expected the Zero Trust team name only/);
    });

    test('a bad hostname is reported by the tunnel before anything is synthesized', () => {
      expect(attempt({ hostname: 'Admin.Example.com', name: 'admin' })).toThrow(/hostname/);
    });

    test('a failed construction leaves no resource in the stack', () => {
      const stack = newStack();
      expect(attempt({ access: {} }, stack)).toThrow();
      expect(stack.node.findAll().filter((c) => c instanceof TerraformElement && c.node.path.includes('/admin/'))).toEqual([]);
    });
  });
});
