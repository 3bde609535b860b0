/**
 * The Fargate task definition of a tunnel service: the app container and the `cloudflared` sidecar.
 * Internal: not part of the public API; `TunnelFargateService` creates it and exposes it as an
 * `ITunnelTaskDefinition`.
 *
 * Internal because a task definition made elsewhere cannot be accepted in its place: the service wires
 * the sidecar, the tunnel credential, the roles and the log group into it. Those parts can be the
 * user's own (`existingTaskRole`, `existingExecutionRole`, `existingLogGroup` of the service), which
 * was the reason to build this task definition on its own.
 */
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { CloudflaredLogLevel } from '../cloudflared-sidecar';
import { renderAppContainer } from './app-container-definition';
import { defaultMemory } from './fargate-size';
import { stopTimes } from './graceful-stop';
import { imageExistsChecks } from './image-exists-check';
import { metricsAgentImage, renderMetricsAgentContainer } from './metrics-agent-container-definition';
import { renderSidecarContainer, sidecarImage } from './sidecar-container-definition';
import { CLOUDFLARED_CONTAINER_NAME, DEFAULT_APP_CONTAINER_NAME, DEFAULT_CPU } from './task-defaults';
import { jsonencode } from '../../core/jsonencode';
import { isToken } from '../../core/validation';
import { ITunnelTaskDefinition } from '../task-definition';
import { CpuArchitecture, TunnelTaskOptions } from '../task-options';

/** Properties of a `TunnelTaskDefinition`. */
export interface TunnelTaskDefinitionProps extends TunnelTaskOptions {
  /** Task definition family, the name that each change adds a revision to. */
  readonly family: string;

  /** ARN of the role ECS uses to pull images, write logs and read the secrets. */
  readonly executionRoleArn: string;

  /** ARN of the role the app's code runs with. */
  readonly taskRoleArn: string;

  /** CloudWatch log group that both containers log to. */
  readonly logGroupName: string;

  /**
   * Region of the log group, when it may differ from the provider's (an existing log group).
   *
   * @default - the provider's region
   */
  readonly logGroupRegion?: string;

  /**
   * Tags of the task definition (the service propagates them to its tasks).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A Fargate task definition with the app container and the `cloudflared`
 * sidecar that connects it to a Cloudflare Tunnel.
 *
 * The sidecar runs as non-root user 65532 on a read-only root filesystem,
 * receives the tunnel credential only through ECS `secrets`, has a shell-less
 * health check, and starts after the app (START, or HEALTHY on request).
 * ECS stops it before the app: it drains open requests for its grace period
 * while the app, whose stop timeout is longer, still serves them.
 * Both containers log to one CloudWatch log group (stream prefixes `app` and `cloudflared`).
 * With `sidecar.metrics`, a third, non-essential container (the CloudWatch
 * agent) ships cloudflared's metrics; the task role must then be allowed
 * `logs:CreateLogStream`, `logs:DescribeLogStreams` and `logs:PutLogEvents` on the
 * log group (`TunnelFargateService` grants this).
 */
export class TunnelTaskDefinition extends Construct implements ITunnelTaskDefinition {
  /** The underlying `aws_ecs_task_definition` resource. */
  public readonly resource: EcsTaskDefinition;

  /** ARN of the task definition, including the revision. */
  public readonly taskDefinitionArn: string;

  /** The task definition family. */
  public readonly family: string;

  /** Name of the app container. */
  public readonly appContainerName: string;

  /** Name of the sidecar container: always `cloudflared`. */
  public readonly sidecarContainerName: string;

  /** The port the app listens on. `cloudflared` reaches it at `http://localhost:<appPort>`. */
  public readonly appPort: number;

  /**
   * The container definitions as objects (camelCase, as in the ECS API), before JSON encoding.
   * @internal
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form ECS container definitions, JSON-encoded as they are
  public readonly _containerDefinitions: { [key: string]: any }[];

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the TunnelTaskDefinition, described by `TunnelTaskDefinitionProps`.
   */
  constructor(scope: Construct, id: string, props: TunnelTaskDefinitionProps) {
    super(scope, id); // its props were checked by the service, under the names its user wrote

    const cpu = props.cpu ?? DEFAULT_CPU;
    const cpuArchitecture = props.cpuArchitecture ?? CpuArchitecture.X86_64;
    props = withBoundImages(this, props, cpuArchitecture);
    const region = props.logGroupRegion ?? new DataAwsRegion(this, 'region').region;
    const logs = { logGroupName: props.logGroupName, region };
    const app = renderAppContainer(props.app, props.enableExecuteCommand ?? false, logs, stopTimes(props).appStopTimeoutSeconds);
    this.appContainerName = props.app.name ?? DEFAULT_APP_CONTAINER_NAME;
    this.sidecarContainerName = CLOUDFLARED_CONTAINER_NAME;
    this.appPort = props.app.port;
    this._containerDefinitions = [app.definition, renderSidecarContainer(props, this.appContainerName, logs)];
    if (props.sidecar?.metrics !== undefined) {
      this._containerDefinitions.push(renderMetricsAgentContainer(props.sidecar.metrics, props.family, logs));
    }
    if (props.sidecar?.logLevel === CloudflaredLogLevel.DEBUG) {
      Annotations.of(this).addWarning(
        'sidecar.logLevel is CloudflaredLogLevel.DEBUG: cloudflared then logs every request\'s headers, including '
        + 'Cloudflare Access tokens (Cf-Access-Jwt-Assertion) and session cookies, into the CloudWatch log group; anyone '
        + 'who can read those logs can replay them. Use it only to debug, briefly, and set it back to INFO.');
    }

    // The plan fails while an ECR image is missing from its repository (see image-exists-check.ts).
    const imageChecks = imageExistsChecks(this, [
      ['app-image', 'app.image', props.app.image],
      ['sidecar-image', 'sidecar.image', sidecarImage(props)],
      ['metrics-agent-image', 'sidecar.metrics.agentImage', props.sidecar?.metrics === undefined ? undefined : metricsAgentImage(props.sidecar.metrics)],
    ]);

    this.resource = new EcsTaskDefinition(this, 'resource', {
      family: props.family,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: numberAsString(cpu),
      memory: numberAsString(props.memory ?? defaultMemory(cpu)),
      runtimePlatform: {
        operatingSystemFamily: 'LINUX',
        cpuArchitecture,
      },
      executionRoleArn: props.executionRoleArn,
      taskRoleArn: props.taskRoleArn,
      // jsonencode keeps every kind of token (strings, numbers, lists) valid inside the JSON.
      containerDefinitions: jsonencode(this._containerDefinitions),
      volume: app.volumes.length > 0 ? app.volumes : undefined,
      tags: props.tags,
      dependsOn: imageChecks.length > 0 ? imageChecks : undefined,
    });
    this.taskDefinitionArn = this.resource.arn;
    this.family = this.resource.family;
  }
}

/**
 * The props with each image bound to this task definition: an image built from sources
 * (`ContainerImage.fromDockerBuild`) is built and pushed here, for the task's platform, and the
 * container runs it pinned to the pushed digest.
 */
function withBoundImages(scope: Construct, props: TunnelTaskDefinitionProps, cpuArchitecture: string): TunnelTaskDefinitionProps {
  const metrics = props.sidecar?.metrics;
  return {
    ...props,
    app: { ...props.app, image: props.app.image._bind(scope, 'app-image', cpuArchitecture) },
    sidecar: {
      ...props.sidecar,
      image: sidecarImage(props)._bind(scope, 'sidecar-image', cpuArchitecture),
      metrics: metrics === undefined ? undefined : { ...metrics, agentImage: metricsAgentImage(metrics)._bind(scope, 'metrics-agent-image', cpuArchitecture) },
    },
  };
}

/** The provider wants strings for cpu/memory; a number token must stay a token. */
function numberAsString(value: number): string {
  return isToken(value) ? Token.asString(value) : String(value);
}
