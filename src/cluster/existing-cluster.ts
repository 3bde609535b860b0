import { DataAwsEcsCluster } from '@cdktf/provider-aws/lib/data-aws-ecs-cluster';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { ICluster } from './cluster';
import { clusterNameFromArn, requireClusterName } from './internal/cluster-name';
import { isToken } from '../core/validation';

/**
 * An ECS cluster created elsewhere. The service needs its ARN; tasks on it run
 * with whatever capacity providers that cluster has (FARGATE must be among them).
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessRule, ContainerImage, ExistingCluster, ZeroTrustFargateService } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * new ZeroTrustFargateService(stack, 'admin', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
 *   hostname: 'admin.example.com',
 *   app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
 *   access: { allow: [AccessRule.emailDomain('example.com')] },
 *   existingCluster: ExistingCluster.fromArn('arn:aws:ecs:eu-west-1:123456789012:cluster/apps'),
 * });
 */
export class ExistingCluster implements ICluster {
  /**
   * Refers to a cluster by ARN. The name is taken from the ARN, so no lookup is made.
   *
   * @param clusterArn e.g. `arn:aws:ecs:eu-west-1:123456789012:cluster/my-cluster`
   */
  public static fromArn(clusterArn: string): ExistingCluster {
    const clusterName = isToken(clusterArn)
      ? Fn.element(Fn.split('/', clusterArn), 1)
      : clusterNameFromArn('clusterArn', clusterArn);
    return new ExistingCluster(clusterName, clusterArn);
  }

  /**
   * Refers to a cluster by name. Its ARN is read at plan time with the
   * `aws_ecs_cluster` data source, so the plan fails if the cluster is missing.
   *
   * @param scope where to add the data source
   * @param id id of the data source
   * @param clusterName name of the cluster in the provider's region and account
   */
  public static fromName(scope: Construct, id: string, clusterName: string): ExistingCluster {
    requireClusterName('clusterName', clusterName);
    const cluster = new DataAwsEcsCluster(scope, id, { clusterName });
    return new ExistingCluster(clusterName, cluster.arn);
  }

  /** Name of the cluster. */
  public readonly clusterName: string;

  /** ARN of the cluster. */
  public readonly clusterArn: string;

  private constructor(clusterName: string, clusterArn: string) {
    this.clusterName = clusterName;
    this.clusterArn = clusterArn;
  }
}
