/** An ECS cluster to run a service in, new or existing. */
export interface ICluster {
  /** Name of the cluster. */
  readonly clusterName: string;

  /** ARN of the cluster. The ECS service refers to it, and IAM conditions can scope to it. */
  readonly clusterArn: string;
}
