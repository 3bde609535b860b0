import { Fn, Token } from 'cdktf';
import { IAM_ROLE_ARN, requireArn } from '../core/arn';

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
 * created; the permissions the library needs are attached to it as an inline policy, so whoever
 * deploys needs `iam:PutRolePolicy` on it. Its trust policy must let `ecs-tasks.amazonaws.com` assume it.
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
   * @param roleArn e.g. `arn:aws:iam::123456789012:role/admin-app` (a path before the name is allowed)
   */
  public static fromArn(roleArn: string): ExistingRole {
    requireArn('roleArn', roleArn, IAM_ROLE_ARN);
    const roleName = Token.isUnresolved(roleArn)
      ? Fn.element(Fn.reverse(Fn.split('/', roleArn)), 0)
      : roleArn.slice(roleArn.lastIndexOf('/') + 1);
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
