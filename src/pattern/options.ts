import { AccessPolicyOptions, AccessRule } from '../access';
import { ContainerInsights } from '../cluster';
import { CredentialEncryption, TunnelCredentialFormat } from '../credential';
import { EgressRule } from '../network';
import { CloudflaredSidecarOptions, CapacityProviderStrategy, CpuArchitecture, ServiceAutoscalingOptions } from '../service';
import { TunnelOriginRequest } from '../tunnel';

/** Who may get through Cloudflare Access to the app, and how they log in. */
export interface ZeroTrustAccessOptions {
  /**
   * Shorthand for one allow policy that lets in anyone matching any of these
   * rules (e.g. `AccessRule.emails([...])`, `AccessRule.emailDomain(...)`).
   * It is attached after the `DENY` policies of `policies` and before the
   * others; its Terraform address (key `allow`) never changes with the
   * hostname or name. Rules that let in everyone (`everyone()`, IP ranges
   * covering a whole address family, `anyValidServiceToken()`) need a full
   * policy in `policies` with its opt-in.
   *
   * @default - only `policies`
   */
  readonly allow?: AccessRule[];

  /**
   * Full Access policies. `DENY` policies are attached first (Access stops
   * at the first `ALLOW` or `DENY` that matches), then the `allow` shorthand,
   * then the other policies in this order. With more than one, each but one
   * needs a `key`. At least one policy that lets someone in must exist in all.
   *
   * @default - only the `allow` shorthand
   */
  readonly policies?: AccessPolicyOptions[];

  /**
   * Identity providers users may log in with (e.g. `idp.identityProviderId`
   * of an `AccessIdentityProvider`).
   *
   * @default - every identity provider of the account
   */
  readonly identityProviderIds?: string[];

  /**
   * Skip Cloudflare's login page and send users straight to the only
   * identity provider. Needs exactly one entry in `identityProviderIds`.
   *
   * @default false
   */
  readonly autoRedirectToIdentity?: boolean;

  /**
   * Name of the Access application (shown in the App Launcher).
   *
   * @default - the service name
   */
  readonly applicationName?: string;

  /**
   * How long a login lasts, as a Go duration such as `24h` or `30m`.
   *
   * @default '24h'
   */
  readonly sessionDuration?: string;

  /**
   * Show the app in the Cloudflare App Launcher.
   *
   * @default true
   */
  readonly appLauncherVisible?: boolean;

  /**
   * Logo of the app in the App Launcher.
   *
   * @default - Cloudflare's default logo
   */
  readonly logoUrl?: string;
}

/** Tuning of the Cloudflare Tunnel in front of the app. */
export interface ZeroTrustTunnelOptions {
  /**
   * Change this value to rotate the tunnel secret (and so the tunnel token):
   * the next apply draws a new random secret, writes the new token to SSM and
   * starts a new deployment of the service, whose new tasks read it. After a
   * leak, also remove the tunnel's stale connections (see the README).
   *
   * @default - no rotation key; the secret stays as first generated
   */
  readonly secretRotationKey?: string;

  /**
   * Origin settings of the ingress rule (timeouts, host header...). The
   * origin's Access token check is always set from the Access application
   * this construct creates (see `dangerouslyDisableOriginAccessCheck`).
   *
   * @default - cloudflared's defaults
   */
  readonly originRequest?: TunnelOriginRequest;
}

/** Where the tunnel credential lives in SSM Parameter Store. */
export interface ZeroTrustCredentialOptions {
  /**
   * What the parameter holds: the tunnel token, or the credentials-file JSON.
   *
   * @default TunnelCredentialFormat.TOKEN
   */
  readonly format?: TunnelCredentialFormat;

  /**
   * Name of the SecureString parameter.
   *
   * @default - derived from the construct path
   */
  readonly parameterName?: string;

  /**
   * The KMS key that encrypts the parameter, which decides who can read the
   * credential. The default dedicated key lets only the deployer and the
   * service's task execution role decrypt it; see
   * {@link CredentialEncryption.awsManagedKey} for what the cheaper
   * AWS-managed key risks.
   *
   * @default CredentialEncryption.dedicatedKey()
   */
  readonly encryption?: CredentialEncryption;
}

/** Tuning of the new ECS cluster. */
export interface ZeroTrustClusterOptions {
  /**
   * Name of the cluster.
   *
   * @default - the service name
   */
  readonly name?: string;

  /**
   * CloudWatch Container Insights.
   *
   * @default ContainerInsights.DISABLED
   */
  readonly containerInsights?: ContainerInsights;
}

/** Tuning of the task and the ECS service. */
export interface ZeroTrustServiceOptions {
  /**
   * The `cloudflared` sidecar: image, start condition, log level, protocol.
   *
   * @default - the official image at the pinned version, started once the app has started
   */
  readonly sidecar?: CloudflaredSidecarOptions;

  /**
   * Task CPU units (256 = 0.25 vCPU), validated with `memory` against Fargate's size table.
   *
   * @default 256
   */
  readonly cpu?: number;

  /**
   * Task memory in MiB.
   *
   * @default 512
   */
  readonly memory?: number;

  /**
   * CPU architecture of the task; the images must be built for it.
   *
   * @default CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: CpuArchitecture;

  /**
   * Number of tasks; 2 or more spread over availability zones keep the tunnel
   * up when a task or a zone fails.
   *
   * @default 1
   */
  readonly desiredCount?: number;

  /**
   * On-demand Fargate, Fargate Spot or a mix.
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
   * Customer managed KMS key of the log group.
   *
   * @default - CloudWatch Logs' default encryption
   */
  readonly logKmsKeyArn?: string;

  /**
   * Target-tracking autoscaling of the task count.
   *
   * @default - a fixed `desiredCount`
   */
  readonly autoscaling?: ServiceAutoscalingOptions;

  /**
   * Allow `aws ecs execute-command` into the tasks.
   *
   * @default false
   */
  readonly enableExecuteCommand?: boolean;

  /**
   * Outbound rules of the tasks' security group (it never has inbound rules).
   *
   * @default - all outbound traffic
   */
  readonly egressRules?: EgressRule[];
}
