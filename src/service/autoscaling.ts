import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';

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

/**
 * The autoscaling of a `TunnelFargateService` (its `autoscaling` option): the scalable target of the
 * service's desired count and one target-tracking policy per metric. Only the service creates it:
 * Application Auto Scaling allows one scalable target per service, and the service ignores changes to
 * its desired count exactly when it has one.
 */
export interface IServiceAutoscaling {
  /** The `aws_appautoscaling_target` resource. */
  readonly target: AppautoscalingTarget;

  /**
   * The CPU target-tracking policy.
   *
   * @default - none when only memory is tracked
   */
  readonly cpuPolicy?: AppautoscalingPolicy;

  /**
   * The memory target-tracking policy.
   *
   * @default - none when memory is not tracked
   */
  readonly memoryPolicy?: AppautoscalingPolicy;
}
