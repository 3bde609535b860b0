import { ServiceAutoscalingOptions } from './autoscaling';
import { CapacityProviderStrategy } from './capacity-provider-strategy';
import { TunnelTaskTuningOptions } from './task-options';
import { IRole } from '../iam/existing-role';
import { ILogGroup } from '../logs/service-log-group';

/**
 * The tuning of a tunnel service: its tasks, their number and capacity, their
 * logs, their roles and autoscaling. Shared by `TunnelFargateServiceProps` and the
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

  /**
   * Write the containers' logs to this log group (`ExistingLogGroup.fromArn`) instead of creating one;
   * not with `logRetentionDays` or `logKmsKeyArn`. The execution role may write its log streams, as with
   * a new one. It must be in the account Terraform deploys to (the plan fails otherwise); it may be in
   * another region, which the containers then log to.
   *
   * @default - a new log group
   */
  readonly existingLogGroup?: ILogGroup;

  /**
   * Run the app with this role (`ExistingRole.fromArn`) instead of creating one. What the service needs
   * on it (ECS Exec channels with `enableExecuteCommand`, log streams with `sidecar.metrics`) is attached
   * as an inline policy named `<serviceName>-task`, and so is what you add with
   * `taskRole.addPolicyStatement()`; what you attach with `taskRole.addManagedPolicyArn()` is detached
   * from the role on destroy, even if someone else attached it too. Not the execution role (nor a
   * `TaskExecutionRole`): the app could read the tunnel credential. It must be in the account Terraform
   * deploys to (the plan fails otherwise).
   *
   * @default - a new role with no permissions
   */
  readonly existingTaskRole?: IRole;

  /**
   * Let ECS start the tasks with this role (`ExistingRole.fromArn`) instead of creating one. The
   * permissions the tasks need to start (pull the images, write the logs, read and decrypt the tunnel
   * credential and the app's secrets) are attached to it as an inline policy named
   * `<serviceName>-task-execution`, and a dedicated credential key lets it decrypt, as for a new role.
   * Every task that runs with this role can then read this service's tunnel credential: share it only
   * with tasks you trust with it. Not the task role (nor a `TaskRole`). It must be in the account
   * Terraform deploys to (the plan fails otherwise).
   *
   * @default - a new role with exactly those permissions
   */
  readonly existingExecutionRole?: IRole;
}
