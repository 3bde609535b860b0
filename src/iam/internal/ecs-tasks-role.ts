/**
 * The IAM role both task roles are built on. Internal: not part of the public API.
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Precondition } from 'cdktf';
import { Construct } from 'constructs';
import { pathSegments } from '../../core/default-name';
import { invalid, isToken } from '../../core/validation';

/** Characters IAM allows in a role name. */
const ROLE_NAME_CHAR = /[\w+=,.@-]/;

/** IAM's limit on `name_prefix`: Terraform appends 26 characters to reach the 64-character maximum. */
const MAX_PREFIX_LENGTH = 38;

/** Fails unless `name` is a valid IAM role name. */
export function requireRoleName(property: string, name: string): void {
  if (isToken(name)) {
    return;
  }
  if (!/^[\w+=,.@-]{1,64}$/.test(name)) {
    invalid(property, name, 'Expected an IAM role name of 1 to 64 characters from letters, digits and "_+=,.@-".');
  }
}

/**
 * A role that only ECS tasks of this account can assume.
 *
 * `aws:SourceAccount` keeps another account's ECS from assuming it through the shared
 * `ecs-tasks.amazonaws.com` principal (the confused-deputy problem).
 * Without a name, Terraform makes a unique one from a prefix derived from the construct path, so two
 * stacks never collide.
 */
export function newEcsTasksRole(scope: Construct, name: string | undefined, description: string): IamRole {
  const account = new DataAwsCallerIdentity(scope, 'Account');
  const trust = new DataAwsIamPolicyDocument(scope, 'TrustPolicy', {
    statement: [{
      sid: 'EcsTasksOfThisAccount',
      effect: 'Allow',
      actions: ['sts:AssumeRole'],
      principals: [{ type: 'Service', identifiers: ['ecs-tasks.amazonaws.com'] }],
      condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] }],
    }],
  });
  return new IamRole(scope, 'Role', {
    name,
    namePrefix: name === undefined ? defaultPrefix(scope) : undefined,
    description,
    assumeRolePolicy: trust.json,
  });
}

/**
 * Attaches `statements` as the inline policy `name` of the role `role` (its id or name), built by the
 * `aws_iam_policy_document` data source, with the plan-time checks `preconditions` (if any).
 */
export function newInlinePolicy(
  scope: Construct, role: string, name: string, statements: DataAwsIamPolicyDocumentStatement[],
  preconditions: Precondition[] = [],
): { document: DataAwsIamPolicyDocument; policy: IamRolePolicy } {
  const document = new DataAwsIamPolicyDocument(scope, 'PolicyDocument', { statement: statements });
  const policy = new IamRolePolicy(scope, 'Policy', {
    role, name, policy: document.json, lifecycle: preconditions.length > 0 ? { precondition: preconditions } : undefined,
  });
  return { document, policy };
}

/** The construct path under the stack, cut from the front to fit IAM's prefix limit. */
function defaultPrefix(scope: Construct): string {
  const [, ...below] = pathSegments(scope, ROLE_NAME_CHAR);
  const path = below.join('-').slice(-(MAX_PREFIX_LENGTH - 1)).replace(/^-+/, '');
  return `${path.length > 0 ? path : 'ecs-task'}-`;
}
