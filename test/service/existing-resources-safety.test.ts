// What keeps existing roles and log groups safe to use: inline policies of their own on shared roles,
// one role never both the task and the execution role, the plan checking the account and partition of
// what it attaches to, the log group's own region, and clear errors for malformed inputs.
import { App, TerraformStack, Testing, Token } from 'cdktf';
import { Construct } from 'constructs';
import { decodeJsonencode } from './decode';
import { serviceProps } from './fixtures';
import { ZeroTrustFargateService } from '../../src';
import { ExistingCluster, ICluster } from '../../src/cluster';
import { ExistingRole, TaskExecutionRole, TaskRole } from '../../src/iam';
import { ExistingLogGroup } from '../../src/logs';
import { TunnelFargateService, TunnelFargateServiceProps } from '../../src/service';
import { expectInvalid, newStack, onlyResource, resources, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

const TASK_ROLE_ARN = 'arn:aws:iam::123456789012:role/apps/admin-app';
const EXECUTION_ROLE_ARN = 'arn:aws:iam::123456789012:role/admin-execution';
const LOG_GROUP_ARN = 'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shared';

/** The inline policies of a synthesized stack. */
function inlinePolicies(doc: any): any[] {
  return Object.values(resources(doc, 'aws_iam_role_policy'));
}

/** The inline policy of the execution role. */
function executionPolicy(doc: any): any {
  return Object.entries(resources(doc, 'aws_iam_role_policy')).find(([id]) => id.includes('execution-role'))![1];
}

/** The plan-time error messages of a resource. */
function preconditionMessages(resource: any): string[] {
  return (resource.lifecycle?.precondition ?? []).map((check: any) => check.error_message);
}

describe('inline policies on existing roles', () => {
  test('two services with one execution role each write a policy named after the service', () => {
    const { doc } = synth((stack) => {
      new TunnelFargateService(stack, 'one', serviceProps({ serviceName: 'one', existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN) }));
      new TunnelFargateService(stack, 'two', serviceProps({
        serviceName: 'two', outputPrefix: 'two', existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN),
      }));
    });
    const onRole = inlinePolicies(doc).filter((policy) => policy.role === 'admin-execution').map((policy) => policy.name);
    expect(onRole.sort()).toEqual(['one-task-execution', 'two-task-execution']);
  });

  test('a library TaskRole shared by two services gets one policy per service, besides its own', () => {
    const { doc } = synth((stack) => {
      const shared = new TaskRole(stack, 'shared-role');
      shared.addPolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::acme/*'] });
      new TunnelFargateService(stack, 'one', serviceProps({ serviceName: 'one', existingTaskRole: shared, enableExecuteCommand: true }));
      new TunnelFargateService(stack, 'two', serviceProps({ serviceName: 'two', outputPrefix: 'two', existingTaskRole: shared, enableExecuteCommand: true }));
    });
    const names = inlinePolicies(doc).filter((policy) => !String(policy.role).includes('execution')).map((policy) => policy.name);
    expect(names.sort()).toEqual(['one-task', 'task', 'two-task']);
  });

  test('new roles keep the policy names task and task-execution', () => {
    const { doc } = synth((stack) => {
      const web = new TunnelFargateService(stack, 'web', serviceProps());
      web.taskRole.addPolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::acme/*'] });
    });
    expect(inlinePolicies(doc).map((policy) => policy.name).sort()).toEqual(['task', 'task-execution']);
    expect(inlinePolicies(doc).every((policy) => policy.lifecycle === undefined)).toBe(true);
  });

  test('two services of one app that would write the same policy on one role fail at synth, naming both', () => {
    const app = Testing.app();
    const first = new TerraformStack(app, 'first');
    const second = new TerraformStack(app, 'second');
    new TunnelFargateService(first, 'web', serviceProps({ existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN) }));
    expectInvalid(() => new TunnelFargateService(second, 'web', serviceProps({ existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN) })),
      'existingExecutionRole', /inline policy "app-task-execution" of this role is already written by first\/web\/execution-role; second\/web\/execution-role/);
  });

  test('a long service name gives a policy name within IAM\'s 128 characters, different from another long name\'s', () => {
    const names = ['a', 'b'].map((last) => {
      const { doc } = synth((stack) => {
        new TunnelFargateService(stack, 'web', serviceProps({ serviceName: `${'x'.repeat(200)}${last}`, existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN) }));
      });
      return executionPolicy(doc).name as string;
    });
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(128);
      expect(name).toMatch(/^[\w+=,.@-]+-task-execution$/);
    }
    expect(names[0]).not.toBe(names[1]);
  });

  test('outside a service, the policy on an existing role is named after the construct path', () => {
    const { doc } = synth((stack) => {
      new TaskExecutionRole(stack, 'shared-execution', { existingRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN), logGroupArn: LOG_GROUP_ARN });
    });
    expect(onlyResource(doc, 'aws_iam_role_policy').name).toBe('shared-execution-task-execution');
  });
});

describe('one role as task role and execution role', () => {
  const why = /the app and ECS Exec users would be able to read it/;

  test('the same ARN is refused', () => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps({
      existingTaskRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN), existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN),
    })), 'existingTaskRole', why);
  });

  test('the same object is refused, even as a token', () => {
    const role = ExistingRole.fromArn(Token.asString({ Ref: 'role' }));
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps({ existingTaskRole: role, existingExecutionRole: role })),
      'existingTaskRole', why);
  });

  test('another service\'s execution role is refused as task role', () => {
    const stack = newStack();
    const other = new TunnelFargateService(stack, 'other', serviceProps({ serviceName: 'other' }));
    expectInvalid(() => new TunnelFargateService(stack, 'web', serviceProps({ outputPrefix: 'web', existingTaskRole: other.executionRole })),
      'existingTaskRole', /not a TaskExecutionRole/);
  });

  test('another service\'s task role is refused as execution role', () => {
    const stack = newStack();
    const other = new TunnelFargateService(stack, 'other', serviceProps({ serviceName: 'other' }));
    expectInvalid(() => new TunnelFargateService(stack, 'web', serviceProps({ outputPrefix: 'web', existingExecutionRole: other.taskRole })),
      'existingExecutionRole', /not a TaskRole/);
  });

  test('through the pattern, the error names service.existingTaskRole', () => {
    const role = ExistingRole.fromArn(EXECUTION_ROLE_ARN);
    expectInvalid(() => new ZeroTrustFargateService(newStack(), 'admin', { ...PATTERN_PROPS, service: { existingTaskRole: role, existingExecutionRole: role } }), 'service.existingTaskRole', why);
  });

  test('ARNs known only at apply time are compared by the plan', () => {
    const { doc } = synth((stack) => {
      new TunnelFargateService(stack, 'web', serviceProps({
        existingTaskRole: ExistingRole.fromArn(Token.asString({ Ref: 'task' })),
        existingExecutionRole: ExistingRole.fromArn(Token.asString({ Ref: 'execution' })),
      }));
    });
    const check = executionPolicy(doc).lifecycle.precondition.find((c: any) => /same role/.test(c.error_message));
    expect(check.condition).toMatch(/!=/);
    expect(check.error_message).toMatch(/^existingTaskRole and existingExecutionRole \(service\.existingTaskRole/);
  });

  test('different literal ARNs need no plan check', () => {
    const { doc } = synth((stack) => {
      new TunnelFargateService(stack, 'web', serviceProps({
        existingTaskRole: ExistingRole.fromArn(TASK_ROLE_ARN), existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN),
      }));
    });
    expect(preconditionMessages(executionPolicy(doc)).filter((message) => /same role/.test(message))).toEqual([]);
  });
});

describe('the account and partition of existing roles and log groups', () => {
  test('the plan checks that an existing execution role is in the deployer\'s account and partition', () => {
    const { doc } = synth((stack) => {
      new TunnelFargateService(stack, 'web', serviceProps({ existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN) }));
    });
    const checks = executionPolicy(doc).lifecycle.precondition;
    expect(checks.map((c: any) => c.condition)).toEqual([
      expect.stringMatching(/^\$\{\("123456789012" == data\.aws_caller_identity\..*execution-role_Account.*\.account_id\)\}$/),
      expect.stringMatching(/^\$\{\("aws" == data\.aws_partition\..*\.partition\)\}$/),
    ]);
    expect(checks[0].error_message).toMatch(/^The existing execution role \(arn:aws:iam::123456789012:role\/admin-execution\) is in another account/);
  });

  test('the plan checks an existing task role before anything is attached to it', () => {
    const { doc } = synth((stack) => {
      const web = new TunnelFargateService(stack, 'web', serviceProps({ existingTaskRole: ExistingRole.fromArn(TASK_ROLE_ARN), enableExecuteCommand: true }));
      web.taskRole.addManagedPolicyArn('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    });
    const taskPolicy = Object.entries(resources(doc, 'aws_iam_role_policy')).find(([id]) => id.includes('task-role'))![1];
    expect(preconditionMessages(taskPolicy)).toEqual([expect.stringMatching(/^The existing task role .* another account/), expect.stringMatching(/another partition/)]);
    expect(preconditionMessages(onlyResource(doc, 'aws_iam_role_policy_attachment'))).toHaveLength(2);
  });

  test('the plan checks an existing task role that nothing is attached to, on the execution role\'s policy', () => {
    const { doc } = synth((stack) => new TunnelFargateService(stack, 'web', serviceProps({
      existingTaskRole: ExistingRole.fromArn('arn:aws-cn:iam::123456789012:role/admin-app'),
    })));
    expect(Object.keys(resources(doc, 'aws_iam_role_policy')).filter((id) => id.includes('task-role'))).toEqual([]);
    expect(preconditionMessages(executionPolicy(doc))).toEqual([
      expect.stringMatching(/^The existing task role \(arn:aws-cn:iam::123456789012:role\/admin-app\) is in another account/),
      expect.stringMatching(/^The existing task role \(arn:aws-cn:iam::123456789012:role\/admin-app\) is in another partition/),
    ]);
  });

  test('an existing log group: the plan checks its account, and awslogs writes to its region', () => {
    const arn = 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/shared';
    const { doc } = synth((stack) => {
      new TunnelFargateService(stack, 'web', serviceProps({ existingLogGroup: ExistingLogGroup.fromArn(arn), sidecar: { metrics: {} } }));
    });
    expect(preconditionMessages(executionPolicy(doc))).toEqual([expect.stringMatching(/^existingLogGroup \(service\.existingLogGroup.*\) \(arn:aws:logs:us-east-1/)]);
    const containers = decodeJsonencode(onlyResource(doc, 'aws_ecs_task_definition').container_definitions);
    for (const container of containers) {
      expect(container.logConfiguration.options['awslogs-region']).toBe('us-east-1');
    }
    // The permission to write targets the group itself, in its region.
    const statements = JSON.stringify(doc.data.aws_iam_policy_document);
    expect(statements).toContain(`${arn}:log-stream:*`);
  });

  test('an existing log group given as a token: its region is read from the ARN', () => {
    const { doc } = synth((stack) => {
      new TunnelFargateService(stack, 'web', serviceProps({ existingLogGroup: ExistingLogGroup.fromArn(Token.asString({ Ref: 'logs' })) }));
    });
    expect(onlyResource(doc, 'aws_ecs_task_definition').container_definitions).toContain('"awslogs-region" = element(split(":", {"Ref" = "logs"}), 3)');
  });
});

describe('ExistingRole.fromArn refuses what IAM would', () => {
  test.each([
    ['arn:aws:iam::123456789012:role/team/', /no empty path segment/],
    ['arn:aws:iam::123456789012:role//', /no empty path segment/],
    ['arn:aws:iam::123456789012:role/service-role/', /no empty path segment/],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, /at most 64 characters/],
    ['arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS', /not a service-linked role/],
  ])('%s', (arn, message) => {
    expectInvalid(() => ExistingRole.fromArn(arn), 'roleArn', message);
  });

  test('a 64-character name and a path are fine', () => {
    expect(ExistingRole.fromArn(`arn:aws:iam::123456789012:role/team/${'r'.repeat(64)}`).roleName).toBe('r'.repeat(64));
  });
});

describe('an existing role that does not come from ExistingRole.fromArn', () => {
  // Any IRole will do, e.g. one written by hand or in plain JavaScript. Its ARN goes to the task definition
  // and the key policy, its name to the inline policy: the two must be one role.

  test.each([
    ['a malformed ARN', { roleArn: 'role/admin-app', roleName: 'admin-app' }, /"role\/admin-app"\. Expected an IAM role ARN/],
    ['a name of another role than the ARN', { roleArn: TASK_ROLE_ARN, roleName: 'other-role' }, /"other-role"\. Expected the name of the role of roleArn, "admin-app"/],
    ['an empty name', { roleArn: TASK_ROLE_ARN, roleName: '' }, /""\. Expected the name of the role of roleArn, "admin-app"/],
  ])('%s is refused, as the user gave it', (_case, role, message) => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps({ existingTaskRole: role })), 'existingTaskRole', message);
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps({ existingExecutionRole: role })), 'existingExecutionRole', message);
    expectInvalid(() => new TaskRole(newStack(), 'role', { existingRole: role }), 'existingRole', message);
    expectInvalid(() => new TaskExecutionRole(newStack(), 'role', { existingRole: role, logGroupArn: LOG_GROUP_ARN }), 'existingRole', message);
    const stack = newStack();
    expectInvalid(() => new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, service: { existingExecutionRole: role } }),
      'service.existingExecutionRole', message);
    expect(stack.node.findAll().filter((c) => c.node.path.includes('/admin'))).toEqual([]);
  });

  test('a role given as tokens, or one of this library\'s roles, is fine', () => {
    expect(() => synth((stack) => {
      new TunnelFargateService(stack, 'web', serviceProps({
        existingTaskRole: { roleArn: Token.asString({ Ref: 'arn' }), roleName: Token.asString({ Ref: 'name' }) },
        existingExecutionRole: new TaskExecutionRole(stack, 'execution', { logGroupArn: LOG_GROUP_ARN }),
      }));
    })).not.toThrow();
  });
});

describe('an existing log group that does not come from ExistingLogGroup.fromArn', () => {
  // Any ILogGroup will do, e.g. one written by hand or in plain JavaScript: its ARN is checked too.
  const handMade = { logGroupArn: 'log-group:/ecs/shared', logGroupName: '/ecs/shared' };

  test('an ARN string where the log group belongs is refused, showing the string', () => {
    const arn = 'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shared';
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps({ existingLogGroup: arn as any })),
      'existingLogGroup', /^Invalid existingLogGroup: "arn:aws:logs:eu-west-1:123456789012:log-group:\/ecs\/shared"\. Expected a CloudWatch Logs log group, e\.g\. ExistingLogGroup\.fromArn/);
  });

  test('a malformed ARN is refused under existingLogGroup', () => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps({ existingLogGroup: handMade })),
      'existingLogGroup', /"log-group:\/ecs\/shared"\. Expected a CloudWatch Logs log group ARN/);
  });

  test('through the pattern, under service.existingLogGroup, before anything is created', () => {
    const stack = newStack();
    expectInvalid(() => new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, service: { existingLogGroup: handMade } }), 'service.existingLogGroup', /Expected a CloudWatch Logs log group ARN/);
    expect(stack.node.findAll().filter((c) => c.node.path.includes('/admin'))).toEqual([]);
  });
});

describe('bad cluster.serviceDependencies', () => {
  function withDependencies(serviceDependencies: unknown[]): TunnelFargateServiceProps {
    const cluster: ICluster = { ...ExistingCluster.fromArn('arn:aws:ecs:eu-west-1:123456789012:cluster/apps'), serviceDependencies: serviceDependencies as any };
    return serviceProps({ cluster });
  }

  test.each([
    ['undefined', [undefined]],
    ['a string', ['aws_ecs_cluster_capacity_providers.x']],
  ])('%s is refused under its name', (_, dependencies) => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', withDependencies(dependencies)), 'cluster.serviceDependencies[0]', /Expected a Terraform resource/);
  });

  test('a construct outside any stack is refused under its name', () => {
    const loose = new Construct(new App(), 'loose') as any;
    loose.fqn = 'loose';
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', withDependencies([loose])), 'cluster.serviceDependencies[0]', /in a TerraformStack/);
  });
});

describe('props of earlier versions', () => {
  test.each([
    ['cluster', { cluster: undefined, clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/apps', clusterName: 'apps' }, /replaces the clusterArn and clusterName/],
    ['network', { network: undefined, subnetIds: ['subnet-aaa'] }, /replaces the subnetIds/],
  ])('a missing %s is named, with what it replaced', (property, overrides, message) => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps(overrides as any)), property, message);
  });
});

describe('wiring props of the wrong type, as plain JavaScript passes them', () => {
  const CLUSTER_ARN = 'arn:aws:ecs:eu-west-1:123456789012:cluster/apps';
  test.each([
    ['cluster', { cluster: CLUSTER_ARN }, /Expected the cluster that runs the service/],
    ['cluster', { cluster: { clusterName: 'apps' } }, /Expected the cluster that runs the service/],
    ['network', { network: 'vpc-0123456789abcdef0' }, /Expected where the tasks run/],
    ['credential', { credential: undefined }, /Expected the tunnel credential/],
    ['credential', { credential: '/cloudflared/web/tunnel-token' }, /Expected the tunnel credential/],
    ['credential', { credential: { parameterArn: 'arn:aws:ssm:eu-west-1:123456789012:parameter/t', parameterName: '/t', format: 'TOKEN' } },
      /Expected the tunnel credential/],
    ['securityGroupIds', { securityGroupIds: 'sg-0123456789abcdef0' }, /Expected a list of security group ids/],
    ['network.taskSubnetIds', { network: { vpcId: 'vpc-0123456789abcdef0', taskSubnetIds: 'subnet-0123456789abcdef0', assignPublicIp: false } },
      /Expected a list of subnet ids/],
    ['network.assignPublicIp', { network: { vpcId: 'vpc-0123456789abcdef0', taskSubnetIds: ['subnet-0123456789abcdef0'], assignPublicIp: 'false' } },
      /Expected true or false/],
    ['family', { family: 'admin panel' }, /^Invalid family: "admin panel"\. Expected 1-255 letters, digits, hyphens or underscores\./],
    ['tags', { tags: 'team=platform' }, /"team=platform"\. Expected a map of tag names to text values/],
    ['tags', { tags: { team: 7 } }, /Expected a map of tag names to text values/],
    ['sidecar', { sidecar: 'cloudflare/cloudflared:2025.1.0' }, /Expected the sidecar settings as an object/],
  ])('%s is refused under its name, not written to the service', (property, overrides, message) => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps(overrides as any)), property, message);
  });

  test('a list token for the subnets and the security groups passes', () => {
    const { doc } = synth((stack) => new TunnelFargateService(stack, 'web', serviceProps({
      network: { vpcId: 'vpc-0123456789abcdef0', taskSubnetIds: Token.asList('${var.subnets}'), assignPublicIp: false },
      securityGroupIds: Token.asList('${var.security_groups}'),
    })));
    expect(onlyResource(doc, 'aws_ecs_service').network_configuration.subnets).toBe('${var.subnets}');
  });
});
