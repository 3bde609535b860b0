import { DataCloudflareZeroTrustAccessPolicy } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zero-trust-access-policy';
import { ZeroTrustAccessApplication } from '@cdktf/provider-cloudflare/lib/zero-trust-access-application';
import { Fn, Op, Precondition, TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import { checkClientSettings, checkLoginSettings, checkPolicyReferences, toCookieAttributes, toCorsHeaders } from './application-checks';
import { AccessCookieSettings, AccessCorsOptions } from './application-settings';
import { AccessDecision } from './decision';
import { IAccessApplication } from './existing-application';
import { checkApplication, checkPolicy, GuardEntry, policyEntry, referenceEntry } from './internal/construct-model';
import { checkPolicyOptions, requirePolicyKeys, UNKEYED_POLICY_KEY } from './internal/policy-checks';
import { DEFAULT_SESSION_DURATION, requireApplicationDomains } from './internal/value-checks';
import { AccessPolicy, AccessPolicyOptions } from './policy';
import { AccessPolicyReference } from './policy-reference';
import { policyDecisions, requireSomeoneLetIn } from './policy-set';
import { brand } from '../core/brand';
import { requireCloudflareId } from '../core/cloudflare-id';
import { noteInOutput } from '../core/output-notes';
import { claimPhysicalName, PHYSICAL_NAME_KIND } from '../core/physical-names';
import { handDownChecked, PropPath, wasChecked } from '../core/prop-path';
import { invalid, isToken, requireText, requireUnique } from '../core/validation';

/**
 * How an Access application answers browsers and clients: CORS, cookies and
 * what people and machines that are refused get. Shared by
 * `AccessApplicationProps` and the pattern's `access` options.
 */
export interface AccessApplicationClientOptions {
  /**
   * Let Access answer browsers' CORS preflight requests (Terraform
   * `cors_headers`), for a single-page app on another origin that calls this
   * application. With an `AccessApplication`, cannot be combined with
   * `bypassOptionsPreflight` (the provider refuses both).
   *
   * @default - no CORS headers: Access answers a preflight like any request without a session (a redirect to the login page), so cross-origin calls fail
   */
  readonly cors?: AccessCorsOptions;

  /**
   * Attributes of the Access cookie.
   *
   * @default - SameSite Lax, HttpOnly, no binding cookie, scoped to the hostname
   */
  readonly cookies?: AccessCookieSettings;

  /**
   * Skip the page that asks a person to confirm before `cloudflared access
   * login` receives an Access token (Terraform `skip_interstitial`). That page
   * is what stops a link crafted by someone else from handing them your token
   * without you noticing; skip it only for an application whose command-line
   * users log in so often that the click is a burden.
   *
   * @default false
   */
  readonly skipInterstitial?: boolean;

  /**
   * Text on Access's block page for people that no policy lets in (Terraform
   * `custom_deny_message`), e.g. where to ask for access. Not together with
   * `customDenyUrl`.
   *
   * @default - Cloudflare's block page
   */
  readonly customDenyMessage?: string;

  /**
   * An https:// URL people that no policy lets in are redirected to, such as
   * an access request form (Terraform `custom_deny_url`). Not together with
   * `customDenyMessage`.
   *
   * @default - Cloudflare's block page
   */
  readonly customDenyUrl?: string;

  /**
   * An https:// URL that requests failing the `NON_IDENTITY` (Service Auth)
   * policies are redirected to (Terraform `custom_non_identity_deny_url`).
   * Needs a `NON_IDENTITY` policy; not together with `serviceAuth401`.
   *
   * @default - Cloudflare's default answer
   */
  readonly customNonIdentityDenyUrl?: string;

  /**
   * Answer a request that fails the `NON_IDENTITY` (Service Auth) policies,
   * e.g. a script with a wrong or expired service token, with a plain `401`
   * instead of a redirect to the login page (Terraform
   * `service_auth_401_redirect`): what API clients and CI jobs can act on.
   * Needs a `NON_IDENTITY` policy; not together with `customNonIdentityDenyUrl`.
   *
   * @default false
   */
  readonly serviceAuth401?: boolean;
}

/**
 * How people log in to an Access application: the session length, the App
 * Launcher tile and the identity providers, with the client settings. Shared
 * by `AccessApplicationProps` and the pattern's `ZeroTrustAccessOptions`.
 */
export interface AccessApplicationLoginOptions extends AccessApplicationClientOptions {
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
   * @default - Cloudflare's generic icon
   */
  readonly logoUrl?: string;

  /**
   * Identity providers offered on the login page, by id (e.g.
   * `idp.identityProviderId`).
   *
   * @default - every identity provider configured in the account
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

/** Properties of an `AccessApplication`. */
export interface AccessApplicationProps extends AccessApplicationLoginOptions {
  /** The Cloudflare account that owns the application and its policies. */
  readonly cloudflareAccountId: string;

  /** Name of the application, shown in the Zero Trust dashboard and App Launcher. */
  readonly name: string;

  /**
   * Hostnames Access protects, e.g. the tunnel's public hostname. Each may
   * start with a `*.` wildcard label and end with a path
   * (`app.example.com/admin`), which covers that path and everything below
   * it. The first one is the primary domain shown in the App Launcher.
   * Policies belong to the whole application: for other policies on a path
   * of a hostname, create another application on `<hostname>/<path>` (the
   * application of the longest matching path wins, without inheriting).
   */
  readonly domains: string[];

  /**
   * Who gets in, in order: the first policy gets precedence 1, the next 2,
   * and so on. Access evaluates `BYPASS` and `NON_IDENTITY` policies first,
   * then `ALLOW` and `DENY` in precedence order, and stops at the first
   * match; so a `DENY` placed after an `ALLOW` could never stop anyone that
   * `ALLOW` lets in, and is rejected. At least one policy (here or in
   * `existingPolicies`) must let someone in (any decision but `DENY`); the
   * list may be empty when `existingPolicies` has one. Each is created as a
   * reusable account-level policy whose Terraform address comes from its `key`.
   */
  readonly policies: AccessPolicyOptions[];

  /**
   * Reusable policies that exist already (a central team's "block
   * contractors" or "SRE on call"), attached by id next to the ones created
   * from `policies`. `DENY` references come first in the precedence order,
   * then `policies` in their order, then the other references in theirs. The
   * plan reads each referenced policy and stops if its decision differs from
   * the declared one. With references, `policies` may be empty.
   *
   * @default - no existing policies
   */
  readonly existingPolicies?: AccessPolicyReference[];

  /**
   * Reusable policies of this app (`AccessPolicy` constructs, typically of
   * another application) attached to this one as well. The usual case: the
   * `DENY` policies of a hostname's application on each application of a
   * path of that hostname, since Access evaluates only the path's
   * application for requests under the path, and a blocked person would
   * otherwise reach it. `DENY` ones come first in the precedence order
   * (after `DENY` references), the others after `policies`.
   *
   * @default - none
   */
  readonly attachedPolicies?: AccessPolicy[];

  /**
   * Let `OPTIONS` preflight requests skip Access and reach the origin, which
   * answers CORS itself (Terraform `options_preflight_bypass`). Cannot be
   * combined with `cors`. A tunnel route whose `cloudflared` checks Access
   * tokens at the origin rejects such preflights (they carry no token), so it
   * is refused there: prefer `cors`.
   *
   * @default false
   */
  readonly bypassOptionsPreflight?: boolean;

}

/**
 * A self-hosted Cloudflare Access application
 * (`cloudflare_zero_trust_access_application`) in front of one or more
 * hostnames, with its policies.
 *
 * Only requests that pass a policy reach the hostname, e.g. the Cloudflare
 * Tunnel in front of a private app. The application's `aud` tag lets
 * `cloudflared` check Access tokens again at the origin.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessApplication, AccessRule } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const application = new AccessApplication(stack, 'access', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   name: 'Admin panel',
 *   domains: ['admin.example.com'],
 *   sessionDuration: '8h',
 *   policies: [{ name: 'Staff', include: [AccessRule.emailDomain('example.com')] }],
 * });
 */
export class AccessApplication extends Construct implements IAccessApplication {
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

  /**
   * True when `OPTIONS` preflights skip Access (`bypassOptionsPreflight`):
   * they then reach the origin without an Access token.
   *
   * @internal
   */
  public readonly _bypassesOptionsPreflight: boolean;

  /**
   * The `BYPASS` policies of the application, as named in its props (e.g.
   * `policies[1]`, `existingPolicies[0]`): requests they let in carry no
   * Access token.
   *
   * @internal
   */
  public readonly _bypassPolicies: string[];

  /** The underlying Terraform resource. */
  public readonly application: ZeroTrustAccessApplication;

  /**
   * Ids of the `DENY` policies of the application (created, attached and
   * referenced), which the applications of its paths must carry too.
   *
   * @internal
   */
  public readonly _denyPolicyIds: string[];

  /**
   * Ids of every policy of the application, in precedence order.
   *
   * @internal
   */
  public readonly _policyIds: string[];

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the AccessApplication, described by `AccessApplicationProps`.
   */
  constructor(scope: Construct, id: string, props: AccessApplicationProps) {
    super(scope, id);
    brand(this, 'AccessApplication');
    // Handed down checked by an outer construct (the pattern), which named the errors as its user wrote the props.
    const checked = wasChecked(props);
    if (!checked) {
      validate(this, props);
    }
    const attached = props.attachedPolicies ?? [];
    const references = props.existingPolicies ?? [];
    const isDeny = (decision: AccessDecision | undefined) => decision === AccessDecision.DENY;
    // Precedence order: DENY references, attached DENY policies, this application's policies, the other attached ones and references.
    const ordered = <T>(items: T[], decision: (item: T) => AccessDecision | undefined, deny: boolean) =>
      items.map((item, i) => ({ item, i })).filter(({ item }) => isDeny(decision(item)) === deny);
    const denyReferences = ordered(references, (reference) => reference.decision, true);
    const otherReferences = ordered(references, (reference) => reference.decision, false);
    const denyAttached = ordered(attached, (policy) => policy.decision, true);
    const otherAttached = ordered(attached, (policy) => policy.decision, false);
    const entries: GuardEntry[] = [
      ...denyReferences.map(({ item, i }) => referenceEntry(item, `existingPolicies[${i}]`)),
      ...denyAttached.map(({ item, i }) => ({ ...item._entry, property: `attachedPolicies[${i}]` })),
      ...props.policies.map((options, i) => policyEntry(options, `policies[${i}]`)),
      ...otherAttached.map(({ item, i }) => ({ ...item._entry, property: `attachedPolicies[${i}]` })),
      ...otherReferences.map(({ item, i }) => referenceEntry(item, `existingPolicies[${i}]`)),
    ];
    // Who gets in, as the Access model sees the whole list. Run even on props an outer construct checked
    // (its check came first, naming the props as its user wrote them): who gets in is never left to it alone.
    checkApplication(this, entries, 'policies');

    // A whole Terraform list of domains is known only at apply time: it stays a list token.
    const listed = !isToken(props.domains);
    this.domains = listed ? [...props.domains] : props.domains;
    if (listed) {
      this.domains.forEach((domain, i) => claimPhysicalName(this, PHYSICAL_NAME_KIND.accessApplicationDomain, domain, `domains[${i}]`));
    }
    const sessionDuration = props.sessionDuration ?? DEFAULT_SESSION_DURATION;
    // Each policy was checked with the application's props, under the names its user wrote.
    this.policies = props.policies.map((options) => new AccessPolicy(this, policyKey(options), handDownChecked({
      ...options,
      cloudflareAccountId: props.cloudflareAccountId,
      sessionDuration: options.sessionDuration ?? sessionDuration,
    })));
    // DENY first, since Access stops at the first ALLOW or DENY that matches.
    const policyIds = [
      ...denyReferences.map(({ item }) => item.policyId),
      ...denyAttached.map(({ item }) => item.policyId),
      ...this.policies.map((policy) => policy.policyId),
      ...otherAttached.map(({ item }) => item.policyId),
      ...otherReferences.map(({ item }) => item.policyId),
    ];
    this._policyIds = policyIds;
    this._denyPolicyIds = [
      ...denyReferences.map(({ item }) => item.policyId),
      ...denyAttached.map(({ item }) => item.policyId),
      ...this.policies.filter((policy) => isDeny(policy.decision)).map((policy) => policy.policyId),
    ];
    this._bypassesOptionsPreflight = props.bypassOptionsPreflight === true;
    this._bypassPolicies = [
      ...props.policies.flatMap((options, i) => (options.decision === AccessDecision.BYPASS ? [`policies[${i}]`] : [])),
      ...references.flatMap((reference, i) => (reference.decision === AccessDecision.BYPASS ? [`existingPolicies[${i}]`] : [])),
    ];
    this.application = new ZeroTrustAccessApplication(this, 'Resource', {
      accountId: props.cloudflareAccountId,
      name: props.name,
      type: 'self_hosted',
      // `domain` is the primary hostname; `destinations` lists them all
      // (it supersedes the deprecated `self_hosted_domains`).
      // For a list token, the first of the destinations as Terraform orders them (a set of strings: sorted).
      domain: listed ? this.domains[0] : Fn.element(Fn.sort(Fn.distinct(this.domains)), 0),
      destinations: listed ? this.domains.map((uri) => ({ type: 'public', uri }))
        : TerraformIterator.fromList(this.domains).forExpressionForList('{ type = "public", uri = val }'),
      sessionDuration,
      appLauncherVisible: props.appLauncherVisible ?? true,
      logoUrl: props.logoUrl,
      allowedIdps: props.allowedIdentityProviderIds,
      autoRedirectToIdentity: props.autoRedirectToIdentity ?? false,
      policies: policyIds.map((policyId, i) => ({ id: policyId, precedence: i + 1 })),
      corsHeaders: props.cors && toCorsHeaders(props.cors),
      optionsPreflightBypass: props.bypassOptionsPreflight === true ? true : undefined,
      ...toCookieAttributes(props.cookies),
      skipInterstitial: props.skipInterstitial,
      customDenyMessage: props.customDenyMessage,
      customDenyUrl: props.customDenyUrl,
      customNonIdentityDenyUrl: props.customNonIdentityDenyUrl,
      serviceAuth401Redirect: props.serviceAuth401,
      lifecycle: references.length > 0 ? { precondition: this.declaredDecisions(props.cloudflareAccountId, references) } : undefined,
    });
    if (references.length > 0) {
      // What the access report needs of policies made elsewhere: their declared decisions.
      noteInOutput(this.application, 'existing_policies', references.map((reference) => ({
        id: reference.policyId, decision: reference.decision, ...(reference.dangerouslyBypassAuthentication ? { opt_ins: ['dangerouslyBypassAuthentication'] } : {}),
      })));
    }
    this.applicationId = this.application.id;
    this.aud = this.application.aud;
  }

  /**
   * One precondition per existing policy: its decision in Cloudflare is the
   * declared one, which placed it in the precedence order.
   */
  private declaredDecisions(accountId: string, references: AccessPolicyReference[]): Precondition[] {
    return references.map((reference, i) => {
      const policy = new DataCloudflareZeroTrustAccessPolicy(this, `ExistingPolicy${i + 1}`, { accountId, policyId: reference.policyId });
      const shown = isToken(reference.policyId) ? '' : ` ${reference.policyId}`;
      return {
        condition: Op.eq(Fn.lower(policy.decision), reference.decision),
        errorMessage: `The Access policy${shown} (existingPolicies[${i}]) is declared ${reference.decision.toUpperCase()}, but its `
          + 'decision in Cloudflare is another one. Its place in the precedence order (DENY policies first) depends on the '
          + 'decision: correct the declaration.',
      };
    });
  }
}

/** Checks every property, and every policy, before anything is created. */
function validate(scope: Construct, props: AccessApplicationProps): void {
  requireCloudflareId('cloudflareAccountId', props.cloudflareAccountId);
  requireText('name', props.name);
  requireApplicationDomains('domains', props.domains);

  checkLoginSettings(props, PropPath.root());

  const references = props.existingPolicies ?? [];
  checkPolicyReferences('existingPolicies', references);
  const policies = props.policies;
  if (!Array.isArray(policies) || (policies.length === 0 && references.length === 0)) {
    invalid('policies', policies, 'Expected at least one policy: an application without policies lets nobody in.');
  }
  policies.forEach((options, i) => {
    checkPolicyOptions(`policies[${i}].`, options);
    checkPolicy(scope, policyEntry(options, `policies[${i}]`));
  });
  requirePolicyKeys('policies', policies);
  requireUnique('policies[].name', policies, (options) => options.name);
  requireDenyBeforeAllow(policies);
  const attached = props.attachedPolicies ?? [];
  if (!Array.isArray(attached)) {
    invalid('attachedPolicies', attached, 'Expected a list of AccessPolicy.');
  }
  attached.forEach((policy, i) => {
    if (!policy || policy._entry === undefined) {
      invalid(`attachedPolicies[${i}]`, policy, 'Expected an AccessPolicy of this app; attach a policy made elsewhere with existingPolicies.');
    }
  });
  const attachedDecisions = attached.map((policy) => policy.decision);
  requireSomeoneLetIn('policies', policies, references, attachedDecisions);
  const decisions = policyDecisions(policies, references, attachedDecisions);

  checkClientSettings(props, PropPath.root(), decisions.includes(AccessDecision.NON_IDENTITY));
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
