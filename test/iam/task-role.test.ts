import { TaskRole } from '../../src/iam';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { policyDocuments, statementsOf } from './policy-document';

const BUCKET = 'arn:aws:s3:::app-uploads';

describe('TaskRole', () => {
  test('snapshot with ECS Exec, a statement and a managed policy', () => {
    const { json } = synth((stack) => {
      const role = new TaskRole(stack, 'Task', { enableExecuteCommand: true });
      role.addPolicyStatement({ sid: 'ReadUploads', actions: ['s3:GetObject'], resources: [`${BUCKET}/*`] });
      role.addManagedPolicyArn('arn:aws:iam::aws:policy/CloudWatchLambdaInsightsExecutionRolePolicy');
    });
    expect(json).toMatchSnapshot();
  });

  test('starts without any policy', () => {
    const { doc } = synth((stack) => new TaskRole(stack, 'Task'));
    expect(resources(doc, 'aws_iam_role_policy')).toEqual({});
    expect(resources(doc, 'aws_iam_role_policy_attachment')).toEqual({});
    expect(Object.keys(policyDocuments(doc))).toEqual([expect.stringContaining('TrustPolicy')]);
    const role = onlyResource(doc, 'aws_iam_role');
    expect(role.managed_policy_arns).toBeUndefined();
    expect(role.inline_policy).toBeUndefined();
  });

  test('trusts only ECS tasks of this account', () => {
    const { doc } = synth((stack) => new TaskRole(stack, 'Task', { name: 'app-task' }));
    const [trust] = statementsOf(doc, 'TrustPolicy');
    expect(trust.principals).toEqual([{ type: 'Service', identifiers: ['ecs-tasks.amazonaws.com'] }]);
    expect(trust.condition![0].variable).toBe('aws:SourceAccount');
    expect(onlyResource(doc, 'aws_iam_role').name).toBe('app-task');
  });

  test('ECS Exec adds the four ssmmessages actions on "*" and nothing else', () => {
    const { doc } = synth((stack) => new TaskRole(stack, 'Task', { enableExecuteCommand: true }));
    expect(statementsOf(doc, 'PolicyDocument')).toEqual([{
      sid: 'EcsExec',
      effect: 'Allow',
      actions: [
        'ssmmessages:CreateControlChannel',
        'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel',
      ],
      resources: ['*'],
    }]);
    expect(onlyResource(doc, 'aws_iam_role_policy').policy).toMatch(/PolicyDocument\w*\.json\}$/);
  });

  test('statements collect in one inline policy', () => {
    const { doc } = synth((stack) => {
      const role = new TaskRole(stack, 'Task');
      role.addPolicyStatement({ actions: ['s3:GetObject'], resources: [`${BUCKET}/*`] });
      role.addPolicyStatement({ sid: 'Metrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'] });
    });
    expect(statementsOf(doc, 'PolicyDocument')).toEqual([
      { effect: 'Allow', actions: ['s3:GetObject'], resources: [`${BUCKET}/*`] },
      { sid: 'Metrics', effect: 'Allow', actions: ['cloudwatch:PutMetricData'], resources: ['*'] },
    ]);
    expect(onlyResource(doc, 'aws_iam_role_policy').role).toMatch(/^\$\{aws_iam_role\.\w+\.id\}$/);
  });

  test('managed policies are attached one by one', () => {
    const { doc } = synth((stack) => {
      const role = new TaskRole(stack, 'Task');
      role.addManagedPolicyArn('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
      role.addManagedPolicyArn('arn:aws:iam::123456789012:policy/app');
    });
    const attachments = Object.values(resources(doc, 'aws_iam_role_policy_attachment'));
    expect(attachments.map((a: any) => a.policy_arn)).toEqual([
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'arn:aws:iam::123456789012:policy/app',
    ]);
    expect(resources(doc, 'aws_iam_role_policy')).toEqual({});
  });

  describe('rejects bad input', () => {
    test('a malformed role name, before creating anything', () => {
      const stack = newStack();
      expect(() => new TaskRole(stack, 'Task', { name: 'has space' })).toThrow(/Invalid name: "has space".*1 to 64 characters/);
      expect(stack.node.findChild('Task').node.children).toHaveLength(0);
    });

    test('an empty action list', () => {
      const role = new TaskRole(newStack(), 'Task');
      expect(() => role.addPolicyStatement({ actions: [], resources: [BUCKET] })).toThrow(/Invalid actions: \[\]. Expected at least one element/);
    });

    test('an empty resource list', () => {
      const role = new TaskRole(newStack(), 'Task');
      expect(() => role.addPolicyStatement({ actions: ['s3:GetObject'], resources: [] })).toThrow(/Invalid resources: \[\]. Expected at least one element/);
    });

    test.each(['*', 's3:*', 's3:Get*', 's3:GetObjec?', 'GetObject'])('the action %p', (action) => {
      const role = new TaskRole(newStack(), 'Task');
      expect(() => role.addPolicyStatement({ actions: ['s3:ListBucket', action], resources: [BUCKET] }))
        .toThrow(/Invalid actions\[1\]: .*wildcards such as "\*", "s3:\*" or "s3:Get\*" are not allowed/);
    });

    test('a resource that is neither an ARN nor "*"', () => {
      const role = new TaskRole(newStack(), 'Task');
      expect(() => role.addPolicyStatement({ actions: ['s3:GetObject'], resources: ['app-uploads'] })).toThrow(/Invalid resources\[0\]: "app-uploads"/);
    });

    test('a statement id with other characters than letters and digits', () => {
      const role = new TaskRole(newStack(), 'Task');
      expect(() => role.addPolicyStatement({ sid: 'read-uploads', actions: ['s3:GetObject'], resources: [BUCKET] })).toThrow(/Invalid sid: "read-uploads"/);
    });

    test('a repeated statement id, including the ECS Exec one', () => {
      const role = new TaskRole(newStack(), 'Task', { enableExecuteCommand: true });
      expect(() => role.addPolicyStatement({ sid: 'EcsExec', actions: ['s3:GetObject'], resources: [BUCKET] })).toThrow(/Invalid sid: "EcsExec".*only once/);
    });

    test('a malformed managed policy ARN', () => {
      const role = new TaskRole(newStack(), 'Task');
      expect(() => role.addManagedPolicyArn('AmazonS3ReadOnlyAccess')).toThrow(/Invalid policyArn: .*IAM managed policy ARN/);
    });

    test('the same managed policy twice', () => {
      const role = new TaskRole(newStack(), 'Task');
      role.addManagedPolicyArn('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
      expect(() => role.addManagedPolicyArn('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')).toThrow(/Invalid policyArn: .*only once/);
    });
  });
});
