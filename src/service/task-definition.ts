import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { CloudflaredLogLevel } from './cloudflared-sidecar';
import { renderAppContainer } from './internal/app-container-definition';
import { defaultMemory } from './internal/fargate-size';
import { stopTimes } from './internal/graceful-stop';
import { imageExistsChecks } from './internal/image-exists-check';
import { metricsAgentImage, renderMetricsAgentContainer } from './internal/metrics-agent-container-definition';
import { renderSidecarContainer, sidecarImage } from './internal/sidecar-container-definition';
import { CLOUDFLARED_CONTAINER_NAME, DEFAULT_APP_CONTAINER_NAME, DEFAULT_CPU } from './internal/task-defaults';
import { validateTaskOptions, validateTunnelWiring } from './internal/validate-task-options';
import { CpuArchitecture, TunnelTaskOptions } from './task-options';
import { jsonencode } from '../core/jsonencode';
import { PropPath, wasChecked } from '../core/prop-path';
import { isToken } from '../core/validation';

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
 *
 * @example
 * import {TerraformStack} from 'cdktf';
 * import {
 *   ContainerImage, ServiceLogGroup, TaskExecutionRole, TaskRole, TunnelCredentialParameter, TunnelTaskDefinition,
 * } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 * declare const logs: ServiceLogGroup;
 * declare const executionRole: TaskExecutionRole;
 * declare const taskRole: TaskRole;
 * declare const credential: TunnelCredentialParameter;
 *
 * new TunnelTaskDefinition(stack, 'task', {
 *   family: 'admin',
 *   executionRoleArn: executionRole.roleArn,
 *   taskRoleArn: taskRole.roleArn,
 *   logGroupName: logs.logGroupName,
 *   credential,
 *   app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
 *   cpu: 512,
 * });
 */
export class TunnelTaskDefinition extends Construct {
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
  public readonly _containerDefinitions: { [key: string]: any }[];

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the TunnelTaskDefinition, described by `TunnelTaskDefinitionProps`.
   */
  constructor(scope: Construct, id: string, props: TunnelTaskDefinitionProps) {
    super(scope, id);
    if (!wasChecked(props)) { // else checked by the service that made it, under the names its user wrote
      validateTunnelWiring(props);
      validateTaskOptions(props, PropPath.root(), PropPath.root().child('app'));
    }

    const cpu = props.cpu ?? DEFAULT_CPU;
    const cpuArchitecture = props.cpuArchitecture ?? CpuArchitecture.X86_64;
    props = withBoundImages(this, props, cpuArchitecture);
    const region = new DataAwsRegion(this, 'region');
    const logs = { logGroupName: props.logGroupName, region: region.region };
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
