import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ICluster } from './cluster';
import { ContainerInsights } from './container-insights';
import { FargateCapacityProvider } from './fargate-capacity-provider';
import { checkFargateClusterOptions } from './fargate-cluster-check';
import { claimPhysicalName, PHYSICAL_NAME_KIND } from '../core/physical-names';
import { PropPath, wasChecked } from '../core/prop-path';

/** Properties of a `FargateCluster`. */
export interface FargateClusterProps {
  /** Name of the cluster: 1 to 255 letters, digits, hyphens and underscores. Changing it replaces the cluster. */
  readonly name: string;

  /**
   * CloudWatch Container Insights level. Always written to the cluster, so an
   * account-wide default does not decide it silently.
   *
   * @default ContainerInsights.DISABLED
   */
  readonly containerInsights?: ContainerInsights;

  /**
   * Capacity provider for services that name none. Both FARGATE and
   * FARGATE_SPOT are attached either way; a service can pick its own strategy.
   *
   * @default FargateCapacityProvider.FARGATE
   */
  readonly defaultCapacityProvider?: FargateCapacityProvider;

  /**
   * Tags for the cluster.
   *
   * @default none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A new ECS cluster for Fargate tasks, with the FARGATE and FARGATE_SPOT
 * capacity providers attached (`aws_ecs_cluster_capacity_providers`).
 *
 * A service that uses a capacity provider strategy should depend on
 * `capacityProviders` (listed in `serviceDependencies`), so Terraform attaches
 * the providers first and removes the service before them.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { ContainerInsights, FargateCapacityProvider, FargateCluster } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const cluster = new FargateCluster(stack, 'cluster', {
 *   name: 'apps',
 *   containerInsights: ContainerInsights.ENABLED,
 *   defaultCapacityProvider: FargateCapacityProvider.FARGATE_SPOT,
 * });
 */
export class FargateCluster extends Construct implements ICluster {
  /** Name of the cluster. */
  public readonly clusterName: string;

  /** ARN of the cluster. */
  public readonly clusterArn: string;

  /** The `aws_ecs_cluster` resource. */
  public readonly cluster: EcsCluster;

  /** The `aws_ecs_cluster_capacity_providers` resource. */
  public readonly capacityProviders: EcsClusterCapacityProviders;

  /**
   * The Container Insights level of the cluster (alarms on running tasks below desired need it).
   * Always set for a `FargateCluster`; optional only because it is optional in `ICluster`.
   *
   * @default ContainerInsights.DISABLED
   */
  public readonly containerInsights?: ContainerInsights;

  /**
   * The `capacityProviders` resource: a service on this cluster waits for it
   * (`TunnelFargateService` does so when it is in the same stack). Always set for a
   * `FargateCluster`; optional only because it is optional in `ICluster`.
   *
   * @default - the capacity providers
   */
  public readonly serviceDependencies?: ITerraformDependable[];

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the FargateCluster, described by `FargateClusterProps`.
   */
  constructor(scope: Construct, id: string, props: FargateClusterProps) {
    super(scope, id);

    const containerInsights = props.containerInsights ?? ContainerInsights.DISABLED;
    const defaultProvider = props.defaultCapacityProvider ?? FargateCapacityProvider.FARGATE;
    if (!wasChecked(props)) {
      checkFargateClusterOptions(props, PropPath.root());
    }
    claimPhysicalName(this, PHYSICAL_NAME_KIND.ecsCluster, props.name, 'name');

    this.cluster = new EcsCluster(this, 'cluster', {
      name: props.name,
      setting: [{ name: 'containerInsights', value: containerInsights }],
      tags: props.tags,
    });
    this.capacityProviders = new EcsClusterCapacityProviders(this, 'capacity-providers', {
      clusterName: this.cluster.name,
      capacityProviders: [FargateCapacityProvider.FARGATE, FargateCapacityProvider.FARGATE_SPOT],
      defaultCapacityProviderStrategy: [{ capacityProvider: defaultProvider, weight: 1 }],
    });
    this.clusterName = this.cluster.name;
    this.clusterArn = this.cluster.arn;
    this.containerInsights = containerInsights;
    this.serviceDependencies = [this.capacityProviders];
  }
}
