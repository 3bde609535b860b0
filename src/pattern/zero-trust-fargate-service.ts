import { Token } from 'cdktf';
import { Construct } from 'constructs';
import {
  createPathApplications,
  hasOtherWayIn,
  hostnameApplicationSettings,
  validateAccessExtensions,
  rejectBypassPolicies,
} from './internal/access-applications';
import { createAlerts, validateAlerts } from './internal/alerts';
import { requireEdgeReachable } from './internal/edge-ip-version';
import {
  ZeroTrustAccessOptions, ZeroTrustAlertOptions, ZeroTrustClusterOptions, ZeroTrustCredentialOptions, ZeroTrustServiceOptions, ZeroTrustTunnelOptions,
} from './options';
import { AccessApplication, AccessDecision, IAccessApplication } from '../access';
import { checkClientSettings, checkLoginSettings } from '../access/application-checks';
import {
  checkPolicySet, checkPolicySetModel, checkPolicySetReferences, orderedPolicies, policyDecisions, requireSomeoneLetIn,
} from '../access/policy-set';
import { ServiceAlarms, TunnelHealthAlert } from '../alerts';
import { FargateCluster, ICluster } from '../cluster';
import { checkFargateClusterOptions } from '../cluster/fargate-cluster-check';
import { requireCloudflareId } from '../core/cloudflare-id';
import { childPath, childPathLabel, pathLabel } from '../core/default-name';
import { DNS_LABEL_FORM, isDnsLabel } from '../core/dns-label';
import { requireHostname, requireTeamName } from '../core/hostname';
import { prefixedOutputs, requireOutputPrefix, requirePrefixedOutputsFree } from '../core/outputs';
import { PHYSICAL_NAME_KIND, requirePhysicalNameFree } from '../core/physical-names';
import { handDownChecked, PropPath } from '../core/prop-path';
import { invalid, isToken, requireNonEmpty } from '../core/validation';
import { ITunnelCredential, TunnelCredentialFormat, TunnelCredentialParameter } from '../credential';
import { requireParameterName } from '../credential/parameter-name';
import { ITaskNetwork, PrivateNetwork, PrivateNetworkProps, TaskSecurityGroup } from '../network';
import { checkPrivateNetworkProps } from '../network/private-network-check';
import { checkEgressRules } from '../network/resolve-egress-rule';
import { AppContainerOptions, TunnelFargateService } from '../service';
import { checkServiceOptions } from '../service/service-options-check';
import { SERVICE_OUTPUT_IDS } from '../service/service-outputs';
import { CloudflareTunnel } from '../tunnel';
import { checkOriginRequest } from '../tunnel/origin-request-check';

/** Properties of a `ZeroTrustFargateService`. */
export interface ZeroTrustFargateServiceProps {
  /** Cloudflare account id (32 hex characters). */
  readonly cloudflareAccountId: string;

  /** Id of the Cloudflare zone that holds `hostname`. */
  readonly cloudflareZoneId: string;

  /**
   * Name of that zone (e.g. `example.com`); when given, `hostname` must be inside it.
   *
   * @default - not checked
   */
  readonly zoneName?: string;

  /** Public hostname of the app, e.g. `admin.example.com`. */
  readonly hostname: string;

  /** The app container: image, port and the rest. The tunnel forwards to `http://localhost:<port>`. */
  readonly app: AppContainerOptions;

  /** Who may get in through Cloudflare Access. */
  readonly access: ZeroTrustAccessOptions;

  /**
   * Base name of the tunnel, the ECS service and cluster, the VPC and the
   * Access application: lower-case letters, digits and hyphens, at most 63.
   * The ECS cluster and service names cannot change without replacing them,
   * so the default does not depend on the hostname.
   *
   * @default - from the construct path: `<stack id>-<construct id>` (lower-cased; a long path is shortened with a hash)
   */
  readonly name?: string;

  /**
   * Prefix of the Terraform output names. Without it the outputs are `url`, `tunnel_id`,
   * `access_application_aud`, `cluster_arn` and `security_group_id`, plus the service's
   * (`service_name`, `task_role_arn`, `log_group_name`, ... see `TunnelFargateServiceProps.outputPrefix`);
   * with `outputPrefix: 'admin'`, `admin_url` and so on. Needed when two services share a stack:
   * the second one without a prefix fails at synth. A literal: lower-case letters, digits and
   * underscores, starting with a letter.
   *
   * @default - no prefix: `terraform output url`
   */
  readonly outputPrefix?: string;

  /**
   * Zero Trust team name (the `<team>` of `<team>.cloudflareaccess.com`).
   * `cloudflared` uses it to check, at the origin, that every request carries
   * a valid Access token for this application: defence in depth if DNS or
   * Access at the edge is misconfigured.
   *
   * @default - read from the account (`auth_domain` of the
   * `cloudflare_zero_trust_organization` data source; the API token then
   * needs "Access: Organizations, Identity Providers, and Groups: Read")
   */
  readonly zeroTrustTeamName?: string;

  /**
   * Turn off the origin's Access token check. Only Cloudflare's edge then
   * enforces Access: if the Access application fails to apply, is deleted
   * or edited in the dashboard, or a zone rule rewrites the Host header, the
   * app is served to anyone with no login at all. Leave it off unless the app
   * must be reached through the tunnel without Access.
   *
   * @default false
   */
  readonly dangerouslyDisableOriginAccessCheck?: boolean;

  /**
   * Tuning of the tunnel (secret rotation, origin settings).
   *
   * @default - defaults of each setting
   */
  readonly tunnel?: ZeroTrustTunnelOptions;

  /**
   * Where the tunnel credential is stored in SSM.
   *
   * @default - the tunnel token in a SecureString encrypted with a KMS key
   * of its own that only the deployer and the service's task execution role
   * can use (`CredentialEncryption.dedicatedKey()`)
   */
  readonly credential?: ZeroTrustCredentialOptions;

  /**
   * Use this SSM parameter instead of creating one. You are then responsible
   * for writing the tunnel token (see `tunnel.tunnelToken`) into it.
   *
   * @default - a new SecureString holding the token
   */
  readonly existingCredential?: ITunnelCredential;

  /**
   * Settings of the new VPC.
   *
   * @default - 10.0.0.0/16 over two availability zones with one shared NAT gateway
   */
  readonly network?: PrivateNetworkProps;

  /**
   * Run in this VPC and these subnets instead of creating a network.
   *
   * @default - a new `PrivateNetwork`
   */
  readonly existingNetwork?: ITaskNetwork;

  /**
   * Settings of the new ECS cluster.
   *
   * @default - a cluster named like the service with FARGATE and FARGATE_SPOT
   */
  readonly cluster?: ZeroTrustClusterOptions;

  /**
   * Run in this ECS cluster instead of creating one. It must offer the
   * capacity providers of `service.capacityProviderStrategy`.
   *
   * @default - a new `FargateCluster`
   */
  readonly existingCluster?: ICluster;

  /**
   * Tuning of the task and the ECS service.
   *
   * @default - 0.25 vCPU / 512 MiB, one task on FARGATE
   */
  readonly service?: ZeroTrustServiceOptions;

  /**
   * Alerts when the tunnel or the service is down: CloudWatch alarms and ECS
   * events to an SNS topic (`alerts.aws`), and Cloudflare's tunnel health
   * notification (`alerts.cloudflare`). See docs/operations.md for what they
   * watch and cost.
   *
   * @default - no alerts
   */
  readonly alerts?: ZeroTrustAlertOptions;
}

/**
 * A private web app on ECS Fargate, reachable only through Cloudflare Access
 * and a Cloudflare Tunnel: no inbound port, no VPN.
 *
 * Creates the Access application and policies, the tunnel with its ingress
 * rule (hostname to the app's port on localhost) and DNS record, the tunnel
 * token in an SSM SecureString, the network, the cluster and the service whose
 * tasks run the app and the `cloudflared` sidecar. Each part can be replaced by
 * your own (network, cluster, parameter, images) or tuned through nested props.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessRule, ContainerImage, ZeroTrustFargateService } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack; // with the AWS, Cloudflare and random providers
 *
 * new ZeroTrustFargateService(stack, 'admin', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
 *   hostname: 'admin.example.com',
 *   app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
 *   access: { allow: [AccessRule.emailDomain('example.com')] },
 *   service: { desiredCount: 2 },
 * });
 */
export class ZeroTrustFargateService extends Construct {
  /** Base name used for the tunnel, service, cluster and application. */
  public readonly name: string;

  /** Public hostname of the app. */
  public readonly hostname: string;

  /**
   * The Access application created for the hostname. Undefined when
   * `access.existingApplication` is given (see `hostnameAccessApplication`).
   */
  public readonly accessApplication?: AccessApplication;

  /**
   * The Access application in front of the hostname: the one created here,
   * or `access.existingApplication`. `cloudflared` checks its AUD tag.
   */
  public readonly hostnameAccessApplication: IAccessApplication;

  /** The Access applications of `access.paths`, in their order. */
  public readonly pathAccessApplications: AccessApplication[];

  /** The tunnel, its ingress configuration and DNS record. */
  public readonly tunnel: CloudflareTunnel;

  /** The SSM parameter that holds the tunnel credential. */
  public readonly credential: ITunnelCredential;

  /** The VPC and subnets the tasks run in. */
  public readonly network: ITaskNetwork;

  /** The tasks' security group (no inbound rule). */
  public readonly securityGroup: TaskSecurityGroup;

  /** The ECS cluster. */
  public readonly cluster: ICluster;

  /** The ECS service with its task definition, roles and log group. */
  public readonly service: TunnelFargateService;

  /**
   * The CloudWatch alarms and ECS event rules of `alerts.aws`.
   *
   * @default - none without `alerts.aws`
   */
  public readonly serviceAlarms?: ServiceAlarms;

  /**
   * Cloudflare's tunnel health notification of `alerts.cloudflare`.
   *
   * @default - none without `alerts.cloudflare`
   */
  public readonly tunnelHealthAlert?: TunnelHealthAlert;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the ZeroTrustFargateService, described by `ZeroTrustFargateServiceProps`.
   */
  constructor(scope: Construct, id: string, props: ZeroTrustFargateServiceProps) {
    // Every prop is checked before this construct joins the tree: bad input leaves nothing behind.
    super(scope, checkedId(scope, id, props));
    this.name = props.name ?? pathLabel(this);
    this.hostname = props.hostname;

    // The access options were checked with the props, under the names the user wrote.
    this.accessApplication = props.access.existingApplication !== undefined ? undefined
      : new AccessApplication(this, 'access', handDownChecked({
        cloudflareAccountId: props.cloudflareAccountId,
        name: props.access.applicationName ?? this.name,
        domains: [props.hostname],
        policies: orderedPolicies(props.access, this.name),
        sessionDuration: props.access.sessionDuration,
        appLauncherVisible: props.access.appLauncherVisible,
        logoUrl: props.access.logoUrl,
        allowedIdentityProviderIds: props.access.allowedIdentityProviderIds,
        autoRedirectToIdentity: props.access.autoRedirectToIdentity,
        ...hostnameApplicationSettings(props.access),
      }));
    this.hostnameAccessApplication = props.access.existingApplication ?? this.accessApplication!;
    this.pathAccessApplications = createPathApplications(this, {
      cloudflareAccountId: props.cloudflareAccountId,
      hostname: props.hostname,
      applicationName: props.access.applicationName ?? this.name,
      access: props.access,
      hostnameApplication: this.accessApplication,
    });

    this.tunnel = new CloudflareTunnel(this, 'tunnel', handDownChecked({
      cloudflareAccountId: props.cloudflareAccountId,
      cloudflareZoneId: props.cloudflareZoneId,
      zoneName: props.zoneName,
      name: this.name,
      secretRotationKey: props.tunnel?.secretRotationKey,
      zeroTrustTeamName: props.zeroTrustTeamName,
      ingress: [{
        hostname: props.hostname,
        // Containers of an awsvpc task share one network namespace. A number token must become a
        // string token, or the template would print its placeholder value.
        service: `http://localhost:${isToken(props.app.port) ? Token.asString(props.app.port) : props.app.port}`,
        originRequest: props.tunnel?.originRequest,
        // The origin checks this application's tokens, and the route waits for it and its policies.
        accessApplication: this.hostnameAccessApplication,
        pathAccessApplications: this.pathAccessApplications.length > 0 ? this.pathAccessApplications : undefined,
        dangerouslyDisableOriginAccessCheck: props.dangerouslyDisableOriginAccessCheck,
      }],
    }));

    const format = props.credential?.format ?? TunnelCredentialFormat.TOKEN;
    this.credential = props.existingCredential ?? new TunnelCredentialParameter(this, 'credential', handDownChecked({
      value: format === TunnelCredentialFormat.TOKEN ? this.tunnel.tunnelToken : this.tunnel.credentialsJson,
      format,
      name: props.credential?.parameterName,
      encryption: props.credential?.encryption,
      // Not the hostname: SSM rewrites the value (a new version, so a new deployment) for a new description.
      description: `Cloudflare Tunnel ${format === TunnelCredentialFormat.TOKEN ? 'token' : 'credentials JSON'} of ${this.name}`,
    }));

    this.network = props.existingNetwork ?? new PrivateNetwork(this, 'network', handDownChecked({ name: this.name, ...props.network }));
    this.securityGroup = new TaskSecurityGroup(this, 'security-group', handDownChecked({
      vpcId: this.network.vpcId,
      egressRules: props.service?.egressRules,
    }));

    this.cluster = props.existingCluster ?? new FargateCluster(this, 'cluster', handDownChecked({
      name: props.cluster?.name ?? this.name,
      containerInsights: props.cluster?.containerInsights,
    }));

    const { egressRules: _egressRules, ...serviceOptions } = props.service ?? {};
    // The service options and the app were checked with the props, under the names the user wrote
    // (the service's own options under `service.`).
    this.service = new TunnelFargateService(this, 'service', handDownChecked({
      ...serviceOptions,
      serviceName: this.name,
      outputPrefix: props.outputPrefix,
      // The service waits for what the cluster lists in serviceDependencies (a FargateCluster's
      // capacity providers) when the cluster is made in this stack, whether created here or passed in.
      cluster: this.cluster,
      network: this.network,
      securityGroupIds: [this.securityGroup.securityGroupId],
      credential: this.credential,
      tunnelId: this.tunnel.tunnelId,
      app: props.app,
    }, PropPath.root().child('service')));

    const alerts = createAlerts(this, props.alerts, {
      name: this.name, cloudflareAccountId: props.cloudflareAccountId, tunnel: this.tunnel, service: this.service, cluster: this.cluster,
    });
    this.serviceAlarms = alerts.serviceAlarms;
    this.tunnelHealthAlert = alerts.tunnelHealthAlert;

    const outputs: Record<OutputId, [string, string]> = {
      'url': [`https://${props.hostname}`, `URL of ${this.name}, behind Cloudflare Access`],
      'tunnel-id': [this.tunnel.tunnelId, `Cloudflare Tunnel id of ${this.name}`],
      'access-application-aud': [this.hostnameAccessApplication.aud,
        `AUD tag of the Access application of ${this.name}, for apps that verify Access tokens`],
      'cluster-arn': [this.cluster.clusterArn, `ARN of the ECS cluster that runs ${this.name}`],
      'security-group-id': [this.securityGroup.securityGroupId, `Security group of the ${this.name} tasks (no inbound rules)`],
    };
    prefixedOutputs(this, props.outputPrefix, OUTPUT_IDS.map((output) => [output, ...outputs[output]]));
  }
}


/** The outputs this construct writes itself, after its service's. */
const OUTPUT_IDS = ['url', 'tunnel-id', 'access-application-aud', 'cluster-arn', 'security-group-id'] as const;
type OutputId = typeof OUTPUT_IDS[number];

/**
 * Checks the props of a `ZeroTrustFargateService` that is to be `id` under
 * `scope`, and that the names and outputs it will take are free, and returns `id`.
 */
function checkedId(scope: Construct, id: string, props: ZeroTrustFargateServiceProps): string {
  const name = props?.name ?? childPathLabel(scope, id);
  validateProps(scope, props, name);
  requireNamesFree(scope, childPath(scope, id), props, name);
  return id;
}

/**
 * The names of the stack this construct's parts will take, and its outputs,
 * must be free: checked here, under the props the user wrote, since the parts
 * only check them as they are made.
 */
function requireNamesFree(scope: Construct, path: string, props: ZeroTrustFargateServiceProps, name: string): void {
  if (props.access.existingApplication === undefined) {
    requirePhysicalNameFree(scope, PHYSICAL_NAME_KIND.accessApplicationDomain, props.hostname, 'hostname', `${path}/access`);
  }
  requirePhysicalNameFree(scope, PHYSICAL_NAME_KIND.tunnel, name, 'name', `${path}/tunnel`);
  requirePhysicalNameFree(scope, PHYSICAL_NAME_KIND.dnsRecord(props.cloudflareZoneId), props.hostname, 'hostname', `${path}/tunnel`);
  if (props.existingCredential === undefined) {
    requirePhysicalNameFree(scope, PHYSICAL_NAME_KIND.ssmParameter, props.credential?.parameterName, 'credential.parameterName', `${path}/credential`);
  }
  if (props.existingCluster === undefined) {
    requirePhysicalNameFree(scope, PHYSICAL_NAME_KIND.ecsCluster, props.cluster?.name ?? name,
      props.cluster?.name === undefined ? 'name' : 'cluster.name', `${path}/cluster`);
  }
  requirePhysicalNameFree(scope, PHYSICAL_NAME_KIND.ecsService, name, 'name', `${path}/service`);
  requirePrefixedOutputsFree(scope, props.outputPrefix, SERVICE_OUTPUT_IDS, `${path}/service`);
  requirePrefixedOutputsFree(scope, props.outputPrefix, OUTPUT_IDS, path);
}

function validateProps(scope: Construct, props: ZeroTrustFargateServiceProps, name: string): void {
  requireCloudflareId('cloudflareAccountId', props.cloudflareAccountId);
  requireCloudflareId('cloudflareZoneId', props.cloudflareZoneId);
  if (props.zoneName !== undefined) {
    requireHostname('zoneName', props.zoneName, undefined, 'example.com');
  }
  requireHostname('hostname', props.hostname, props.zoneName);
  requireOutputPrefix('outputPrefix', props.outputPrefix);
  if (props.app === undefined || props.app === null) {
    invalid('app', props.app, 'Expected the app container: { image, port }.');
  }
  if (props.app.port === undefined || props.app.port === null) {
    invalid('app.port', props.app.port, 'Expected the port the app listens on, 1 to 65535: the tunnel forwards to http://localhost:<port>.');
  }
  if (props.access === undefined || props.access === null) {
    invalid('access', props.access, 'Expected who may get in: { allow: [...] } or { policies: [...] }.');
  }
  const applicationName: unknown = props.access.applicationName;
  if (applicationName !== undefined && !isToken(applicationName) && (typeof applicationName !== 'string' || applicationName.trim() === '')) {
    invalid('access.applicationName', props.access.applicationName, 'Expected a non-empty name, or leave it unset to use the service name.');
  }
  if (!isToken(name) && !isDnsLabel(name)) {
    invalid('name', name, `${DNS_LABEL_FORM}.`);
  }
  const policies = orderedPolicies(props.access, name);
  if (policies.length === 0 && !hasOtherWayIn(props.access)) {
    invalid('access', props.access, 'Give at least one rule in access.allow or one policy in access.policies; without a policy nobody can get in.');
  }
  if (props.existingNetwork !== undefined && props.network !== undefined) {
    invalid('network', props.network, 'Give either network (settings of a new VPC) or existingNetwork, not both.');
  }
  // From plain JavaScript, an ARN, an id or ExistingNetwork's props can come where the object belongs: named as written.
  if (props.existingNetwork !== undefined && (!isObject(props.existingNetwork) || !Array.isArray(props.existingNetwork.taskSubnetIds))) {
    invalid('existingNetwork', props.existingNetwork, 'Expected new ExistingNetwork({ vpcId, subnetIds }), another service\'s network or another ITaskNetwork.');
  }
  if (props.existingNetwork !== undefined) {
    // As ExistingNetwork takes them; the service would find none to run its tasks in.
    requireNonEmpty('existingNetwork.subnetIds', props.existingNetwork.taskSubnetIds);
  }
  if (props.existingCluster !== undefined && (!isObject(props.existingCluster) || typeof props.existingCluster.clusterArn !== 'string')) {
    invalid('existingCluster', props.existingCluster,
      'Expected ExistingCluster.fromArn(...), ExistingCluster.fromName(...), another service\'s cluster or another ICluster.');
  }
  if (props.existingCredential !== undefined && (!isObject(props.existingCredential) || typeof props.existingCredential.parameterArn !== 'string'
    || typeof props.existingCredential.grantDecrypt !== 'function')) {
    invalid('existingCredential', props.existingCredential,
      'Expected TunnelCredentialParameter.fromExisting({ parameterArn, parameterName }), a TunnelCredentialParameter or another ITunnelCredential.');
  }
  if (props.existingCluster !== undefined && props.cluster !== undefined) {
    invalid('cluster', props.cluster, 'Give either cluster (settings of a new cluster) or existingCluster, not both.');
  }
  if (props.existingCredential !== undefined && props.credential !== undefined) {
    invalid('credential', props.credential, 'Give either credential (settings of a new parameter) or existingCredential, not both.');
  }
  if (props.tunnel?.originRequest?.access !== undefined) {
    invalid('tunnel.originRequest.access', props.tunnel.originRequest.access,
      'Leave it out: the origin already checks the tokens of the Access application this construct creates (team name from zeroTrustTeamName or the account).');
  }
  if (props.zeroTrustTeamName !== undefined) {
    requireTeamName('zeroTrustTeamName', props.zeroTrustTeamName);
  }
  validateAccess(scope, props.access, name);
  validateAccessExtensions(scope, props.access, props.hostname, props.access.applicationName ?? name);
  if (props.dangerouslyDisableOriginAccessCheck !== true) {
    rejectBypassPolicies(props.access);
  }
  validateAlerts(props.alerts, props.existingCluster);
  requireEdgeReachable(props.service?.sidecar?.edgeIpVersion, props.existingNetwork, props.service?.egressRules);
  // The options of each part, by the part's own checks, in the order the parts are made.
  if (props.tunnel?.originRequest !== undefined) {
    checkOriginRequest(props.tunnel.originRequest, 'tunnel.originRequest');
  }
  if (props.credential?.parameterName !== undefined) {
    requireParameterName('credential.parameterName', props.credential.parameterName);
  }
  checkPrivateNetworkProps(props.network ?? {}, PropPath.root().child('network'));
  checkEgressRules(props.service?.egressRules, PropPath.root().child('service'));
  checkFargateClusterOptions(props.cluster ?? {}, PropPath.root().child('cluster'));
  checkServiceOptions(props.service ?? {}, props.app, PropPath.root().child('service'));
}

/**
 * Checks `access` in the words the user wrote (`access.allow[i]`,
 * `access.policies[j]`, `access.sessionDuration`) before anything is created:
 * the policies before they are merged and reordered, who gets in as the Access
 * model sees the merged list, and the settings of the application made here.
 */
function validateAccess(scope: Construct, access: ZeroTrustAccessOptions, name: string): void {
  // The shorthand policy is named after the service (`<name> allow`), whatever the application is called.
  const path = PropPath.root().child('access');
  checkPolicySet(access, path, name);
  checkPolicySetReferences(access, path);
  checkPolicySetModel(scope, access, path);
  if (access.existingApplication === undefined) {
    checkLoginSettings(access, path);
    const policies = orderedPolicies(access, name);
    requireSomeoneLetIn(path.of('policies'), policies, access.existingPolicies ?? []);
    checkClientSettings(access, path, policyDecisions(policies, access.existingPolicies ?? []).includes(AccessDecision.NON_IDENTITY));
  }
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
