import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { Construct } from 'constructs';
import { validateAutoscalingOptions } from './internal/validate-autoscaling';
import { PropPath, wasChecked } from '../core/prop-path';

/**
 * Target-tracking autoscaling of the service's task count on average CPU and/or memory.
 * When neither target is set, CPU is tracked at 70%.
 */
export interface ServiceAutoscalingOptions {
  /** Fewest tasks (0 or more). Use 2 or more to keep tunnel failover across zones. */
  readonly minCapacity: number;

  /** Most tasks. At least `minCapacity`. */
  readonly maxCapacity: number;

  /**
   * Average CPU utilization (percent, 1-100) to keep the service at.
   *
   * @default 70 when `targetMemoryUtilizationPercent` is not set either, otherwise no CPU tracking
   */
  readonly targetCpuUtilizationPercent?: number;

  /**
   * Average memory utilization (percent, 1-100) to keep the service at.
   *
   * @default - no memory tracking
   */
  readonly targetMemoryUtilizationPercent?: number;

  /**
   * Seconds after a scale-in before the next scale-in.
   *
   * @default 300
   */
  readonly scaleInCooldownSeconds?: number;

  /**
   * Seconds after a scale-out before the next scale-out.
   *
   * @default 60
   */
  readonly scaleOutCooldownSeconds?: number;
}

/** Properties of a `ServiceAutoscaling`. */
export interface ServiceAutoscalingProps extends ServiceAutoscalingOptions {
  /** Name of the ECS cluster that runs the service. */
  readonly clusterName: string;

  /** Name of the ECS service to scale. */
  readonly serviceName: string;
}

const DEFAULT_CPU_TARGET = 70;

/**
 * An Application Auto Scaling target for an ECS service's desired count and
 * one target-tracking policy per metric.
 *
 * The service must ignore changes to `desired_count` (TunnelFargateService does
 * this), or each `terraform apply` resets the count that autoscaling chose.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { ServiceAutoscaling } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * // For an ECS service that ignores changes to its desired count.
 * new ServiceAutoscaling(stack, 'scaling', {
 *   clusterName: 'apps',
 *   serviceName: 'admin',
 *   minCapacity: 2,
 *   maxCapacity: 6,
 *   targetCpuUtilizationPercent: 60,
 * });
 */
export class ServiceAutoscaling extends Construct {
  /** The `aws_appautoscaling_target` resource. */
  public readonly target: AppautoscalingTarget;

  /**
   * The CPU target-tracking policy.
   *
   * @default - none when only memory is tracked
   */
  public readonly cpuPolicy?: AppautoscalingPolicy;

  /**
   * The memory target-tracking policy.
   *
   * @default - none when memory is not tracked
   */
  public readonly memoryPolicy?: AppautoscalingPolicy;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the ServiceAutoscaling, described by `ServiceAutoscalingProps`.
   */
  constructor(scope: Construct, id: string, props: ServiceAutoscalingProps) {
    super(scope, id);
    if (!wasChecked(props)) {
      validateAutoscalingOptions(props, PropPath.root());
    }

    this.target = new AppautoscalingTarget(this, 'target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.clusterName}/${props.serviceName}`,
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
    });

    const cpuTarget = props.targetCpuUtilizationPercent
      ?? (props.targetMemoryUtilizationPercent === undefined ? DEFAULT_CPU_TARGET : undefined);
    if (cpuTarget !== undefined) {
      this.cpuPolicy = this.trackingPolicy('cpu', 'ECSServiceAverageCPUUtilization', cpuTarget, props);
    }
    if (props.targetMemoryUtilizationPercent !== undefined) {
      this.memoryPolicy = this.trackingPolicy('memory', 'ECSServiceAverageMemoryUtilization', props.targetMemoryUtilizationPercent, props);
    }
  }

  private trackingPolicy(metric: string, metricType: string, targetValue: number, props: ServiceAutoscalingProps): AppautoscalingPolicy {
    return new AppautoscalingPolicy(this, `${metric}-policy`, {
      name: `${props.serviceName}-${metric}-target-tracking`,
      policyType: 'TargetTrackingScaling',
      serviceNamespace: this.target.serviceNamespace,
      scalableDimension: this.target.scalableDimension,
      resourceId: this.target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue,
        scaleInCooldown: props.scaleInCooldownSeconds ?? 300,
        scaleOutCooldown: props.scaleOutCooldownSeconds ?? 60,
        predefinedMetricSpecification: { predefinedMetricType: metricType },
      },
    });
  }
}

