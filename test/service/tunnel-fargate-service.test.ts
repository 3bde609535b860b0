import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing, Token } from 'cdktf';
import { decodeJsonencode } from './decode';
import { PARAMETER_ARN, app, credential, serviceProps, taskNetwork } from './fixtures';
import { ZeroTrustFargateService } from '../../src';
import { FargateCluster } from '../../src/cluster';
import { TunnelCredentialParameter } from '../../src/credential';
import { ContainerImage } from '../../src/image';
import {
  CapacityProviderStrategy, ContainerSecret, TunnelFargateService, TunnelFargateServiceProps,
} from '../../src/service';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { statementsOf as documentStatements } from '../iam/policy-document';
import { PATTERN_PROPS } from '../pattern-props';

function build(overrides: Partial<TunnelFargateServiceProps> = {}) {
  let construct: TunnelFargateService | undefined;
  const result = synth((stack) => {
    construct = new TunnelFargateService(stack, 'web', serviceProps(overrides));
  });
  const service = onlyResource(result.doc, 'aws_ecs_service');
  const taskDefinition = onlyResource(result.doc, 'aws_ecs_task_definition');
  const containers: any[] = decodeJsonencode(taskDefinition.container_definitions);
  return { ...result, construct: construct!, service, taskDefinition, containers };
}

function attempt(overrides: Partial<TunnelFargateServiceProps>, stack: TerraformStack = newStack()) {
  return () => new TunnelFargateService(stack, 'web', serviceProps(overrides));
}

describe('TunnelFargateService', () => {
  test('snapshot', () => {
    const { json, containers } = build({
      app: app({
        healthCheck: { command: ['CMD', '/app/healthcheck'] },
        secrets: { DATABASE_URL: ContainerSecret.fromSsmParameter('arn:aws:ssm:eu-west-1:123456789012:parameter/app/db') },
      }),
      desiredCount: 2,
      autoscaling: { minCapacity: 2, maxCapacity: 6, targetCpuUtilizationPercent: 60, targetMemoryUtilizationPercent: 75 },
    });
    expect(json).toMatchSnapshot();
    // The same container definitions, decoded, for a readable review.
    expect(containers).toMatchSnapshot();
  });

  test('runs one task on on-demand Fargate without a public IP by default', () => {
    const { service } = build();
    expect(service.desired_count).toBe(1);
    expect(service.capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE', weight: 100 }]);
    expect(service.launch_type).toBeUndefined();
    expect(service.network_configuration).toEqual({
      subnets: ['subnet-aaa', 'subnet-bbb'],
      security_groups: ['sg-123'],
      assign_public_ip: false,
    });
  });

  test('assigns a public IP only when asked', () => {
    const { service } = build({ network: taskNetwork({ assignPublicIp: true }) });
    expect(service.network_configuration.assign_public_ip).toBe(true);
  });

  test('rolls back failed deployments and keeps full capacity while deploying', () => {
    const { service } = build();
    expect(service.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
    expect(service.deployment_minimum_healthy_percent).toBe(100);
    expect(service.deployment_maximum_percent).toBe(200);
  });

  test('propagates tags from the task definition', () => {
    const { service, taskDefinition } = build({ tags: { team: 'web' } });
    expect(service.propagate_tags).toBe('TASK_DEFINITION');
    expect(service.enable_ecs_managed_tags).toBe(true);
    expect(taskDefinition.tags).toEqual({ team: 'web' });
  });

  test('runs the task definition on the given cluster', () => {
    const { service, taskDefinition } = build({ platformVersion: '1.4.0' });
    expect(service.name).toBe('app');
    expect(service.cluster).toBe('arn:aws:ecs:eu-west-1:123456789012:cluster/apps');
    expect(service.task_definition).toMatch(/^\$\{aws_ecs_task_definition\..+\.arn\}$/);
    expect(service.platform_version).toBe('1.4.0');
    expect(taskDefinition.family).toBe('app');
  });

  test('enables ECS Exec only on request', () => {
    expect(build().service.enable_execute_command).toBe(false);
    const { service, containers } = build({ enableExecuteCommand: true, app: app({ readonlyRootFilesystem: true }) });
    expect(service.enable_execute_command).toBe(true);
    const appContainer = containers.find((c) => c.name === 'app');
    expect(appContainer.mountPoints.map((m: any) => m.containerPath)).toEqual(['/var/lib/amazon', '/var/log/amazon']);
  });

  test('supports Fargate Spot and mixed capacity', () => {
    expect(build({ capacityProviderStrategy: CapacityProviderStrategy.fargateSpot() }).service.capacity_provider_strategy)
      .toEqual([{ capacity_provider: 'FARGATE_SPOT', weight: 100 }]);
    const mixed = CapacityProviderStrategy.mixed({ fargateWeight: 1, fargateSpotWeight: 3, fargateBase: 1 });
    expect(build({ capacityProviderStrategy: mixed }).service.capacity_provider_strategy).toEqual([
      { capacity_provider: 'FARGATE', weight: 1, base: 1 },
      { capacity_provider: 'FARGATE_SPOT', weight: 3 },
    ]);
  });

  test('keeps the tunnel credential out of the plain environment', () => {
    const { containers } = build();
    const sidecar = containers.find((c) => c.name === 'cloudflared');
    expect(sidecar.secrets).toEqual([{ name: 'TUNNEL_TOKEN', valueFrom: PARAMETER_ARN }]);
    for (const container of containers) {
      expect(JSON.stringify(container.environment ?? [])).not.toContain(PARAMETER_ARN);
      expect((container.environment ?? []).map((e: any) => e.name)).not.toContain('TUNNEL_TOKEN');
    }
  });

  test('wires roles and log group into the task definition', () => {
    const { taskDefinition, containers, doc } = build();
    const roles = Object.keys(resources(doc, 'aws_iam_role'));
    expect(roles.length).toBeGreaterThanOrEqual(2);
    expect(taskDefinition.execution_role_arn).toMatch(/^\$\{aws_iam_role\..*execution.*\.arn\}$/);
    expect(taskDefinition.task_role_arn).toMatch(/^\$\{aws_iam_role\..*task-role.*\.arn\}$/);
    const logGroup = Object.keys(resources(doc, 'aws_cloudwatch_log_group'))[0];
    for (const container of containers) {
      expect(container.logConfiguration.options['awslogs-group']).toBe(`\${aws_cloudwatch_log_group.${logGroup}.name}`);
    }
  });

  test('waits for the role resources before starting tasks', () => {
    const { service } = build();
    expect(service.depends_on.some((d: string) => /^aws_iam_role\./.test(d))).toBe(true);
  });

  test('waits for what the cluster lists when it is in the same stack, after the roles', () => {
    const { doc } = synth((stack) => {
      const cluster = new FargateCluster(stack, 'cluster', { name: 'apps' });
      new TunnelFargateService(stack, 'web', serviceProps({ cluster }));
    });
    const dependsOn: string[] = onlyResource(doc, 'aws_ecs_service').depends_on;
    expect(dependsOn[dependsOn.length - 1]).toMatch(/^aws_ecs_cluster_capacity_providers\.cluster_capacity-providers_/);
    expect(dependsOn.slice(0, -1).every((d) => /^aws_iam_role(_policy)?\./.test(d))).toBe(true);
  });

  test('does not wait for a cluster of another stack (Terraform cannot depend across stacks)', () => {
    const twoStacks = Testing.app();
    const clusterStack = new TerraformStack(twoStacks, 'cluster');
    new AwsProvider(clusterStack, 'aws', { region: 'eu-west-1' });
    const cluster = new FargateCluster(clusterStack, 'cluster', { name: 'apps' });
    const stack = new TerraformStack(twoStacks, 'service');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new TunnelFargateService(stack, 'web', serviceProps({ cluster }));
    const service = onlyResource(JSON.parse(Testing.synth(stack)), 'aws_ecs_service');
    expect(service.depends_on.every((d: string) => /^aws_iam_role(_policy)?\./.test(d))).toBe(true);
  });

  test('exposes its parts', () => {
    const { construct } = build();
    expect(construct.taskDefinition.appContainerName).toBe('app');
    expect(Token.isUnresolved(construct.serviceName)).toBe(true);
    expect(construct.clusterName).toBe('apps');
    expect(construct.autoscaling).toBeUndefined();
    expect(construct.executionRole.roleArn).toBeDefined();
    expect(construct.taskRole.roleArn).toBeDefined();
    expect(construct.logGroup.logGroupName).toBeDefined();
  });

  test('writes outputs for the names and ARNs users reference', () => {
    const { doc } = build();
    // Stable names a user types in `terraform output <name>`, whatever the construct path.
    expect(Object.keys(doc.output).sort()).toEqual(['cluster_name', 'credential_parameter_name', 'execution_role_arn',
      'log_group_name', 'service_name', 'task_definition_arn', 'task_definition_family', 'task_role_arn', 'task_role_name']);
    const output = (name: string) => doc.output[name].value;
    expect(output('credential_parameter_name')).toBe('/tunnels/app/token');
    expect(output('service_name')).toMatch(/^\$\{aws_ecs_service\..+\.name\}$/);
    expect(output('cluster_name')).toBe('apps');
    expect(output('task_role_name')).toMatch(/^\$\{aws_iam_role\..+\.name\}$/);
  });

  describe('autoscaling', () => {
    test('is off by default and desired_count is managed by Terraform', () => {
      const { service, doc } = build();
      expect(resources(doc, 'aws_appautoscaling_target')).toEqual({});
      expect(service.lifecycle).toBeUndefined();
    });

    test('tracks CPU and memory and makes Terraform ignore desired_count', () => {
      const { service, doc } = build({
        autoscaling: { minCapacity: 2, maxCapacity: 6, targetCpuUtilizationPercent: 60, targetMemoryUtilizationPercent: 75 },
      });
      expect(service.lifecycle).toEqual({ ignore_changes: ['desired_count'] });
      expect(service.desired_count).toBe(2);
      const target = onlyResource(doc, 'aws_appautoscaling_target');
      expect(target).toMatchObject({
        service_namespace: 'ecs',
        scalable_dimension: 'ecs:service:DesiredCount',
        min_capacity: 2,
        max_capacity: 6,
      });
      expect(target.resource_id).toMatch(/^service\/apps\/\$\{aws_ecs_service\..+\.name\}$/);
      const policies = Object.values<any>(resources(doc, 'aws_appautoscaling_policy'))
        .map((policy) => policy.target_tracking_scaling_policy_configuration);
      expect(policies).toEqual(expect.arrayContaining([
        expect.objectContaining({ target_value: 60, predefined_metric_specification: { predefined_metric_type: 'ECSServiceAverageCPUUtilization' } }),
        expect.objectContaining({ target_value: 75, predefined_metric_specification: { predefined_metric_type: 'ECSServiceAverageMemoryUtilization' } }),
      ]));
      expect(policies).toHaveLength(2);
    });

    test('tracks CPU at 70% when no target is given', () => {
      const { doc } = build({ desiredCount: 1, autoscaling: { minCapacity: 1, maxCapacity: 3 } });
      const policy = onlyResource(doc, 'aws_appautoscaling_policy');
      expect(policy.policy_type).toBe('TargetTrackingScaling');
      expect(policy.target_tracking_scaling_policy_configuration).toEqual({
        target_value: 70,
        scale_in_cooldown: 300,
        scale_out_cooldown: 60,
        predefined_metric_specification: { predefined_metric_type: 'ECSServiceAverageCPUUtilization' },
      });
    });
  });

  describe('rejects bad input before creating resources', () => {
    function expectError(overrides: Partial<TunnelFargateServiceProps>, message: RegExp) {
      const stack = newStack();
      expect(attempt(overrides, stack)).toThrow(message);
      expect(stack.node.tryFindChild('web')?.node.children ?? []).toHaveLength(0);
    }

    test('a negative desired count', () => {
      expectError({ desiredCount: -1 }, /Invalid desiredCount: -1\. Expected a whole number from 0 to 5000/);
    });

    test('a non-integer desired count', () => {
      expectError({ desiredCount: 1.5 }, /Invalid desiredCount: 1\.5/);
    });

    test('autoscaling min greater than max', () => {
      expectError({ autoscaling: { minCapacity: 4, maxCapacity: 2 } }, /Invalid autoscaling\.minCapacity: 4\. Must not be greater than autoscaling\.maxCapacity \(2\)/);
    });

    test('an autoscaling target outside 1-100', () => {
      expectError({ autoscaling: { minCapacity: 1, maxCapacity: 2, targetCpuUtilizationPercent: 0 } },
        /Invalid autoscaling\.targetCpuUtilizationPercent: 0\. Expected a whole number from 1 to 100/);
      expectError({ autoscaling: { minCapacity: 1, maxCapacity: 2, targetMemoryUtilizationPercent: 120 } },
        /Invalid autoscaling\.targetMemoryUtilizationPercent: 120/);
    });

    test('no subnet', () => {
      expectError({ network: taskNetwork({ taskSubnetIds: [] }) }, /Invalid network\.taskSubnetIds: \[\]\. Expected at least one element/);
    });

    test('no security group', () => {
      expectError({ securityGroupIds: [] }, /Invalid securityGroupIds: \[\]\. Expected at least one element/);
    });

    test('an invalid service name', () => {
      expectError({ serviceName: 'my service' }, /Invalid serviceName: "my service"/);
    });

    test('an invalid task size (task options are checked before the log group and roles exist)', () => {
      expectError({ cpu: 256, memory: 4096 }, /Invalid memory: 4096\. With cpu 256, Fargate accepts memory values \(MiB\) 512, 1024, 2048\./);
    });

    test('an app container named like the sidecar', () => {
      expectError({ app: app({ name: 'cloudflared' }) }, /Invalid app\.name: "cloudflared"/);
    });
  });
});

describe('execution role wiring', () => {
  const ECR_ARN = 'arn:aws:ecr:eu-west-1:123456789012:repository/app';
  const DB_ARN = 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/db';
  const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-AbCdEf';
  const CREDENTIAL_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/11111111-1111-1111-1111-111111111111';
  const SECRET_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-2222-2222-222222222222';

  /** The statements of the execution role's inline policy, by sid. */
  function executionStatements(doc: any): Record<string, any> {
    const documents = Object.entries<any>(doc.data.aws_iam_policy_document)
      .filter(([key]) => key.includes('execution-role') && key.includes('PolicyDocument'));
    expect(documents).toHaveLength(1);
    return Object.fromEntries(documents[0][1].statement.map((statement: any) => [statement.sid, statement]));
  }

  test('grants exactly the ECR repository, the log group, the credential, the app secrets and their keys', () => {
    const image = ContainerImage.fromExistingEcrRepository({
      repositoryArn: ECR_ARN,
      repositoryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app',
      tag: '1.0.0',
    });
    const { doc } = build({
      credential: credential(undefined, CREDENTIAL_KEY),
      app: app({
        image,
        secrets: {
          DB_URL: ContainerSecret.fromSsmParameter(DB_ARN),
          API_KEY: ContainerSecret.fromSecretsManager(SECRET_ARN, { jsonKey: 'key', kmsKeyArn: SECRET_KEY }),
        },
      }),
    });
    const statements = executionStatements(doc);
    expect(statements.EcrPull.resources).toEqual([ECR_ARN]);
    expect(statements.ReadParameters.resources).toEqual([PARAMETER_ARN, DB_ARN]);
    expect(statements.ReadSecrets.resources).toEqual([SECRET_ARN]);
    expect(statements.DecryptParameters.resources).toEqual([CREDENTIAL_KEY, SECRET_KEY]);
    expect(statements.DecryptParameters.condition[1])
      .toEqual({ test: 'StringEquals', variable: 'kms:EncryptionContext:PARAMETER_ARN', values: [PARAMETER_ARN, DB_ARN] });
    expect(statements.DecryptSecrets.resources).toEqual([CREDENTIAL_KEY, SECRET_KEY]);
    expect(statements.DecryptSecrets.condition[1])
      .toEqual({ test: 'StringEquals', variable: 'kms:EncryptionContext:SecretARN', values: [SECRET_ARN] });
    const logGroup = Object.keys(resources(doc, 'aws_cloudwatch_log_group'))[0];
    expect(statements.WriteLogs.resources).toEqual([`\${aws_cloudwatch_log_group.${logGroup}.arn}:log-stream:*`]);
  });

  test('reads only the tunnel credential and pulls from no ECR repository with public images', () => {
    const statements = executionStatements(build().doc);
    expect(statements.ReadParameters.resources).toEqual([PARAMETER_ARN]);
    expect(statements.EcrPull).toBeUndefined();
    expect(statements.ReadSecrets).toBeUndefined();
    expect(statements.DecryptParameters).toBeUndefined();
    expect(statements.DecryptSecrets).toBeUndefined();
  });

  test('names a parameter created in the same stack', () => {
    const { doc } = synth((stack) => {
      const parameter = new TunnelCredentialParameter(stack, 'credential', { value: 'token-value' });
      new TunnelFargateService(stack, 'web', serviceProps({ credential: parameter }));
    });
    const statements = executionStatements(doc);
    const parameterKey = Object.keys(resources(doc, 'aws_ssm_parameter'))[0];
    expect(statements.ReadParameters.resources).toEqual([`\${aws_ssm_parameter.${parameterKey}.arn}`]);
  });

  test('with a dedicated key: the key policy lets the execution role decrypt, and the role decrypts only this parameter', () => {
    const { doc } = synth((stack) => {
      const parameter = new TunnelCredentialParameter(stack, 'credential', { value: 'token-value' });
      new TunnelFargateService(stack, 'web', serviceProps({ credential: parameter }));
    });
    const role = Object.keys(resources(doc, 'aws_iam_role')).find((key) => key.includes('execution-role'))!;
    const key = Object.keys(resources(doc, 'aws_kms_key'))[0];
    const parameter = Object.keys(resources(doc, 'aws_ssm_parameter'))[0];
    const keyPolicy = Object.fromEntries(documentStatements(doc, 'KeyPolicy').map((statement) => [statement.sid, statement]));
    expect(Object.keys(keyPolicy)).toEqual(['KeyAdministration', 'DeployerWriteAndRead', 'ExecutionRoleDecrypt']);
    expect(keyPolicy.ExecutionRoleDecrypt.principals).toEqual([{ type: 'AWS', identifiers: [`\${aws_iam_role.${role}.arn}`] }]);
    expect(keyPolicy.ExecutionRoleDecrypt.actions).toEqual(['kms:Decrypt']);
    const decrypt = executionStatements(doc).DecryptParameters;
    expect(decrypt.resources).toEqual([`\${aws_kms_key.${key}.arn}`]);
    expect(decrypt.condition[1].values).toEqual([`\${aws_ssm_parameter.${parameter}.arn}`]);
    expect(referenceCycle(doc)).toBeUndefined();
  });

  test('gives the task role the ECS Exec channels only when exec is on', () => {
    const statementsOf = (doc: any) => Object.entries<any>(doc.data.aws_iam_policy_document ?? {})
      .filter(([key]) => key.includes('task-role') && key.includes('PolicyDocument'))
      .flatMap(([, document]) => document.statement.map((statement: any) => statement.sid));
    expect(statementsOf(build().doc)).not.toContain('EcsExec');
    expect(statementsOf(build({ enableExecuteCommand: true }).doc)).toContain('EcsExec');
  });
});

/** A cycle of references between resources and data sources (`type.name` ids), or undefined. */
function referenceCycle(doc: any): string[] | undefined {
  const blocks = new Map<string, string>();
  for (const [prefix, section] of [['', doc.resource], ['data.', doc.data]]) {
    for (const [type, byName] of Object.entries<any>(section ?? {})) {
      for (const [name, block] of Object.entries<any>(byName)) {
        blocks.set(`${prefix}${type}.${name}`, JSON.stringify(block));
      }
    }
  }
  const references = (id: string) => [...blocks.keys()].filter((other) => other !== id
    && new RegExp(`(^|[^\\w.])${other.replace(/\./g, '\\.')}\\b`).test(blocks.get(id)!));
  const acyclic = new Set<string>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    if (path.includes(id)) {
      return [...path, id];
    }
    if (acyclic.has(id)) {
      return undefined;
    }
    for (const next of references(id)) {
      const cycle = visit(next, [...path, id]);
      if (cycle) {
        return cycle;
      }
    }
    acyclic.add(id);
    return undefined;
  };
  for (const id of blocks.keys()) {
    const cycle = visit(id, []);
    if (cycle) {
      return cycle;
    }
  }
  return undefined;
}

describe('values of the wrong type (callers outside TypeScript) are refused under the prop, directly and through the pattern', () => {
  test.each<[string, Partial<TunnelFargateServiceProps>, string, string, RegExp]>([
    ['an app without an image', { app: { port: 8080 } as any }, 'app.image', 'app.image', /undefined\. Expected a ContainerImage/],
    ['an image given as a string', { app: { image: 'ghcr.io/acme/app:1.4.2', port: 8080 } as any }, 'app.image', 'app.image', /"ghcr\.io\/acme\/app:1\.4\.2"\. Expected a ContainerImage/],
    ['a capacity provider strategy given as a string', { capacityProviderStrategy: 'FARGATE' as any }, 'capacityProviderStrategy', 'service.capacityProviderStrategy', /"FARGATE"\. Expected a CapacityProviderStrategy/],
  ])('%s', (_case, overrides, property, patternProperty, message) => {
    expect(() => new TunnelFargateService(newStack(), 'web', serviceProps(overrides))).toThrow(new RegExp(`^Invalid ${property.replace('.', '\\.')}: ${message.source}`));
    const { app: patternApp, ...service } = overrides;
    expect(() => new ZeroTrustFargateService(newStack(), 'admin', { ...PATTERN_PROPS, ...(patternApp ? { app: patternApp } : {}), service }))
      .toThrow(new RegExp(`^Invalid ${patternProperty.replace('.', '\\.')}: ${message.source}`));
  });
});
