import { ITerraformDependable } from 'cdktf';
import { ContainerInsights } from './container-insights';

/** An ECS cluster to run a service in, new or existing. */
export interface ICluster {
  /** Name of the cluster. */
  readonly clusterName: string;

  /** ARN of the cluster. The ECS service refers to it, and IAM conditions can scope to it. */
  readonly clusterArn: string;

  /**
   * What an ECS service on this cluster must wait for: for a `FargateCluster`, the
   * `aws_ecs_cluster_capacity_providers` resource, since a service with a capacity provider strategy
   * fails until the cluster offers the providers (and must be removed before them).
   * `TunnelFargateService` adds those in its own stack to the service's `depends_on`; Terraform cannot
   * depend on a resource of another stack, which is deployed first anyway.
   *
   * @default - nothing to wait for (a cluster managed elsewhere)
   */
  readonly serviceDependencies?: ITerraformDependable[];

  /**
   * The Container Insights level of the cluster, when known. The alarm on running tasks below the
   * desired count needs Container Insights, so `ServiceAlarms` of the pattern adds it only when this
   * is `ENABLED` or `ENHANCED`.
   *
   * @default - unknown, treated as `ContainerInsights.DISABLED`
   */
  readonly containerInsights?: ContainerInsights;
}
