import { Fn } from 'cdktf';
import { IAM_ROLE_ARN, requireArn } from '../core/arn';
import { invalid, isToken } from '../core/validation';

/**
 * An IAM role that ECS tasks assume: a `TaskRole` or `TaskExecutionRole` of this library, or a role
 * made elsewhere (`ExistingRole.fromArn`). Its trust policy must let `ecs-tasks.amazonaws.com` assume it.
 */
export interface IRole {
  /** ARN of the role. */
  readonly roleArn: string;

  /** Name of the role, without its path. Inline policies are attached by it. */
  readonly roleName: string;
}

/**
 * An IAM role created elsewhere, for `TunnelFargateServiceProps.existingTaskRole` or
 * `existingExecutionRole` (and the `existingRole` of `TaskRole` and `TaskExecutionRole`). No role is
 * created; the permissions the library needs are attached to it as an inline policy named after the
 * service (`<service name>-task`, `<service name>-task-execution`), so whoever deploys needs
 * `iam:PutRolePolicy` on it. It must be in the account Terraform deploys to (the plan fails otherwise),
 * and its trust policy must let `ecs-tasks.amazonaws.com` assume it. One role may not be both the task
 * role and the execution role of a service: the app could read the tunnel credential.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import {
 *   ContainerImage, ExistingCluster, ExistingNetwork, ExistingRole, TunnelCredentialParameter, TunnelFargateService,
 * } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 * declare const credential: TunnelCredentialParameter;
 *
 * new TunnelFargateService(stack, 'admin', {
 *   serviceName: 'admin',
 *   cluster: ExistingCluster.fromArn('arn:aws:ecs:eu-west-1:123456789012:cluster/apps'),
 *   network: new ExistingNetwork({ vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'] }),
 *   securityGroupIds: ['sg-0123456789abcdef0'],
 *   credential,
 *   app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
 *   existingTaskRole: ExistingRole.fromArn('arn:aws:iam::123456789012:role/admin-app'),
 * });
 */
export class ExistingRole implements IRole {
  /**
   * Refers to a role by ARN. The name is the ARN's last path segment, so no lookup is made.
   *
   * @param roleArn e.g. `arn:aws:iam::123456789012:role/admin-app` (a path before the name is allowed). Not a
   * service-linked role (`role/aws-service-role/...`); the name is 1 to 64 characters.
   */
  public static fromArn(roleArn: string): ExistingRole {
    requireArn('roleArn', roleArn, IAM_ROLE_ARN);
    if (isToken(roleArn)) {
      return new ExistingRole(roleArn, Fn.element(Fn.reverse(Fn.split('/', roleArn)), 0));
    }
    const [, ...segments] = roleArn.slice(roleArn.indexOf(':role/') + 1).split('/');
    const roleName = segments[segments.length - 1];
    if (segments.some((segment) => segment === '')) {
      invalid('roleArn', roleArn, 'Expected a role name after "role/" and its path, with no empty path segment, e.g. "arn:aws:iam::123456789012:role/team/app-task".');
    }
    if (roleName.length > 64) {
      invalid('roleArn', roleArn, 'Expected a role name of at most 64 characters: IAM allows no longer one.');
    }
    if (segments[0] === 'aws-service-role') {
      invalid('roleArn', roleArn, 'Expected a role you manage, not a service-linked role (role/aws-service-role/...): IAM refuses inline policies on those, and ECS tasks cannot assume them.');
    }
    return new ExistingRole(roleArn, roleName);
  }

  /** ARN of the role. */
  public readonly roleArn: string;

  /** Name of the role. */
  public readonly roleName: string;

  private constructor(roleArn: string, roleName: string) {
    this.roleArn = roleArn;
    this.roleName = roleName;
  }
}
