import { AccessApplicationLoginOptions, AccessCorsOptions, AccessPolicyOptions, AccessPolicyReference, AccessRule, IAccessApplication } from '../access';
import { AwsAlertTarget, CloudflareAlertTarget } from '../alerts';
import { ContainerInsights } from '../cluster';
import { CredentialEncryption, TunnelCredentialFormat } from '../credential';
import { EgressRule } from '../network';
import { TunnelServiceTuningOptions } from '../service';
import { TunnelOriginRequest } from '../tunnel';

/** Who may get through Cloudflare Access to the app, and how they log in. */
export interface ZeroTrustAccessOptions extends AccessApplicationLoginOptions {
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
   * Name of the Access application (shown in the App Launcher).
   *
   * @default - the service name
   */
  readonly applicationName?: string;

  /**
   * Reusable policies that exist already, attached by id with their declared
   * decision: `DENY` ones before every other policy, the others after those
   * of `allow` and `policies` (see `AccessApplicationProps.existingPolicies`).
   *
   * @default - none
   */
  readonly existingPolicies?: AccessPolicyReference[];

  /**
   * Paths of the hostname with policies of their own, e.g. `/api` for CI
   * with a service token or `/admin` for a smaller group. Each gets an Access
   * application of its own on `<hostname><path>` (Access has one set of
   * policies per application, and the application of the longest matching
   * path wins, without inheriting the hostname's policies). They share the
   * login settings above (identity providers, session duration, cookies, deny
   * page), scope their cookie to their path, stay out of the App Launcher,
   * and `cloudflared` accepts their tokens next to the hostname's.
   *
   * @default - one application for the whole hostname
   */
  readonly paths?: ZeroTrustAccessPathOptions[];

  /**
   * Put the app behind an Access application managed elsewhere (for example a
   * central team's `*.internal.example.com`) instead of creating one; see
   * `ExistingAccessApplication.fromAttributes`. Its domains must cover the
   * hostname, and its AUD tag is what `cloudflared` checks at the origin. The
   * other settings here configure the application this construct would
   * create, so only `paths` may come with it. Nothing in this stack can wait
   * for that application: it must cover the hostname before the first apply,
   * or the origin turns every request away until it does.
   *
   * @default - a new application for the hostname
   */
  readonly existingApplication?: IAccessApplication;
}

/** A path of the app's hostname with an Access application of its own. */
export interface ZeroTrustAccessPathOptions {
  /**
   * The path, starting with `/`, e.g. `/api`. The application covers it and
   * everything below it (`/api/v1/...`); a `*` wildcard is allowed as in
   * Access application paths.
   */
  readonly path: string;

  /**
   * Stable key of the path's application: lower-case letters, digits and
   * hyphens. It names the application's Terraform address, so the path can
   * change without replacing the application (which would give it a new AUD
   * tag).
   *
   * @default - made from the path, e.g. `api-v1` for `/api/v1`
   */
  readonly key?: string;

  /**
   * Name of the path's application.
   *
   * @default - the hostname's application name followed by the path
   */
  readonly applicationName?: string;

  /**
   * Shorthand for one allow policy of anyone matching one of these rules, as
   * `access.allow`.
   *
   * @default - only `policies`
   */
  readonly allow?: AccessRule[];

  /**
   * Full policies of the path's application, as `access.policies`; with more
   * than one, each but one needs a `key`.
   *
   * @default - only the `allow` shorthand
   */
  readonly policies?: AccessPolicyOptions[];

  /**
   * Existing reusable policies to attach, as `access.existingPolicies`.
   *
   * @default - none
   */
  readonly existingPolicies?: AccessPolicyReference[];

  /**
   * CORS for this path, as `access.cors`.
   *
   * @default - no CORS headers
   */
  readonly cors?: AccessCorsOptions;

  /**
   * A `401` for requests that fail this path's `NON_IDENTITY` policies, as
   * `access.serviceAuth401`.
   *
   * @default false
   */
  readonly serviceAuth401?: boolean;

  /**
   * Redirect for requests that fail this path's `NON_IDENTITY` policies, as
   * `access.customNonIdentityDenyUrl`.
   *
   * @default - Cloudflare's default answer
   */
  readonly customNonIdentityDenyUrl?: string;
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
   * `CredentialEncryption.awsManagedKey()` for what the cheaper
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
export interface ZeroTrustServiceOptions extends TunnelServiceTuningOptions {
  /**
   * Outbound rules of the tasks' security group (it never has inbound rules).
   *
   * @default - all outbound traffic
   */
  readonly egressRules?: EgressRule[];
}

/**
 * Alerts when the tunnel or the service is down, sent where you say. Give
 * `aws`, `cloudflare` or both; see `ServiceAlarms` and `TunnelHealthAlert`
 * for what each sends and costs.
 */
export interface ZeroTrustAlertOptions {
  /**
   * Where CloudWatch alarms and ECS events go.
   *
   * The alarms fire when no task is running (with Container Insights, also when
   * fewer tasks run than desired); the events report a deployment that rolled
   * back or a task that failed a health check.
   *
   * @default - no AWS alarms
   */
  readonly aws?: AwsAlertTarget;

  /**
   * Where Cloudflare's tunnel health notifications (degraded, down, healthy
   * again) go. The API token needs "Notifications: Edit".
   *
   * @default - no Cloudflare notification
   */
  readonly cloudflare?: CloudflareAlertTarget;

  /**
   * Minutes a task shortfall must last before an AWS alarm fires (1-60).
   *
   * @default 5
   */
  readonly alarmAfterMinutes?: number;
}
