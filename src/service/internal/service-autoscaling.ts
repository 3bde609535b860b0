/**
 * Target-tracking autoscaling of a tunnel service's task count. Internal: not part of the public API;
 * `TunnelFargateService` creates it for its `autoscaling` option and exposes it as an `IServiceAutoscaling`.
 *
 * Internal because an existing one cannot be accepted: Application Auto Scaling allows one scalable
 * target per service, and the service must ignore changes to its desired count exactly when it has one.
 * To scale a service your own way, leave `autoscaling` out and register its `clusterName` and
 * `serviceName` yourself (then `terraform apply` resets the count you scaled to).
 */
import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { Construct } from 'constructs';
import { IServiceAutoscaling, ServiceAutoscalingOptions } from '../autoscaling';

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
 */
export class ServiceAutoscaling extends Construct implements IServiceAutoscaling {
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
    super(scope, id); // its props were checked by the service, under the names its user wrote

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

