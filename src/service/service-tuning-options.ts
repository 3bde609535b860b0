import { ServiceAutoscalingOptions } from './autoscaling';
import { CapacityProviderStrategy } from './capacity-provider-strategy';
import { TunnelTaskTuningOptions } from './task-options';

/**
 * The tuning of a tunnel service: its tasks, their number and capacity, their
 * logs and autoscaling. Shared by `TunnelFargateServiceProps` and the
 * pattern's `ZeroTrustServiceOptions`, and checked in one place.
 */
export interface TunnelServiceTuningOptions extends TunnelTaskTuningOptions {
  /**
   * Number of tasks (0-12). Each task opens its own tunnel connections; 2 or more
   * tasks (spread by ECS across the subnets' availability zones) keep the app
   * reachable when a task or a zone fails. With `autoscaling` this is only
   * the initial count; afterwards autoscaling owns it. At most 12: Cloudflare
   * accepts 25 `cloudflared` replicas per tunnel, and a rolling deploy runs old
   * and new tasks side by side (200%).
   *
   * @default - 1, or `autoscaling.minCapacity` when autoscaling is set
   */
  readonly desiredCount?: number;

  /**
   * Where the tasks run (on-demand Fargate, Fargate Spot or a mix). The cluster
   * must have these capacity providers associated.
   *
   * @default CapacityProviderStrategy.fargate()
   */
  readonly capacityProviderStrategy?: CapacityProviderStrategy;

  /**
   * Days to keep the containers' logs.
   *
   * @default 30
   */
  readonly logRetentionDays?: number;

  /**
   * Customer managed KMS key that encrypts the log group.
   *
   * @default - CloudWatch Logs' default encryption
   */
  readonly logKmsKeyArn?: string;

  /**
   * Target-tracking autoscaling of the task count. When set, Terraform ignores
   * changes to the service's `desired_count`, so that an apply does not undo
   * what autoscaling chose. `maxCapacity` is at most 12, like `desiredCount`.
   *
   * @default - a fixed `desiredCount`
   */
  readonly autoscaling?: ServiceAutoscalingOptions;
}
