import { TerraformStack } from 'cdktf';
import { TaskExecutionRole, TaskExecutionRoleProps } from '../../src/iam';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { policyDocuments, statementsOf } from './policy-document';

const ACCOUNT = '123456789012';
const REPO_A = `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/app`;
const REPO_B = `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/team/sidecar`;
const LOG_GROUP = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/ecs/app`;
const PARAMETER = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/cloudflared/app/tunnel-token`;
const APP_PARAMETER = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app/db-password`;
const SECRET = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app/api-key-AbCdEf`;
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const FULL: TaskExecutionRoleProps = {
  ecrRepositoryArns: [REPO_A, REPO_B],
  logGroupArn: LOG_GROUP,
  ssmParameterArns: [PARAMETER, APP_PARAMETER],
  secretsManagerSecretArns: [SECRET],
  kmsKeyArns: [KEY],
};

function executionRole(props: TaskExecutionRoleProps) {
  return synth((stack: TerraformStack) => new TaskExecutionRole(stack, 'Execution', props));
}

describe('TaskExecutionRole', () => {
  test('snapshot with every permission', () => {
    expect(executionRole(FULL).json).toMatchSnapshot();
  });

  test('each statement names exactly the given ARNs', () => {
    const statements = statementsOf(executionRole(FULL).doc, 'PolicyDocument');
    expect(statements.map((s) => [s.sid, s.actions, s.resources])).toEqual([
      ['EcrLogin', ['ecr:GetAuthorizationToken'], ['*']],
      ['EcrPull', ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], [REPO_A, REPO_B]],
      ['WriteLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], [`${LOG_GROUP}:log-stream:*`]],
      ['ReadParameters', ['ssm:GetParameters'], [PARAMETER, APP_PARAMETER]],
      ['ReadSecrets', ['secretsmanager:GetSecretValue'], [SECRET]],
      ['DecryptParameters', ['kms:Decrypt'], [KEY]],
      ['DecryptSecrets', ['kms:Decrypt'], [KEY]],
    ]);
    expect(statements.every((s) => s.effect === 'Allow')).toBe(true);
  });

  test('no wildcard action anywhere; Resource "*" only for ecr:GetAuthorizationToken', () => {
    const statements = Object.values(policyDocuments(executionRole(FULL).doc)).flatMap((d) => d.statement);
    expect(statements.flatMap((s) => s.actions).filter((a) => a.includes('*'))).toEqual([]);
    const onStar = statements.filter((s) => s.resources?.includes('*'));
    expect(onStar.map((s) => s.actions)).toEqual([['ecr:GetAuthorizationToken']]);
  });

  test('kms:Decrypt of the parameters only through SSM of the region, for exactly these parameters', () => {
    const decrypt = statementsOf(executionRole(FULL).doc, 'PolicyDocument').find((s) => s.sid === 'DecryptParameters')!;
    expect(decrypt.condition).toEqual([
      {
        test: 'StringEquals',
        variable: 'kms:ViaService',
        values: [expect.stringMatching(/^ssm\.\$\{data\.aws_region\.\w+\.region\}\.\$\{data\.aws_partition\.\w+\.dns_suffix\}$/)],
      },
      { test: 'StringEquals', variable: 'kms:EncryptionContext:PARAMETER_ARN', values: [PARAMETER, APP_PARAMETER] },
    ]);
  });

  test('kms:Decrypt of the secrets only through Secrets Manager of the region, for exactly these secrets', () => {
    const decrypt = statementsOf(executionRole(FULL).doc, 'PolicyDocument').find((s) => s.sid === 'DecryptSecrets')!;
    expect(decrypt.condition).toEqual([
      {
        test: 'StringEquals',
        variable: 'kms:ViaService',
        values: [expect.stringMatching(/^secretsmanager\.\$\{data\.aws_region\.\w+\.region\}\.\$\{data\.aws_partition\.\w+\.dns_suffix\}$/)],
      },
      { test: 'StringEquals', variable: 'kms:EncryptionContext:SecretARN', values: [SECRET] },
    ]);
  });

  test('a decrypt statement only for the kinds of secret given', () => {
    const sids = (props: Partial<TaskExecutionRoleProps>) => statementsOf(executionRole({ logGroupArn: LOG_GROUP, kmsKeyArns: [KEY], ...props }).doc, 'PolicyDocument')
      .map((s) => s.sid).filter((sid) => sid!.startsWith('Decrypt'));
    expect(sids({ ssmParameterArns: [PARAMETER] })).toEqual(['DecryptParameters']);
    expect(sids({ secretsManagerSecretArns: [SECRET] })).toEqual(['DecryptSecrets']);
  });

  test('the secret ARN of the encryption context has no ECS json-key suffix', () => {
    const { doc } = executionRole({ logGroupArn: LOG_GROUP, secretsManagerSecretArns: [`${SECRET}:password::`], kmsKeyArns: [KEY] });
    const decrypt = statementsOf(doc, 'PolicyDocument').find((s) => s.sid === 'DecryptSecrets')!;
    expect(decrypt.condition![1].values).toEqual([SECRET]);
  });

  test('with only a log group: no ECR, SSM, Secrets Manager or KMS statement, and no Resource "*"', () => {
    const { doc } = executionRole({ logGroupArn: LOG_GROUP });
    const statements = statementsOf(doc, 'PolicyDocument');
    expect(statements.map((s) => s.sid)).toEqual(['WriteLogs']);
    expect(statements.flatMap((s) => s.resources)).not.toContain('*');
    expect(doc.data.aws_region).toBeUndefined();
  });

  test('trusts only ECS tasks of this account', () => {
    const { doc } = executionRole(FULL);
    const [trust] = statementsOf(doc, 'TrustPolicy');
    expect(statementsOf(doc, 'TrustPolicy')).toHaveLength(1);
    expect(trust.actions).toEqual(['sts:AssumeRole']);
    expect(trust.principals).toEqual([{ type: 'Service', identifiers: ['ecs-tasks.amazonaws.com'] }]);
    expect(trust.condition).toEqual([{
      test: 'StringEquals',
      variable: 'aws:SourceAccount',
      values: [expect.stringMatching(/^\$\{data\.aws_caller_identity\.\w+\.account_id\}$/)],
    }]);
    const role = onlyResource(doc, 'aws_iam_role');
    expect(role.assume_role_policy).toMatch(/^\$\{data\.aws_iam_policy_document\.\w*TrustPolicy\w*\.json\}$/);
  });

  test('one inline policy on the role, no managed policies', () => {
    const { doc } = executionRole(FULL);
    const policy = onlyResource(doc, 'aws_iam_role_policy');
    expect(policy.role).toMatch(/^\$\{aws_iam_role\.\w+\.id\}$/);
    expect(policy.policy).toMatch(/^\$\{data\.aws_iam_policy_document\.\w*PolicyDocument\w*\.json\}$/);
    expect(resources(doc, 'aws_iam_role_policy_attachment')).toEqual({});
    expect(onlyResource(doc, 'aws_iam_role').managed_policy_arns).toBeUndefined();
  });

  test('name given, or a prefix from the construct path', () => {
    expect(onlyResource(executionRole({ logGroupArn: LOG_GROUP, name: 'app-execution' }).doc, 'aws_iam_role').name).toBe('app-execution');
    const role = onlyResource(executionRole({ logGroupArn: LOG_GROUP }).doc, 'aws_iam_role');
    expect(role.name).toBeUndefined();
    expect(role.name_prefix).toBe('Execution-');
  });

  test('drops repeated ARNs and the ECS json-key suffix of secret ARNs', () => {
    const { doc } = executionRole({
      logGroupArn: LOG_GROUP,
      ecrRepositoryArns: [REPO_A, REPO_A],
      secretsManagerSecretArns: [`${SECRET}:password::`, SECRET],
    });
    const statements = statementsOf(doc, 'PolicyDocument');
    expect(statements.find((s) => s.sid === 'EcrPull')!.resources).toEqual([REPO_A]);
    expect(statements.find((s) => s.sid === 'ReadSecrets')!.resources).toEqual([SECRET]);
  });

  describe('rejects bad input before creating anything', () => {
    function create(props: TaskExecutionRoleProps) {
      const stack = newStack();
      try {
        new TaskExecutionRole(stack, 'Execution', props);
      } finally {
        expect(stack.node.findChild('Execution').node.children).toHaveLength(0);
      }
    }

    test('a log group ARN with ":*"', () => {
      expect(() => create({ logGroupArn: `${LOG_GROUP}:*` })).toThrow(/Invalid logGroupArn: .*log group ARN without a ":\*" suffix/);
    });

    test('a wildcard ECR repository ARN', () => {
      expect(() => create({ logGroupArn: LOG_GROUP, ecrRepositoryArns: [REPO_A, `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/*`] }))
        .toThrow(/Invalid ecrRepositoryArns\[1\]: .*ECR repository ARN/);
    });

    test('an SSM parameter name instead of an ARN', () => {
      expect(() => create({ logGroupArn: LOG_GROUP, ssmParameterArns: ['/cloudflared/token'] }))
        .toThrow(/Invalid ssmParameterArns\[0\]: .*SSM parameter ARN/);
    });

    test('a Secrets Manager ARN of another service', () => {
      expect(() => create({ logGroupArn: LOG_GROUP, secretsManagerSecretArns: [PARAMETER] }))
        .toThrow(/Invalid secretsManagerSecretArns\[0\]: .*Secrets Manager secret ARN/);
    });

    test('a Secrets Manager ARN without the random suffix, which IAM would never match', () => {
      expect(() => create({ logGroupArn: LOG_GROUP, secretsManagerSecretArns: [SECRET, `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app/api-key`] }))
        .toThrow(/Invalid secretsManagerSecretArns\[1\]: "arn:aws:secretsmanager:eu-west-1:\d+:secret:app\/api-key"\. Expected a full Secrets Manager secret ARN, whose name ends in "-" and the 6 random characters.*IAM matches the full ARN, suffix included/);
    });

    test('a Secrets Manager ARN without the suffix but with an ECS json-key suffix', () => {
      expect(() => create({ logGroupArn: LOG_GROUP, secretsManagerSecretArns: [`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db:password::`] }))
        .toThrow(/Invalid secretsManagerSecretArns\[0\]: .*secret:db"\. Expected a full Secrets Manager secret ARN/);
    });

    test('a KMS alias', () => {
      expect(() => create({ logGroupArn: LOG_GROUP, ssmParameterArns: [PARAMETER], kmsKeyArns: [`arn:aws:kms:eu-west-1:${ACCOUNT}:alias/ssm`] }))
        .toThrow(/Invalid kmsKeyArns\[0\]: .*not an alias/);
    });

    test('KMS keys without any secret to decrypt', () => {
      expect(() => create({ logGroupArn: LOG_GROUP, kmsKeyArns: [KEY] }))
        .toThrow(/Invalid kmsKeyArns: .*only together with ssmParameterArns or secretsManagerSecretArns/);
    });

    test('a malformed role name', () => {
      expect(() => create({ logGroupArn: LOG_GROUP, name: 'a'.repeat(65) })).toThrow(/Invalid name: .*1 to 64 characters/);
    });
  });
});
