import { ZeroTrustAccessApplication } from '@cdktf/provider-cloudflare/lib/zero-trust-access-application';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { AccessDecision } from './decision';
import { AccessPolicy, AccessPolicyOptions } from './policy';
import { checkOpenIpRangesAcrossPolicies, checkPolicyOptions, requirePolicyKeys, UNKEYED_POLICY_KEY } from './policy-checks';
import { DEFAULT_SESSION_DURATION, requireApplicationDomain, requireLiteralList, requireHttpsUrl, requireSessionDuration, requireText } from './validation';
import { requireCloudflareId } from '../core/cloudflare-id';
import { invalid, requireNonEmpty, requireUnique } from '../core/validation';

/** Properties of an {@link AccessApplication}. */
export interface AccessApplicationProps {
  /** The Cloudflare account that owns the application and its policies. */
  readonly accountId: string;

  /** Name of the application, shown in the Zero Trust dashboard and App Launcher. */
  readonly name: string;

  /**
   * Hostnames Access protects, e.g. the tunnel's public hostname. Each may
   * start with a `*.` wildcard label and end with a path
   * (`app.example.com/admin`). The first one is the primary domain shown in
   * the App Launcher.
   */
  readonly domains: string[];

  /**
   * Who gets in, in order: the first policy gets precedence 1, the next 2,
   * and so on. Access evaluates `BYPASS` and `NON_IDENTITY` policies first,
   * then `ALLOW` and `DENY` in precedence order, and stops at the first
   * match; so a `DENY` placed after an `ALLOW` could never stop anyone that
   * `ALLOW` lets in, and is rejected. At least one policy must let someone
   * in (any decision but `DENY`). Each is created as a reusable
   * account-level policy whose Terraform address comes from its `key`.
   */
  readonly policies: AccessPolicyOptions[];

  /**
   * How long a login lasts before Access asks again, as a Go duration
   * (`30m`, `8h`, `2h45m`), at most `730h` (the dashboard's "1 month").
   * Every policy of the application gets this duration too, unless it sets
   * its own: Cloudflare uses a policy's session duration over the
   * application's.
   *
   * @default '24h'
   */
  readonly sessionDuration?: string;

  /**
   * Whether the application shows as a tile in the user's App Launcher.
   *
   * @default true
   */
  readonly appLauncherVisible?: boolean;

  /**
   * An https:// URL of the logo shown on the App Launcher tile.
   *
   * @default Cloudflare's generic icon
   */
  readonly logoUrl?: string;

  /**
   * Identity providers offered on the login page, by id (e.g.
   * `idp.identityProviderId`).
   *
   * @default every identity provider configured in the account
   */
  readonly allowedIdentityProviderIds?: string[];

  /**
   * Skip the identity provider choice and send people straight to the only
   * allowed provider. Requires exactly one entry in `allowedIdentityProviderIds`.
   *
   * @default false
   */
  readonly autoRedirectToIdentity?: boolean;
}

/**
 * A self-hosted Cloudflare Access application
 * (`cloudflare_zero_trust_access_application`) in front of one or more
 * hostnames, with its policies.
 *
 * Only requests that pass a policy reach the hostname, e.g. the Cloudflare
 * Tunnel in front of a private app. The application's {@link aud} tag lets
 * `cloudflared` check Access tokens again at the origin.
 */
export class AccessApplication extends Construct {
  /** The application's id. */
  public readonly applicationId: string;

  /**
   * The application's audience (AUD) tag: the `aud` claim of the Access
   * tokens it issues. Give the application itself to a tunnel ingress rule's
   * `accessApplication` and `cloudflared` rejects requests without a valid
   * token for it. It changes when the application is replaced.
   */
  public readonly aud: string;

  /** The protected hostnames, primary first. */
  public readonly domains: string[];

  /** The policies created for the application, in precedence order. */
  public readonly policies: AccessPolicy[];

  /** The underlying Terraform resource. */
  public readonly application: ZeroTrustAccessApplication;

  constructor(scope: Construct, id: string, props: AccessApplicationProps) {
    super(scope, id);
    validate(props);

    this.domains = [...props.domains];
    const sessionDuration = props.sessionDuration ?? DEFAULT_SESSION_DURATION;
    this.policies = props.policies.map((options) => new AccessPolicy(this, policyKey(options), {
      ...options,
      accountId: props.accountId,
      sessionDuration: options.sessionDuration ?? sessionDuration,
    }));
    this.application = new ZeroTrustAccessApplication(this, 'Resource', {
      accountId: props.accountId,
      name: props.name,
      type: 'self_hosted',
      // `domain` is the primary hostname; `destinations` lists them all
      // (it supersedes the deprecated `self_hosted_domains`).
      domain: this.domains[0],
      destinations: this.domains.map((uri) => ({ type: 'public', uri })),
      sessionDuration,
      appLauncherVisible: props.appLauncherVisible ?? true,
      logoUrl: props.logoUrl,
      allowedIdps: props.allowedIdentityProviderIds,
      autoRedirectToIdentity: props.autoRedirectToIdentity ?? false,
      policies: this.policies.map((policy, i) => ({ id: policy.policyId, precedence: i + 1 })),
    });
    this.applicationId = this.application.id;
    this.aud = this.application.aud;
  }
}

/** Checks every property, and every policy, before anything is created. */
function validate(props: AccessApplicationProps): void {
  requireCloudflareId('accountId', props.accountId);
  requireText('name', props.name);

  requireLiteralList('domains', props.domains);
  if (!Array.isArray(props.domains)) {
    invalid('domains', props.domains, 'Expected a list of hostnames.');
  }
  requireNonEmpty('domains', props.domains);
  props.domains.forEach((domain, i) => requireApplicationDomain(`domains[${i}]`, domain));
  requireUnique('domains', props.domains);

  if (props.sessionDuration !== undefined) {
    requireSessionDuration('sessionDuration', props.sessionDuration);
  }
  if (props.logoUrl !== undefined) {
    requireHttpsUrl('logoUrl', props.logoUrl);
  }
  const idps = props.allowedIdentityProviderIds;
  if (idps !== undefined && !Token.isUnresolved(idps)) {
    idps.forEach((idp, i) => requireText(`allowedIdentityProviderIds[${i}]`, idp));
    requireUnique('allowedIdentityProviderIds', idps);
  }
  if (props.autoRedirectToIdentity === true && !Token.isUnresolved(idps) && idps?.length !== 1) {
    invalid('autoRedirectToIdentity', true,
      `Needs exactly one entry in allowedIdentityProviderIds (the provider to redirect to), but there are ${idps?.length ?? 0}.`);
  }

  const policies = props.policies;
  if (!Array.isArray(policies) || policies.length === 0) {
    invalid('policies', policies, 'Expected at least one policy: an application without policies lets nobody in.');
  }
  policies.forEach((options, i) => {
    checkPolicyOptions(`policies[${i}].`, options);
  });
  requirePolicyKeys('policies', policies);
  requireUnique('policies[].name', policies, (options) => options.name);
  requireDenyBeforeAllow(policies);
  checkOpenIpRangesAcrossPolicies('policies', policies);
  if (policies.every((options) => (options.decision ?? AccessDecision.ALLOW) === AccessDecision.DENY)) {
    invalid('policies', policies.map((options) => options.name),
      'Expected at least one policy that lets someone in (decision ALLOW, NON_IDENTITY or BYPASS): with only DENY policies the application locks everyone out.');
  }
}

/**
 * Access stops at the first ALLOW or DENY policy that matches, in precedence
 * order: a DENY after an ALLOW never stops anyone that ALLOW lets in.
 */
function requireDenyBeforeAllow(policies: AccessPolicyOptions[]): void {
  const firstAllow = policies.findIndex((options) => (options.decision ?? AccessDecision.ALLOW) === AccessDecision.ALLOW);
  policies.forEach((options, i) => {
    if (firstAllow >= 0 && i > firstAllow && options.decision === AccessDecision.DENY) {
      invalid(`policies[${i}].decision`, options.decision,
        `DENY policy ${JSON.stringify(options.name)} comes after ALLOW policy ${JSON.stringify(policies[firstAllow].name)} `
        + `(policies[${firstAllow}]); Access stops at the first match, so it could never stop anyone that policy lets in. `
        + 'Put DENY policies before every ALLOW policy.');
    }
  });
}

/**
 * Construct id (and so Terraform address) of a policy: its key, else the one
 * reserved key of the policy without one. Never its name or position, so
 * renaming or moving a policy updates it in place.
 */
function policyKey(options: AccessPolicyOptions): string {
  return options.key ?? UNKEYED_POLICY_KEY; // at most one policy goes without a key
}
