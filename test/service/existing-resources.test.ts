// A task role, an execution role and a log group the user already has take the place of the new ones:
// nothing of that kind is created, the service refers to the given one, and the permissions the service
// needs are attached to the given roles.
import { TerraformStack, Testing, Token } from 'cdktf';
import { PARAMETER_ARN, serviceProps } from './fixtures';
import { ExistingRole, TaskExecutionRole, TaskRole } from '../../src/iam';
import { ExistingLogGroup } from '../../src/logs';
import { TunnelFargateService, TunnelFargateServiceProps } from '../../src/service';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { statementsOf } from '../iam/policy-document';

const TASK_ROLE_ARN = 'arn:aws:iam::123456789012:role/apps/admin-app';
const EXECUTION_ROLE_ARN = 'arn:aws:iam::123456789012:role/admin-execution';
const LOG_GROUP_ARN = 'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shared';

function build(overrides: Partial<TunnelFargateServiceProps>) {
  let construct: TunnelFargateService | undefined;
  const result = synth((stack) => {
    construct = new TunnelFargateService(stack, 'web', serviceProps(overrides));
  });
  return { ...result, construct: construct!, taskDefinition: onlyResource(result.doc, 'aws_ecs_task_definition'), service: onlyResource(result.doc, 'aws_ecs_service') };
}

/** The inline policies of the stack, keyed by their `role`. */
function inlinePolicies(doc: any): Record<string, any> {
  return Object.fromEntries(Object.values(resources(doc, 'aws_iam_role_policy')).map((policy: any) => [policy.role, policy]));
}

describe('ExistingRole', () => {
  test('takes the name from the ARN, after any path', () => {
    expect(ExistingRole.fromArn(TASK_ROLE_ARN).roleName).toBe('admin-app');
    expect(ExistingRole.fromArn(EXECUTION_ROLE_ARN).roleName).toBe('admin-execution');
  });

  test('takes the name of a role ARN known at apply time from the last segment', () => {
    const role = ExistingRole.fromArn(Token.asString({ Ref: 'role' }));
    expect(Token.isUnresolved(role.roleName)).toBe(true);
  });

  test.each([['arn:aws:sts::123456789012:assumed-role/admin/session'], ['admin-app'], ['arn:aws:iam::123456789012:user/admin']])(
    'refuses %p', (arn) => {
      expect(() => ExistingRole.fromArn(arn)).toThrow(/^Invalid roleArn: .*Expected an IAM role ARN/);
    });
});

describe('ExistingLogGroup', () => {
  test('takes the name from the ARN', () => {
    expect(ExistingLogGroup.fromArn(LOG_GROUP_ARN).logGroupName).toBe('/ecs/shared');
  });

  test('refuses an ARN with ":*"', () => {
    expect(() => ExistingLogGroup.fromArn(`${LOG_GROUP_ARN}:*`)).toThrow(/^Invalid logGroupArn: /);
  });
});

describe('TunnelFargateService with existing resources', () => {
  test('an existing task role: no task role is created, the task runs with it, and what the service needs is attached to it', () => {
    const { doc, taskDefinition, service, construct } = build({
      existingTaskRole: ExistingRole.fromArn(TASK_ROLE_ARN),
      enableExecuteCommand: true,
      sidecar: { metrics: {} },
    });
    expect(Object.keys(resources(doc, 'aws_iam_role'))).toEqual([expect.stringMatching(/execution-role/)]);
    expect(taskDefinition.task_role_arn).toBe(TASK_ROLE_ARN);
    expect(construct.taskRole.role).toBeUndefined();
    expect(construct.taskRole.roleName).toBe('admin-app');
    const policy = inlinePolicies(doc)['admin-app'];
    // Named after the service: other policies of the role (and other services using it) keep their own.
    expect(policy.name).toBe('app-task');
    expect(statementsOf(doc, 'task-role').map((statement) => statement.sid)).toEqual(['EcsExec', 'CloudflaredMetrics']);
    // The tasks start only once the policy is attached.
    expect(service.depends_on).toContain(`aws_iam_role_policy.${Object.keys(resources(doc, 'aws_iam_role_policy')).find((id) => id.includes('task-role'))}`);
  });

  test('an existing task role takes the app\'s own statements too', () => {
    const { doc } = synth((stack) => {
      const web = new TunnelFargateService(stack, 'web', serviceProps({ existingTaskRole: ExistingRole.fromArn(TASK_ROLE_ARN) }));
      web.taskRole.addPolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::acme-uploads/*'] });
      web.taskRole.addManagedPolicyArn('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    });
    expect(inlinePolicies(doc)['admin-app'].name).toBe('app-task');
    expect(onlyResource(doc, 'aws_iam_role_policy_attachment').role).toBe('admin-app');
  });

  test('an existing task role with no statement gets no policy', () => {
    const { doc } = build({ existingTaskRole: ExistingRole.fromArn(TASK_ROLE_ARN) });
    expect(inlinePolicies(doc)['admin-app']).toBeUndefined();
  });

  test('an existing execution role: no execution role is created, ECS uses it, and it gets the rights to start the tasks', () => {
    const { doc, taskDefinition, service } = build({ existingExecutionRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN) });
    expect(Object.keys(resources(doc, 'aws_iam_role'))).toEqual([expect.stringMatching(/task-role/)]);
    expect(taskDefinition.execution_role_arn).toBe(EXECUTION_ROLE_ARN);
    const policy = inlinePolicies(doc)['admin-execution'];
    expect(policy.name).toBe('app-task-execution');
    const statements = statementsOf(doc, 'execution-role');
    expect(statements.find((statement) => statement.sid === 'ReadParameters')?.resources).toEqual([PARAMETER_ARN]);
    expect(statements.map((statement) => statement.sid)).toContain('WriteLogs');
    expect(service.depends_on.some((d: string) => /^aws_iam_role_policy\..*execution-role/.test(d))).toBe(true);
  });

  test('an existing log group: none is created, both containers log to it, and the execution role may write to it', () => {
    const { doc } = build({ existingLogGroup: ExistingLogGroup.fromArn(LOG_GROUP_ARN) });
    expect(resources(doc, 'aws_cloudwatch_log_group')).toEqual({});
    expect(JSON.stringify(onlyResource(doc, 'aws_ecs_task_definition').container_definitions)).toContain('/ecs/shared');
    expect(statementsOf(doc, 'execution-role').find((statement) => statement.sid === 'WriteLogs')?.resources).toEqual([`${LOG_GROUP_ARN}:log-stream:*`]);
  });

  test.each([
    [{ logRetentionDays: 90 }, /^Invalid logRetentionDays: 90\. Give either the settings of a new log group or existingLogGroup/],
    [{ logKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }, /^Invalid logKmsKeyArn: /],
  ])('an existing log group refuses the settings of a new one: %p', (settings, message) => {
    expect(() => new TunnelFargateService(newStack(), 'web', serviceProps({ ...settings, existingLogGroup: ExistingLogGroup.fromArn(LOG_GROUP_ARN) })))
      .toThrow(message);
  });

  test('a role of this library can be passed too, e.g. one task role shared by two services', () => {
    const stack = newStack();
    const shared = new TaskRole(stack, 'shared-role');
    new TunnelFargateService(stack, 'one', serviceProps({ serviceName: 'one', existingTaskRole: shared }));
    new TunnelFargateService(stack, 'two', serviceProps({ serviceName: 'two', existingTaskRole: shared, outputPrefix: 'two' }));
    const doc = JSON.parse(Testing.synth(stack));
    expect(Object.keys(resources(doc, 'aws_iam_role')).filter((id) => id.includes('task-role'))).toEqual([]);
    expect(Object.keys(resources(doc, 'aws_iam_role')).filter((id) => id.includes('shared-role'))).toHaveLength(1);
  });
});

describe('the roles with an existing role', () => {
  test('a TaskRole refuses a name next to existingRole', () => {
    expect(() => new TaskRole(new TerraformStack(Testing.app(), 's'), 'role', { name: 'x', existingRole: ExistingRole.fromArn(TASK_ROLE_ARN) }))
      .toThrow(/^Invalid name: "x"\. Give either name \(of a new role\) or existingRole, not both\./);
  });

  test('a TaskExecutionRole refuses a name next to existingRole', () => {
    expect(() => new TaskExecutionRole(new TerraformStack(Testing.app(), 's'), 'role', {
      name: 'x', existingRole: ExistingRole.fromArn(EXECUTION_ROLE_ARN), logGroupArn: LOG_GROUP_ARN,
    })).toThrow(/^Invalid name: "x"\. Give either name \(of a new role\) or existingRole, not both\./);
  });
});
