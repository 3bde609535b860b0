import { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Precondition } from 'cdktf';
import { Construct } from 'constructs';
import { IRole } from './existing-role';
import { addPreconditions, checkExistingRole, claimInlinePolicy } from './existing-role-checks';
import { ECR_REPOSITORY_ARN, KMS_KEY_ARN, LOG_GROUP_ARN, requireArn, requireArns, SECRET_ARN, SSM_PARAMETER_ARN } from '../core/arn';
import { brand } from '../core/brand';
import { newEcsTasksRole, newInlinePolicy, requireRoleName } from './internal/ecs-tasks-role';
import { encryptionContext, SECRET_CONTEXT, SSM_PARAMETER_CONTEXT, viaService } from '../core/kms-conditions';
import { claimPhysicalName } from '../core/physical-names';
import { sameAccountPreconditions } from '../core/same-account';
import { invalid, isToken } from '../core/validation';

/** Properties of a `TaskExecutionRole`. */
export interface TaskExecutionRoleProps {
  /**
   * Name of the role: 1 to 64 characters from letters, digits and `_+=,.@-`.
   *
   * @default - a unique name that Terraform derives from the construct path
   */
  readonly name?: string;

  /**
   * ARNs of the ECR repositories the task's images come from. The role may pull from exactly these.
   *
   * @default - no ECR permission at all (images from public registries need none)
   */
  readonly ecrRepositoryArns?: string[];

  /**
   * ARNs of ECR pull-through cache repositories (also listed in `ecrRepositoryArns`) that the role may
   * create and fill from the upstream registry: the first pull of a tag not yet cached makes ECR create
   * the repository (`ecr:CreateRepository`) and import the image (`ecr:BatchImportUpstreamImage`) with
   * the puller's permissions. Both are scoped to exactly these repositories.
   *
   * @default - no pull-through cache permission
   */
  readonly ecrPullThroughCacheRepositoryArns?: string[];

  /** ARN of the log group the containers write to (without `:*`). */
  readonly logGroupArn: string;

  /**
   * ARNs of the SSM parameters ECS injects as container `secrets` (the tunnel credential and any app
   * parameters). The role may read exactly these.
   *
   * @default - no SSM permission
   */
  readonly ssmParameterArns?: string[];

  /**
   * Full ARNs of the Secrets Manager secrets ECS injects as container `secrets`, with the 6 random
   * characters Secrets Manager appends to the name (`...:secret:my-app/db-AbCdEf`); the role may read
   * exactly these. An ECS `:json-key:version-stage:version-id` suffix is dropped, as IAM matches the secret ARN.
   *
   * @default - no Secrets Manager permission
   */
  readonly secretsManagerSecretArns?: string[];

  /**
   * ARNs of the customer-managed KMS keys those parameters and secrets are encrypted with. The role may
   * decrypt with them only through SSM or Secrets Manager (`kms:ViaService`) and only for exactly those
   * parameters and secrets (`kms:EncryptionContext:PARAMETER_ARN` / `kms:EncryptionContext:SecretARN`).
   * Keys managed by AWS need no entry.
   *
   * @default - no KMS permission
   */
  readonly kmsKeyArns?: string[];

  /**
   * Use this role instead of creating one: a role you already have (`ExistingRole.fromArn`), of the
   * account Terraform deploys to (the plan fails otherwise). No `aws_iam_role` is created; the
   * permissions above are attached to it as an inline policy of its own, named `<service name>-task-execution`
   * (`<construct path>-task-execution` outside a service), so whoever deploys needs `iam:PutRolePolicy` and
   * `iam:DeleteRolePolicy` on it. Two services of one app that would write the same policy name on one role
   * fail at synth; another Terraform state (or tool) that writes an inline policy of that name on the role
   * would overwrite it, so keep service names unique per role. Every task that runs with this role can
   * read what the policy allows, the tunnel credential included.
   *
   * @default - a new role that trusts only ECS tasks of this account
   */
  readonly existingRole?: IRole;
}

/**
 * The role ECS itself uses to start the task: pull the images, create log streams, and read the
 * secrets it injects into the containers. Each permission is scoped to exactly the ARNs given.
 *
 * It trusts only `ecs-tasks.amazonaws.com` for this account. The permissions are one inline policy,
 * rendered by the `aws_iam_policy_document` data source so Terraform normalises it and plans show no
 * spurious diffs.
 *
 * A role you already have can take its place (`existingRole`, or `existingExecutionRole` of the
 * service), for accounts where roles are made by another team or tool: the permissions are then
 * attached to that role, scoped the same way, since the task cannot start without them.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { ServiceLogGroup, TaskExecutionRole, TunnelCredentialParameter } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 * declare const logs: ServiceLogGroup;
 * declare const credential: TunnelCredentialParameter;
 *
 * const executionRole = new TaskExecutionRole(stack, 'execution-role', {
 *   logGroupArn: logs.logGroupArn,
 *   ssmParameterArns: [credential.parameterArn],
 *   ecrRepositoryArns: ['arn:aws:ecr:eu-west-1:123456789012:repository/acme/admin'],
 * });
 * credential.grantDecrypt(executionRole.roleArn);
 */
export class TaskExecutionRole extends Construct implements IRole {
  /** ARN of the role, for the task definition's `execution_role_arn`. */
  public readonly roleArn: string;

  /** Name of the role. */
  public readonly roleName: string;

  /**
   * The underlying `aws_iam_role`.
   *
   * @default - none when `existingRole` is given
   */
  public readonly role?: IamRole;

  /** The inline policy with the permissions, on the new or the existing role. */
  private readonly inlinePolicy: IamRolePolicy;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the TaskExecutionRole, described by `TaskExecutionRoleProps`.
   */
  constructor(scope: Construct, id: string, props: TaskExecutionRoleProps) {
    super(scope, id);
    brand(this, 'TaskExecutionRole');

    const ecrRepositoryArns = unique(props.ecrRepositoryArns ?? []);
    const cacheRepositoryArns = unique(props.ecrPullThroughCacheRepositoryArns ?? []);
    const ssmParameterArns = unique(props.ssmParameterArns ?? []);
    const secretArns = unique((props.secretsManagerSecretArns ?? []).map(secretArnOnly));
    const kmsKeyArns = unique(props.kmsKeyArns ?? []);
    checkExistingRole(props);
    if (props.name !== undefined) {
      requireRoleName('name', props.name);
      claimPhysicalName(this, 'IAM role', props.name, 'name');
    }
    requireArns('ecrRepositoryArns', ecrRepositoryArns, ECR_REPOSITORY_ARN);
    requireArns('ecrPullThroughCacheRepositoryArns', cacheRepositoryArns, ECR_REPOSITORY_ARN);
    const notPulled = cacheRepositoryArns.find((arn) => !ecrRepositoryArns.includes(arn));
    if (notPulled !== undefined) {
      invalid('ecrPullThroughCacheRepositoryArns', notPulled, 'Expected only repositories that ecrRepositoryArns lists too: the role imports into a cache it pulls from.');
    }
    requireArn('logGroupArn', props.logGroupArn, LOG_GROUP_ARN);
    requireArns('ssmParameterArns', ssmParameterArns, SSM_PARAMETER_ARN);
    requireArns('secretsManagerSecretArns', secretArns, SECRET_ARN);
    requireArns('kmsKeyArns', kmsKeyArns, KMS_KEY_ARN);
    if (kmsKeyArns.length > 0 && ssmParameterArns.length === 0 && secretArns.length === 0) {
      invalid('kmsKeyArns', kmsKeyArns,
        'Expected KMS keys only together with ssmParameterArns or secretsManagerSecretArns: the execution role decrypts only the secrets it injects.');
    }

    this.role = props.existingRole === undefined
      ? newEcsTasksRole(this, props.name, 'ECS task execution role: pulls images, writes logs, reads injected secrets')
      : undefined;

    const statements: DataAwsIamPolicyDocumentStatement[] = [];
    if (ecrRepositoryArns.length > 0) {
      // GetAuthorizationToken is account-wide: AWS supports no narrower resource for it.
      statements.push(allow('EcrLogin', ['ecr:GetAuthorizationToken'], ['*']));
      statements.push(allow('EcrPull',
        ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], ecrRepositoryArns));
    }
    if (cacheRepositoryArns.length > 0) {
      statements.push(allow('EcrPullThroughCache', ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'], cacheRepositoryArns));
    }
    statements.push(allow('WriteLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], [`${props.logGroupArn}:log-stream:*`]));
    if (ssmParameterArns.length > 0) {
      statements.push(allow('ReadParameters', ['ssm:GetParameters'], ssmParameterArns));
    }
    if (secretArns.length > 0) {
      statements.push(allow('ReadSecrets', ['secretsmanager:GetSecretValue'], secretArns));
    }
    if (kmsKeyArns.length > 0) {
      statements.push(...this.decryptStatements(kmsKeyArns, ssmParameterArns, secretArns));
    }
    if (props.existingRole === undefined) {
      this.inlinePolicy = newInlinePolicy(this, this.role!.id, 'task-execution', statements).policy;
    } else {
      // A name of its own on a role that others may use too, claimed in the app; checked to be in this account.
      const policyName = claimInlinePolicy(this, props, props.existingRole, 'task-execution');
      this.inlinePolicy = newInlinePolicy(this, props.existingRole.roleName, policyName, statements,
        sameAccountPreconditions(this, props.existingRole.roleArn, 'The existing execution role', true)).policy;
    }

    this.roleArn = this.role?.arn ?? props.existingRole!.roleArn;
    this.roleName = this.role?.name ?? props.existingRole!.roleName;
  }

  /**
   * Adds plan-time checks to this role's inline policy, after its own: a service's checks of the roles and
   * log group it was given then fail the plan before anything is attached.
   *
   * @internal
   */
  public _addPlanChecks(checks: Precondition[]): void {
    addPreconditions(this.inlinePolicy, checks);
  }

  /**
   * kms:Decrypt on the keys, one statement per service: usable only when SSM (or Secrets Manager) calls KMS
   * on the role's behalf, and only for the parameters (or secrets) the role injects, so a key shared with
   * other secrets does not let the role decrypt those.
   */
  private decryptStatements(keyArns: string[], parameterArns: string[], secretArns: string[]): DataAwsIamPolicyDocumentStatement[] {
    const region = new DataAwsRegion(this, 'Region');
    const partition = new DataAwsPartition(this, 'Partition');
    const decrypt = (sid: string, service: string, contextKey: string, arns: string[]): DataAwsIamPolicyDocumentStatement => ({
      ...allow(sid, ['kms:Decrypt'], keyArns),
      condition: [viaService(service, region, partition), encryptionContext(contextKey, arns)],
    });
    return [
      ...(parameterArns.length > 0 ? [decrypt('DecryptParameters', 'ssm', SSM_PARAMETER_CONTEXT, parameterArns)] : []),
      ...(secretArns.length > 0 ? [decrypt('DecryptSecrets', 'secretsmanager', SECRET_CONTEXT, secretArns)] : []),
    ];
  }
}

/** An Allow statement. */
function allow(sid: string, actions: string[], resources: string[]): DataAwsIamPolicyDocumentStatement {
  return { sid, effect: 'Allow', actions, resources };
}

/** The list without repeats, keeping the first occurrence's order. */
function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** `arn:...:secret:<name>`: drops an ECS `:json-key:version-stage:version-id` suffix that IAM would not match. */
function secretArnOnly(arn: string): string {
  return isToken(arn) ? arn : arn.split(':').slice(0, 7).join(':');
}
