import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';

/**
 * The task definition of a `TunnelFargateService`: the app container and the `cloudflared` sidecar
 * that connects it to the tunnel (and, with `sidecar.metrics`, the CloudWatch agent). Only the service
 * creates it, as it wires the sidecar, the tunnel credential, the roles and the log group into it; the
 * roles and the log group can be your own (`existingTaskRole`, `existingExecutionRole`, `existingLogGroup`).
 */
export interface ITunnelTaskDefinition {
  /** The underlying `aws_ecs_task_definition` resource. */
  readonly resource: EcsTaskDefinition;

  /** ARN of the task definition, including the revision. */
  readonly taskDefinitionArn: string;

  /** The task definition family. */
  readonly family: string;

  /** Name of the app container. */
  readonly appContainerName: string;

  /** Name of the sidecar container: always `cloudflared`. */
  readonly sidecarContainerName: string;

  /** The port the app listens on. `cloudflared` reaches it at `http://localhost:<appPort>`. */
  readonly appPort: number;
}
