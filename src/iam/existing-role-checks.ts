/**
 * What the library checks when it attaches permissions to a role it did not create. Not exported from the
 * module's index: the service uses it, the public API does not include it.
 *
 * - Each inline policy on an existing role has a name of its own (`<service>-task`,
 *   `<service>-task-execution`), claimed in the app: `aws_iam_role_policy` is a put, so two policies of the
 *   same name on one role would overwrite each other at apply, and a policy the role already has under a
 *   fixed name would be replaced (and deleted on destroy).
 * - The plan fails when an existing role (or log group) is in another account or partition than the one
 *   Terraform deploys to (`core/same-account.ts`): the inline policy would land on a same-named local role,
 *   and a dedicated credential key would trust the foreign principal.
 * - One role may not be both the task role and the execution role: the app could read the tunnel credential.
 */
import { createHash } from 'crypto';
import { Op, Precondition, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { IRole } from './existing-role';
import { IAM_ROLE_ARN, requireArn } from '../core/arn';
import { hasBrand } from '../core/brand';
import { pathSegments } from '../core/default-name';
import { PropPath } from '../core/prop-path';
import { invalid, isToken } from '../core/validation';

/** How a service uses a role it builds: its name prefixes the inline policy, and errors name the service's prop. */
interface ServiceRoleUse {
  readonly policyNamePrefix: string;
  readonly roleProperty: string;
}

/** IAM's limit on the length of an inline policy name. */
const POLICY_NAME_MAX = 128;

/** Characters IAM allows in a policy name. */
const POLICY_NAME_CHAR = /[\w+=,.@-]/;

/** Props of the roles a service builds, with how it uses them; the service checked their `existingRole`. */
const SERVICE_ROLES = new WeakMap<object, ServiceRoleUse>();

/**
 * Marks `props` as the props of a service's role, and returns them: the inline policy names on an existing
 * role start with the service's name, and errors about the existing role name the prop the user gave it as.
 * The service checked the existing role, so the role does not check it again.
 *
 * @param props the props of a `TaskRole` or `TaskExecutionRole`
 * @param policyNamePrefix the service name (a literal or a token)
 * @param roleProperty the prop as the user wrote it, e.g. `service.existingTaskRole`
 */
export function asServiceRole<T extends object>(props: T, policyNamePrefix: string, roleProperty: string): T {
  SERVICE_ROLES.set(props, { policyNamePrefix, roleProperty });
  return props;
}

/**
 * Name of the inline policy `suffix` (`task`, `task-execution`) of the role construct `scope` on an
 * existing role: `<service name>-<suffix>`, or, for a role built outside a service, `<construct path>-<suffix>`.
 * Stable (it changes only when the service is renamed or the construct moved) and within IAM's 128 characters:
 * a longer prefix keeps its start and an 8-character hash of the whole.
 */
function existingRolePolicyName(scope: Construct, props: object, suffix: string): string {
  const prefix = SERVICE_ROLES.get(props)?.policyNamePrefix ?? pathSegments(scope, POLICY_NAME_CHAR).slice(1).join('-');
  if (isToken(prefix)) {
    return `${prefix}-${suffix}`;
  }
  const room = POLICY_NAME_MAX - suffix.length - 1;
  if (prefix.length <= room) {
    return `${prefix}-${suffix}`;
  }
  const hash = createHash('sha256').update(prefix).digest('hex').slice(0, 8);
  return `${prefix.slice(0, room - hash.length - 1)}-${hash}-${suffix}`;
}

/**
 * Fails unless `role` is one IAM role: an IAM role ARN, and the name of that very role (the ARN's last path
 * segment). Any `IRole` will do, not only `ExistingRole.fromArn`'s, and the two are used apart: the ARN by
 * the task definition, the key policy and the account check, the name by the inline policy. A name of
 * another role would put the service's permissions (the execution role's: reading the tunnel credential) on
 * that role. Parts given as tokens are checked by AWS at apply.
 *
 * @param property the prop the user gave the role as, e.g. `service.existingTaskRole`
 */
export function requireOneRole(property: string, role: IRole): void {
  if (role === null || typeof role !== 'object') {
    invalid(property, role, 'Expected an IAM role, e.g. ExistingRole.fromArn("arn:aws:iam::123456789012:role/app-task").');
  }
  requireArn(property, role.roleArn, IAM_ROLE_ARN);
  if (isToken(role.roleName)) {
    return;
  }
  const name = isToken(role.roleArn) ? undefined : role.roleArn.split('/').pop();
  if (typeof role.roleName !== 'string' || role.roleName === '' || (name !== undefined && role.roleName !== name)) {
    invalid(property, role.roleName,
      `Expected the name of the role of roleArn${name === undefined ? '' : `, ${JSON.stringify(name)}`}: the inline policy is attached by `
      + 'name, so another role would get the permissions. ExistingRole.fromArn(roleArn) takes the name from the ARN.');
  }
}

/**
 * Checks the `existingRole` of a `TaskRole` or `TaskExecutionRole` made by the user (a service checked the
 * roles it passes with its own props, under the names its user wrote), and that it comes without a `name`.
 */
export function checkExistingRole(props: { readonly name?: string; readonly existingRole?: IRole }): void {
  if (props.existingRole !== undefined && !SERVICE_ROLES.has(props)) {
    requireOneRole('existingRole', props.existingRole);
  }
  if (props.name !== undefined && props.existingRole !== undefined) {
    invalid('name', props.name, 'Give either name (of a new role) or existingRole, not both.');
  }
}

/** Per app: `<role name>\0<policy name>` -> path of the construct whose inline policy it is. */
const inlinePolicies = new WeakMap<Construct, Map<string, string>>();

/**
 * The name of the inline policy `suffix` that the role construct `construct`, built with `props`, writes on
 * the existing role `role` (see `existingRolePolicyName`), recorded for `construct`. Fails naming both
 * constructs, under the prop the user gave the role as, when another one in the app already writes that
 * policy: the second apply would replace the first one's policy. Roles and names given as tokens are
 * compared as written (the same object compares equal).
 */
export function claimInlinePolicy(construct: Construct, props: object, role: IRole, suffix: string): string {
  const policyName = existingRolePolicyName(construct, props, suffix);
  const property = SERVICE_ROLES.get(props)?.roleProperty ?? 'existingRole';
  const app = construct.node.root;
  const taken = inlinePolicies.get(app) ?? new Map<string, string>();
  inlinePolicies.set(app, taken);
  const key = `${role.roleName}\u0000${policyName}`;
  const owner = taken.get(key);
  if (owner !== undefined && owner !== construct.node.path) {
    invalid(property, role.roleArn,
      `The inline policy "${policyName}" of this role is already written by ${owner}; ${construct.node.path} would write the same `
      + 'policy, and at apply each would overwrite the other. Give the services different names, or each its own role.');
  }
  taken.set(key, construct.node.path);
  return policyName;
}

/** Adds plan-time checks to a resource, after those it has. */
export function addPreconditions(resource: TerraformResource, checks: Precondition[]): void {
  if (checks.length === 0) {
    return;
  }
  resource.lifecycle = { ...resource.lifecycle, precondition: [...(resource.lifecycle?.precondition ?? []), ...checks] };
}

const SEPARATE_ROLES_WHY = 'The execution role reads (and decrypts) the tunnel credential, so the app and ECS Exec users would be '
  + 'able to read it. Give the app a role of its own.';

/**
 * Fails when one role would be both the task role and the execution role of a service: the execution role
 * reads the tunnel credential, so the app (and whoever uses ECS Exec) could read it too. A library
 * `TaskExecutionRole` as task role (or `TaskRole` as execution role) is refused for the same reason.
 * ARNs given as tokens are compared at plan, by `separateRolePreconditions`.
 *
 * @param path where the user wrote the roles: the root for the service, `service.` through the pattern
 */
export function requireSeparateRoles(taskRole: IRole | undefined, executionRole: IRole | undefined, path: PropPath): void {
  if (taskRole !== undefined && hasBrand(taskRole, 'TaskExecutionRole')) {
    invalid(path.of('existingTaskRole'), taskRole.roleArn, `Expected a role for the app, not a TaskExecutionRole. ${SEPARATE_ROLES_WHY}`);
  }
  if (executionRole !== undefined && hasBrand(executionRole, 'TaskRole')) {
    invalid(path.of('existingExecutionRole'), executionRole.roleArn,
      'Expected a role for ECS to start the tasks, not a TaskRole: the app of the TaskRole\'s service could read this service\'s tunnel credential.');
  }
  if (taskRole === undefined || executionRole === undefined) {
    return;
  }
  const taskArn = taskRole.roleArn;
  const executionArn = executionRole.roleArn;
  if (taskRole === executionRole || (!isToken(taskArn) && !isToken(executionArn) && taskArn === executionArn)) {
    invalid(path.of('existingTaskRole'), taskArn, `Expected another role than ${path.of('existingExecutionRole')}. ${SEPARATE_ROLES_WHY}`);
  }
}

/**
 * The plan-time check that the task role and the execution role differ, when their ARNs are tokens that
 * may be equal (`requireSeparateRoles` compared the literal ones at synth).
 */
export function separateRolePreconditions(taskRole: IRole | undefined, executionRole: IRole | undefined): Precondition[] {
  if (taskRole === undefined || executionRole === undefined || (!isToken(taskRole.roleArn) && !isToken(executionRole.roleArn))) {
    return [];
  }
  return [{
    condition: Op.neq(taskRole.roleArn, executionRole.roleArn),
    errorMessage: 'existingTaskRole and existingExecutionRole (service.existingTaskRole and service.existingExecutionRole of a '
      + `ZeroTrustFargateService) are the same role (${taskRole.roleArn}). ${SEPARATE_ROLES_WHY}`,
  }];
}
