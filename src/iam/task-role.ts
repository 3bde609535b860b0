import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Precondition } from 'cdktf';
import { Construct } from 'constructs';
import { IRole } from './existing-role';
import { addPreconditions, checkExistingRole, claimInlinePolicy } from './existing-role-checks';
import { MANAGED_POLICY_ARN, requireArn } from '../core/arn';
import { brand } from '../core/brand';
import { newEcsTasksRole, newInlinePolicy, requireRoleName } from './internal/ecs-tasks-role';
import { PolicyStatementOptions } from './policy-statement-options';
import { claimPhysicalName } from '../core/physical-names';
import { sameAccountPreconditions } from '../core/same-account';
import { invalid, isToken, requireNonEmpty } from '../core/validation';

/** Properties of a `TaskRole`. */
export interface TaskRoleProps {
  /**
   * Name of the role: 1 to 64 characters from letters, digits and `_+=,.@-`.
   *
   * @default - a unique name that Terraform derives from the construct path
   */
  readonly name?: string;

  /**
   * Whether to allow ECS Exec (`aws ecs execute-command`) into the task's containers. Adds the four
   * `ssmmessages` channel actions on `*` (AWS supports no narrower resource for them). The service must
   * also enable execute command.
   *
   * @default false
   */
  readonly enableExecuteCommand?: boolean;

  /**
   * Use this role instead of creating one: a role you already have (`ExistingRole.fromArn`), of the
   * account Terraform deploys to (the plan fails otherwise). No `aws_iam_role` is created; what
   * `enableExecuteCommand`, `addPolicyStatement()` and `addManagedPolicyArn()` grant is attached to it:
   * an inline policy of its own, named `<service name>-task` (`<construct path>-task` outside a service),
   * and managed policy attachments, so whoever deploys needs `iam:PutRolePolicy`, `iam:DeleteRolePolicy`,
   * `iam:AttachRolePolicy` and `iam:DetachRolePolicy` on it. Two services of one app that would write the
   * same policy name on one role fail at synth; another Terraform state (or tool) writing an inline policy
   * of that name on the role would overwrite it. A managed policy attached with `addManagedPolicyArn()` is
   * detached from the role on destroy (or when the call is removed), even if someone else attached it too:
   * attach to a shared role only the managed policies that nobody else attaches.
   *
   * @default - a new role that trusts only ECS tasks of this account
   */
  readonly existingRole?: IRole;
}

/** An action `service:Action` spelled out in full, without `*` or `?`. */
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

/**
 * The role the app's code runs as (the task definition's `task_role_arn`). It starts with no
 * permission at all; grant exactly what the app needs with `addPolicyStatement()` or
 * `addManagedPolicyArn()`.
 *
 * It trusts only `ecs-tasks.amazonaws.com` for this account. Statements go into one inline policy,
 * rendered by the `aws_iam_policy_document` data source and created with the first statement.
 *
 * A role you already have can take its place (`existingRole`, or `existingTaskRole` of the service):
 * apps often run with a role managed elsewhere, with permissions granted by another team or tool.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { TaskRole } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const taskRole = new TaskRole(stack, 'task-role');
 * taskRole.addPolicyStatement({
 *   actions: ['s3:GetObject', 's3:PutObject'],
 *   resources: ['arn:aws:s3:::acme-admin-uploads/uploads/*'],
 * });
 */
export class TaskRole extends Construct implements IRole {
  /** ARN of the role, for the task definition's `task_role_arn`. */
  public readonly roleArn: string;

  /** Name of the role. */
  public readonly roleName: string;

  /**
   * The underlying `aws_iam_role`.
   *
   * @default - none when `existingRole` is given
   */
  public readonly role?: IamRole;

  /**
   * The role the policies are attached to: its id and name for a new role, the name for an existing one;
   * and the name of the inline policy.
   */
  private readonly policyTarget: { readonly id: string; readonly name: string; readonly policyName: string };

  private readonly statements: DataAwsIamPolicyDocumentStatement[] = [];
  private readonly sids = new Set<string>();
  private readonly managedPolicyArns = new Set<string>();
  private document?: DataAwsIamPolicyDocument;
  /** ARN of the existing role, whose account the plan checks before anything is attached to it. */
  private readonly existingRoleArn?: string;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the TaskRole, described by `TaskRoleProps`.
   */
  constructor(scope: Construct, id: string, props: TaskRoleProps = {}) {
    super(scope, id);
    brand(this, 'TaskRole');

    checkExistingRole(props);
    if (props.existingRole !== undefined) {
      this.roleArn = props.existingRole.roleArn;
      this.roleName = props.existingRole.roleName;
      // A name of its own on a role that others may use too, claimed in the app.
      const policyName = claimInlinePolicy(this, props, props.existingRole, 'task');
      this.policyTarget = { id: this.roleName, name: this.roleName, policyName };
      this.existingRoleArn = props.existingRole.roleArn;
    } else {
      if (props.name !== undefined) {
        requireRoleName('name', props.name);
        claimPhysicalName(this, 'IAM role', props.name, 'name');
      }
      this.role = newEcsTasksRole(this, props.name, 'ECS task role: the permissions of the app running in the task');
      this.roleArn = this.role.arn;
      this.roleName = this.role.name;
      this.policyTarget = { id: this.role.id, name: this.role.name, policyName: 'task' };
    }

    if (props.enableExecuteCommand ?? false) {
      // The SSM session channels have no resource ARNs: AWS supports only `*` here.
      this.addStatement({
        sid: 'EcsExec',
        effect: 'Allow',
        actions: [
          'ssmmessages:CreateControlChannel',
          'ssmmessages:CreateDataChannel',
          'ssmmessages:OpenControlChannel',
          'ssmmessages:OpenDataChannel',
        ],
        resources: ['*'],
      });
    }
  }

  /**
   * Attaches an IAM managed policy, e.g. `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`.
   *
   * Prefer `addPolicyStatement()` with exact resources: managed policies are often broader than
   * an app needs. On an existing role (`existingRole`), Terraform detaches the policy again on destroy
   * or when this call goes away, even if it was attached to the role before or by someone else.
   *
   * @param policyArn ARN of the managed policy, AWS managed (`arn:aws:iam::aws:policy/ReadOnlyAccess`) or your own.
   */
  public addManagedPolicyArn(policyArn: string): void {
    requireArn('policyArn', policyArn, MANAGED_POLICY_ARN);
    if (this.managedPolicyArns.has(policyArn)) {
      invalid('policyArn', policyArn, 'Each managed policy may be attached only once.');
    }
    this.managedPolicyArns.add(policyArn);
    const attachment = new IamRolePolicyAttachment(this, `ManagedPolicy${this.managedPolicyArns.size}`, {
      role: this.policyTarget.name,
      policyArn,
    });
    addPreconditions(attachment, this.existingRoleChecks());
  }

  /**
   * Allows `actions` on `resources` for the app. Actions must be spelled out (no `*`, `s3:*` or
   * `s3:Get*`); lists must not be empty; the statement id, if given, is letters and digits and unique.
   *
   * @param statement The actions to allow and the resources they apply to.
   */
  public addPolicyStatement(statement: PolicyStatementOptions): void {
    requireNonEmpty('actions', statement.actions);
    for (const [i, action] of statement.actions.entries()) {
      if (!isToken(action) && !ACTION.test(action)) {
        invalid(`actions[${i}]`, action,
          'Expected one action spelled out as "service:Action" (e.g. "s3:GetObject"); wildcards such as "*", "s3:*" or "s3:Get*" are not allowed.');
      }
    }
    requireNonEmpty('resources', statement.resources);
    for (const [i, resource] of statement.resources.entries()) {
      if (!isToken(resource) && resource !== '*' && !/^arn:aws(-[a-z]+)*:\S+$/.test(resource)) {
        invalid(`resources[${i}]`, resource, 'Expected an ARN such as "arn:aws:s3:::my-bucket/*", or "*" for actions that support no narrower resource.');
      }
    }
    if (statement.sid !== undefined) {
      if (!/^[A-Za-z0-9]+$/.test(statement.sid)) {
        invalid('sid', statement.sid, 'Expected letters and digits only.');
      }
      if (this.sids.has(statement.sid)) {
        invalid('sid', statement.sid, 'Each statement id may appear only once in the role.');
      }
    }
    this.addStatement({
      sid: statement.sid,
      effect: 'Allow',
      actions: [...statement.actions],
      resources: [...statement.resources],
    });
  }

  /** Adds a checked statement; the inline policy appears with the first one, so a new role has none. */
  private addStatement(statement: DataAwsIamPolicyDocumentStatement): void {
    if (statement.sid !== undefined) {
      this.sids.add(statement.sid);
    }
    this.statements.push(statement);
    if (this.document === undefined) {
      this.document = newInlinePolicy(this, this.policyTarget.id, this.policyTarget.policyName, this.statements, this.existingRoleChecks()).document;
    }
    this.document.putStatement([...this.statements]);
  }

  /** The plan-time checks that an existing role is in this account and partition; none for a new role. */
  private existingRoleChecks(): Precondition[] {
    return this.existingRoleArn === undefined ? [] : sameAccountPreconditions(this, this.existingRoleArn, 'The existing task role', true);
  }
}
