import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { Annotations, ITerraformDependable, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { IServiceAutoscaling } from './autoscaling';
import { CapacityProviderStrategy } from './capacity-provider-strategy';
import { ContainerSecret } from './container-secret';
import { TunnelServiceTuningOptions } from './service-tuning-options';
import { TunnelTaskOptions } from './task-options';
import { ICluster } from '../cluster';
import { checkServiceOptions } from './service-options-check';
import { SERVICE_OUTPUT_IDS, ServiceOutputId } from './service-outputs';
import { ITunnelTaskDefinition } from './task-definition';
import { prefixedOutputs, requireOutputPrefix } from '../core/outputs';
import { claimPhysicalName, PHYSICAL_NAME_KIND } from '../core/physical-names';
import { handDownChecked, pathOf, PropPath, wasChecked } from '../core/prop-path';
import { sameAccountPreconditions } from '../core/same-account';
import { invalid, isToken, requireNonEmpty } from '../core/validation';
import { TaskExecutionRole, TaskRole } from '../iam';
import { asServiceRole, separateRolePreconditions } from '../iam/existing-role-checks';
import { ILogGroup, ServiceLogGroup } from '../logs';
import { logGroupAccountPreconditions, logGroupRegion } from '../logs/existing-log-group-checks';
import { ITaskNetwork } from '../network';
import { ContainerSecretSource } from './internal/container-secret-source';
import { usesFargateSpot } from './internal/graceful-stop';
import { metricsAgentImage } from './internal/metrics-agent-container-definition';
import { ServiceAutoscaling } from './internal/service-autoscaling';
import { sidecarImage } from './internal/sidecar-container-definition';
import { DEPLOYMENT_MAXIMUM_PERCENT } from './internal/tunnel-replica-limit';
import { TunnelTaskDefinition } from './internal/tunnel-task-definition';
import { validateTunnelWiring } from './internal/validate-task-options';

/** Properties of a `TunnelFargateService`. */
export interface TunnelFargateServiceProps extends TunnelTaskOptions, TunnelServiceTuningOptions {
  /** Name of the ECS service. Also the default task definition family. */
  readonly serviceName: string;

  /**
   * The ECS cluster that runs the service: a `FargateCluster`, an `ExistingCluster`, or your own
   * `ICluster`. The service refers to its ARN, autoscaling and the outputs to its name, and the
   * service waits for its `serviceDependencies` that are in the same stack.
   */
  readonly cluster: ICluster;

  /**
   * Where the tasks run: a `PrivateNetwork`, an `ExistingNetwork`, or your own `ITaskNetwork`. The
   * service uses its `taskSubnetIds` (two or more availability zones let ECS spread the tasks) and
   * `assignPublicIp` (true only in public subnets without a NAT gateway; the tunnel never needs
   * inbound traffic).
   */
  readonly network: ITaskNetwork;

  /**
   * Prefix of this service's Terraform output names. Without it the outputs are `service_name`,
   * `cluster_name`, `task_definition_arn`, `task_definition_family`, `execution_role_arn`,
   * `task_role_arn`, `task_role_name`, `log_group_name` and `credential_parameter_name`; with
   * `outputPrefix: 'admin'`, `admin_service_name` and so on. Needed when two services share a
   * stack: the second one without a prefix fails at synth. A literal: lower-case letters, digits
   * and underscores, starting with a letter.
   *
   * @default - no prefix
   */
  readonly outputPrefix?: string;

  /**
   * Security groups of the tasks, in the VPC of `network` (e.g. a `TaskSecurityGroup`'s
   * `securityGroupId`). The tunnel is outbound only, so they need no ingress rules; egress must
   * allow the Cloudflare edge (TCP/UDP 7844) and HTTPS. Ids rather than a construct, so that groups
   * made elsewhere (shared with other services, or by another tool) fit as well as the library's.
   */
  readonly securityGroupIds: string[];

  /**
   * Fargate platform version: `LATEST` or a version such as `1.4.0`. ARM64 tasks (on Fargate and on
   * Fargate Spot), ECS Exec and `app.writablePaths` need 1.4.0 or later; an older version fails at synth.
   *
   * @default - LATEST
   */
  readonly platformVersion?: string;

  /**
   * Task definition family.
   *
   * @default - the service name
   */
  readonly family?: string;

  /**
   * Tags of the task definition and the service. ECS copies the task
   * definition's tags to each task.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * A private web app on ECS Fargate, published only through a Cloudflare Tunnel.
 *
 * Creates the log group, the task execution role (pull rights for the images'
 * ECR repositories, write rights on the log group, read rights on exactly the
 * tunnel credential and the app's secrets), the task role, the task definition
 * (app + `cloudflared` sidecar), the ECS service (no public IP by default,
 * deployment circuit breaker with rollback) and, on request, autoscaling. It
 * lets the execution role decrypt the credential (`credential.grantDecrypt`),
 * which for a dedicated key adds the role to the key policy.
 *
 * A log group, task role or execution role you already have can take the place of
 * the new one (`existingLogGroup`, `existingTaskRole`, `existingExecutionRole`); the
 * permissions the service needs are then attached to the existing roles.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import {
 *   ContainerImage, FargateCluster, PrivateNetwork, TaskSecurityGroup, TunnelCredentialParameter, TunnelFargateService,
 * } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 * declare const network: PrivateNetwork;
 * declare const cluster: FargateCluster;
 * declare const securityGroup: TaskSecurityGroup;
 * declare const credential: TunnelCredentialParameter;
 *
 * new TunnelFargateService(stack, 'admin', {
 *   cluster,
 *   network,
 *   serviceName: 'admin',
 *   securityGroupIds: [securityGroup.securityGroupId],
 *   credential,
 *   app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
 *   desiredCount: 2,
 * });
 */
export class TunnelFargateService extends Construct {
  /** The `aws_ecs_service` resource. */
  public readonly service: EcsService;

  /** Name of the ECS service. */
  public readonly serviceName: string;

  /** Name of the cluster that runs the service. */
  public readonly clusterName: string;

  /** The task definition with the app and the `cloudflared` sidecar. */
  public readonly taskDefinition: ITunnelTaskDefinition;

  /**
   * The role ECS uses to pull images, write logs and read the secrets. With `existingExecutionRole`,
   * it creates no role and attaches those permissions to the existing one.
   */
  public readonly executionRole: TaskExecutionRole;

  /**
   * The role the app runs with. Add the permissions the app needs to it. With `existingTaskRole`, it
   * creates no role and attaches what is added to the existing one.
   */
  public readonly taskRole: TaskRole;

  /** The log group of both containers: a new `ServiceLogGroup`, or `existingLogGroup`. */
  public readonly logGroup: ILogGroup;

  /**
   * The autoscaling target and policies.
   *
   * @default - none when `autoscaling` is not set
   */
  public readonly autoscaling?: IServiceAutoscaling;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the TunnelFargateService, described by `TunnelFargateServiceProps`.
   */
  constructor(scope: Construct, id: string, props: TunnelFargateServiceProps) {
    super(scope, id);
    validateServiceProps(props);
    if (!wasChecked(props)) {
      checkServiceOptions(props, props.app, PropPath.root());
    }
    claimPhysicalName(this, PHYSICAL_NAME_KIND.ecsService, props.serviceName, 'serviceName');
    warnWithoutOnDemandBase(this, props.capacityProviderStrategy);

    const secrets = Object.values(props.app.secrets ?? {});
    // Checked above, with the service's options.
    this.logGroup = props.existingLogGroup ?? new ServiceLogGroup(this, 'logs', handDownChecked({
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.logKmsKeyArn,
    }));
    // On an existing role, the inline policies are named after the service, and errors name the prop
    // the user gave the role as (`existingExecutionRole`, `service.existingExecutionRole` through the pattern).
    const path = pathOf(props);
    this.executionRole = new TaskExecutionRole(this, 'execution-role', asServiceRole({
      ecrRepositoryArns: defined([
        props.app.image.repositoryArn,
        sidecarImage(props).repositoryArn,
        props.sidecar?.metrics === undefined ? undefined : metricsAgentImage(props.sidecar.metrics).repositoryArn,
      ]),
      ecrPullThroughCacheRepositoryArns: defined([
        props.app.image,
        sidecarImage(props),
        props.sidecar?.metrics === undefined ? undefined : metricsAgentImage(props.sidecar.metrics),
      ].map((image) => (image?._pullsThroughCache ? image.repositoryArn : undefined))),
      logGroupArn: this.logGroup.logGroupArn,
      ssmParameterArns: defined([props.credential.parameterArn, ...secretArns(secrets, ContainerSecretSource.SSM_PARAMETER)]),
      secretsManagerSecretArns: secretArns(secrets, ContainerSecretSource.SECRETS_MANAGER),
      kmsKeyArns: defined([props.credential.kmsKeyArn, ...secrets.map((secret) => secret.kmsKeyArn)]),
      existingRole: props.existingExecutionRole,
    }, props.serviceName, path.of('existingExecutionRole')));
    this.executionRole._addPlanChecks([
      ...separateRolePreconditions(props.existingTaskRole, props.existingExecutionRole),
      // The task role gets an inline policy (with these checks) only when something is attached to it; the task
      // definition names it either way, so a role of another account or partition fails the plan here, not the apply.
      ...(props.existingTaskRole === undefined ? []
        : sameAccountPreconditions(this.executionRole, props.existingTaskRole.roleArn, 'The existing task role', true)),
      ...(props.existingLogGroup === undefined ? [] : logGroupAccountPreconditions(this.executionRole, props.existingLogGroup)),
    ]);
    // A dedicated key's policy names the roles that may decrypt the credential; this role is one.
    props.credential.grantDecrypt(this.executionRole.roleArn);
    this.taskRole = new TaskRole(this, 'task-role', asServiceRole(
      { enableExecuteCommand: props.enableExecuteCommand, existingRole: props.existingTaskRole }, props.serviceName, path.of('existingTaskRole')));
    if (props.sidecar?.metrics !== undefined) {
      // The metrics agent writes its EMF events into the service's log group (streams only, nothing else).
      this.taskRole.addPolicyStatement({
        sid: 'CloudflaredMetrics',
        actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        resources: [`${this.logGroup.logGroupArn}:*`],
      });
    }

    // Internal, with no check of its own: its props were checked above, with the service's.
    this.taskDefinition = new TunnelTaskDefinition(this, 'task-definition', {
      ...props,
      family: props.family ?? props.serviceName,
      executionRoleArn: this.executionRole.roleArn,
      taskRoleArn: this.taskRole.roleArn,
      logGroupName: this.logGroup.logGroupName,
      // awslogs writes to the existing group's region, which may differ from the provider's.
      logGroupRegion: props.existingLogGroup === undefined ? undefined : logGroupRegion(props.existingLogGroup),
    });

    const strategy = props.capacityProviderStrategy ?? CapacityProviderStrategy.fargate();
    this.service = new EcsService(this, 'service', {
      name: props.serviceName,
      cluster: props.cluster.clusterArn,
      taskDefinition: this.taskDefinition.taskDefinitionArn,
      desiredCount: props.desiredCount ?? props.autoscaling?.minCapacity ?? 1,
      capacityProviderStrategy: strategy.shares.map((share) => ({ ...share })),
      platformVersion: props.platformVersion,
      networkConfiguration: {
        subnets: props.network.taskSubnetIds,
        securityGroups: props.securityGroupIds,
        assignPublicIp: props.network.assignPublicIp ?? false,
      },
      // Each apply that changes the service starts a rolling deployment. The provider requires it to
      // change capacityProviderStrategy in place, and the triggers roll the tasks when the tunnel
      // credential is rewritten: ECS reads secrets only when a task starts.
      forceNewDeployment: true,
      triggers: props.credential.valueVersion === undefined ? undefined : { tunnel_credential_version: props.credential.valueVersion },
      // The apply ends when the new tasks are healthy, so what it removes afterwards (an old NAT
      // gateway, say) is no longer in use, and a rolled-back deployment fails the apply visibly.
      waitForSteadyState: true,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: DEPLOYMENT_MAXIMUM_PERCENT,
      propagateTags: 'TASK_DEFINITION',
      enableEcsManagedTags: true,
      enableExecuteCommand: props.enableExecuteCommand ?? false,
      tags: props.tags,
      // Autoscaling owns the task count; without this each apply would reset it.
      lifecycle: props.autoscaling !== undefined ? { ignoreChanges: ['desired_count'] } : undefined,
      // Tasks can read their secrets only once the role policies exist, and a capacity provider
      // strategy fails until the cluster offers the providers.
      dependsOn: [...resourcesIn(this.executionRole), ...resourcesIn(this.taskRole), ...inStackOf(this, props.cluster.serviceDependencies ?? [])],
    });
    this.serviceName = this.service.name;
    this.clusterName = props.cluster.clusterName;

    if (props.autoscaling !== undefined) {
      // Internal, with no check of its own: the options were checked above, with the service's.
      this.autoscaling = new ServiceAutoscaling(this, 'autoscaling', {
        ...props.autoscaling,
        clusterName: props.cluster.clusterName,
        serviceName: this.service.name,
      });
    }

    this.addOutputs(props);
  }

  private addOutputs(props: TunnelFargateServiceProps): void {
    const outputs: Record<ServiceOutputId, [string, string]> = {
      'service-name': [this.serviceName, 'Name of the ECS service'],
      'cluster-name': [this.clusterName, 'Name of the ECS cluster that runs the service'],
      'task-definition-arn': [this.taskDefinition.taskDefinitionArn, 'ARN (with revision) of the task definition'],
      'task-definition-family': [this.taskDefinition.family, 'Family of the task definition'],
      'execution-role-arn': [this.executionRole.roleArn, 'ARN of the task execution role'],
      'task-role-arn': [this.taskRole.roleArn, 'ARN of the task role'],
      'task-role-name': [this.taskRole.roleName, 'Name of the task role; attach the app\'s permissions to it'],
      'log-group-name': [this.logGroup.logGroupName, 'CloudWatch log group of the app and cloudflared containers'],
      'credential-parameter-name': [props.credential.parameterName, 'SSM parameter that holds the tunnel credential'],
    };
    prefixedOutputs(this, props.outputPrefix, SERVICE_OUTPUT_IDS.map((id) => [id, ...outputs[id]]));
  }
}

/**
 * Checks the props that wire the service to its cluster, network and tunnel,
 * before any resource is created; the tuning options are `checkServiceOptions`'s.
 */
function validateServiceProps(props: TunnelFargateServiceProps): void {
  // Earlier versions took clusterArn, clusterName and subnetIds; a caller from plain JavaScript may still pass those,
  // or an ARN, a name or an id where the object belongs, which would otherwise give a service without its cluster.
  if (!isObject(props.cluster) || typeof props.cluster.clusterArn !== 'string') {
    invalid('cluster', props.cluster, 'Expected the cluster that runs the service: a FargateCluster, ExistingCluster.fromArn(...) or another '
      + 'ICluster. It replaces the clusterArn and clusterName props of earlier versions.');
  }
  if (!isObject(props.network)) {
    invalid('network', props.network, 'Expected where the tasks run: a PrivateNetwork, an ExistingNetwork or another ITaskNetwork. '
      + 'It replaces the subnetIds and assignPublicIp props of earlier versions.');
  }
  if (!isObject(props.credential) || typeof props.credential.parameterArn !== 'string' || typeof props.credential.grantDecrypt !== 'function') {
    invalid('credential', props.credential, 'Expected the tunnel credential: a TunnelCredentialParameter, '
      + 'TunnelCredentialParameter.fromExisting(...) or another ITunnelCredential.');
  }
  requireServiceDependencies(props.cluster.serviceDependencies);
  requireOutputPrefix('outputPrefix', props.outputPrefix);
  if (!isToken(props.serviceName) && !SERVICE_NAME.test(props.serviceName)) {
    invalid('serviceName', props.serviceName, 'Expected 1-255 letters, digits, hyphens or underscores.');
  }
  // ECS allows the same characters in a task definition family as in a service name.
  if (props.family !== undefined && !isToken(props.family) && !SERVICE_NAME.test(props.family)) {
    invalid('family', props.family, 'Expected 1-255 letters, digits, hyphens or underscores.');
  }
  const tags: unknown = props.tags;
  if (tags !== undefined && !isToken(tags) && (!isObject(tags) || Array.isArray(tags)
    || Object.values(tags).some((value) => typeof value !== 'string'))) {
    invalid('tags', tags, 'Expected a map of tag names to text values, e.g. { team: "platform" }.');
  }
  requireIdList('network.taskSubnetIds', props.network.taskSubnetIds, 'Expected a list of subnet ids, e.g. ["subnet-0123456789abcdef0"].');
  if (typeof props.network.assignPublicIp !== 'boolean' && !isToken(props.network.assignPublicIp)) {
    invalid('network.assignPublicIp', props.network.assignPublicIp, 'Expected true or false.');
  }
  requireIdList('securityGroupIds', props.securityGroupIds, 'Expected a list of security group ids, e.g. [securityGroup.securityGroupId].');
  validateTunnelWiring(props);
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** Fails unless `ids` is a list token or a non-empty list; each id is AWS's to check. */
function requireIdList(property: string, ids: string[], allowed: string): void {
  if (isToken(ids)) {
    return;
  }
  if (!Array.isArray(ids)) {
    invalid(property, ids, allowed);
  }
  requireNonEmpty(property, ids);
}

/**
 * Each of a cluster's `serviceDependencies` must be a resource (or other dependable) of a stack: anything
 * else would fail deep in cdktf, or be dropped from `depends_on` without a word.
 */
function requireServiceDependencies(dependencies: ITerraformDependable[] | undefined): void {
  if (dependencies === undefined) {
    return;
  }
  if (!Array.isArray(dependencies)) {
    invalid('cluster.serviceDependencies', dependencies, 'Expected a list of Terraform resources for the service to depend on.');
  }
  dependencies.forEach((dependency, i) => {
    const property = `cluster.serviceDependencies[${i}]`;
    if (dependency === null || typeof dependency !== 'object' || typeof (dependency as { fqn?: unknown }).fqn !== 'string') {
      invalid(property, dependency, 'Expected a Terraform resource (or other construct with an fqn) for the service to depend on, not a string or token.');
    }
    if (Construct.isConstruct(dependency) && !inAnyStack(dependency)) {
      invalid(property, dependency.node.path, 'Expected a resource in a TerraformStack: Terraform can only depend on what a stack declares.');
    }
  });
}

function inAnyStack(construct: Construct): boolean {
  try {
    TerraformStack.of(construct);
    return true;
  } catch {
    return false;
  }
}

/**
 * Warns when every task may run on Fargate Spot: one reclaim can stop all of them, and the app is
 * down until ECS finds capacity for new ones. Legal, so a warning; the strategy's
 * `acceptNoOnDemandBase` silences it.
 */
function warnWithoutOnDemandBase(scope: Construct, strategy: CapacityProviderStrategy | undefined): void {
  if (strategy === undefined || strategy._acceptsNoOnDemandBase || !usesFargateSpot(strategy)) {
    return;
  }
  const onDemandBase = strategy.shares
    .filter((share) => share.capacityProvider !== 'FARGATE_SPOT')
    .some((share) => share.base !== undefined && (!isToken(share.base) ? share.base > 0 : true));
  if (onDemandBase) {
    return;
  }
  Annotations.of(scope).addWarning(
    'capacityProviderStrategy has no on-demand base: every task may run on Fargate Spot, and one Spot reclaim can stop '
    + 'all of them (and the tunnel) at once; the app is then down until ECS places new tasks. Keep at least one task on '
    + 'demand with CapacityProviderStrategy.mixed({ fargateBase: 1, fargateWeight: 1, fargateSpotWeight: 3 }), or, if such '
    + 'outages are acceptable, say so with acceptNoOnDemandBase: true (fargateSpot({ acceptNoOnDemandBase: true }) or '
    + 'mixed({ ..., acceptNoOnDemandBase: true })).');
}

function secretArns(secrets: ContainerSecret[], source: ContainerSecretSource): string[] {
  return secrets.filter((secret) => secret._source === source).map((secret) => secret._resourceArn);
}

/** Drops undefined values; TaskExecutionRole removes repeats itself. */
function defined(values: Array<string | undefined>): string[] {
  return values.filter((value): value is string => value !== undefined);
}

/**
 * Every Terraform resource inside a construct, for `depends_on`. cdktf's symbol check, not `instanceof`:
 * resources made by a second copy of cdktf (an app on CDK Terrain through an npm alias) count too.
 */
function resourcesIn(construct: Construct): TerraformResource[] {
  return construct.node.findAll().filter((child): child is TerraformResource => TerraformResource.isTerraformResource(child));
}

/**
 * The dependables in the stack of `scope`: Terraform cannot depend on a resource of another stack
 * (which cdktf deploys first anyway). One that is no construct cannot be placed, so it is kept.
 */
function inStackOf(scope: Construct, dependables: ITerraformDependable[]): ITerraformDependable[] {
  const stack = TerraformStack.of(scope);
  return dependables.filter((dependable) => !Construct.isConstruct(dependable) || TerraformStack.of(dependable) === stack);
}
