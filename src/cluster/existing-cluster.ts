import { DataAwsEcsCluster } from '@cdktf/provider-aws/lib/data-aws-ecs-cluster';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ICluster } from './cluster';
import { clusterNameFromArn, requireClusterName } from './cluster-name';

/**
 * An ECS cluster created elsewhere. The service needs its ARN; tasks on it run
 * with whatever capacity providers that cluster has (FARGATE must be among them).
 */
export class ExistingCluster implements ICluster {
  /**
   * Refers to a cluster by ARN; the name is taken from the ARN, so no lookup is made.
   *
   * @param clusterArn e.g. `arn:aws:ecs:eu-west-1:123456789012:cluster/my-cluster`
   */
  public static fromArn(clusterArn: string): ExistingCluster {
    const clusterName = Token.isUnresolved(clusterArn)
      ? Fn.element(Fn.split('/', clusterArn), 1)
      : clusterNameFromArn('clusterArn', clusterArn);
    return new ExistingCluster(clusterName, clusterArn);
  }

  /**
   * Refers to a cluster by name; its ARN is read at plan time with the
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
