import { ZeroTrustAccessPolicy, ZeroTrustAccessPolicyInclude } from '@cdktf/provider-cloudflare/lib/zero-trust-access-policy';
import { Construct } from 'constructs';
import { AccessDecision } from './decision';
import { checkPolicy, GuardEntry, policyEntry, providerRuleList, recordOptIns } from './internal/construct-model';
import { checkPolicyOptions } from './internal/policy-checks';
import { DEFAULT_SESSION_DURATION } from './internal/value-checks';
import { AccessRuleSet } from './rule-set';
import { requireCloudflareId } from '../core/cloudflare-id';
import { wasChecked } from '../core/prop-path';

/**
 * What an Access policy decides and for whom: everything of
 * `AccessPolicyProps` but the account, which an
 * `AccessApplication` supplies when it creates its policies.
 */
export interface AccessPolicyOptions extends AccessRuleSet {
  /**
   * Name of the policy, shown in the Zero Trust dashboard. Unique within an application.
   */
  readonly name: string;

  /**
   * Stable key of the policy within its application: lower-case letters,
   * digits and hyphens. It names the policy's construct and so its Terraform
   * address: a policy keeps its key, and is updated in place, when it is
   * renamed or moved in the list; a new policy is created and attached in one
   * update of the application. At most one policy of an application may go
   * without a key, since addresses by position would turn an insertion into
   * in-place rewrites of the policies after it (which could briefly drop a
   * DENY). Keys `policy-<number>` are reserved. Ignored by a standalone
   * `AccessPolicy` (its construct id plays this role).
   *
   * @default - `policy-1`, for the one policy of an application without a key
   */
  readonly key?: string;

  /**
   * What happens to a request that matches.
   *
   * @default AccessDecision.ALLOW
   */
  readonly decision?: AccessDecision;

  /**
   * Confirms a `BYPASS` policy: matching requests skip Access entirely and
   * reach the origin with no authentication and no Access token (an origin
   * that enforces Access tokens will then reject them). Required for
   * `AccessDecision.BYPASS`, rejected for any other decision.
   *
   * @default false
   */
  readonly dangerouslyBypassAuthentication?: boolean;

  /**
   * How long a login under this policy lasts, as a Go duration (`30m`, `8h`),
   * at most `730h`. Cloudflare uses the policy's value over the
   * application's, so it is always sent.
   *
   * @default - the application's session duration (for a standalone `AccessPolicy`: `24h`, the provider's default)
   */
  readonly sessionDuration?: string;
}

/** Properties of an `AccessPolicy`. */
export interface AccessPolicyProps extends AccessPolicyOptions {
  /** The Cloudflare account that owns the policy. */
  readonly cloudflareAccountId: string;
}

/**
 * A reusable, account-level Cloudflare Access policy
 * (`cloudflare_zero_trust_access_policy`).
 *
 * It takes effect once an `AccessApplication` lists it; usually let the
 * application create its policies from `policies` so they get their precedence.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessPolicy, AccessRule } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const staff = new AccessPolicy(stack, 'staff', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   name: 'Staff on the office network',
 *   include: [AccessRule.emailDomain('example.com')],
 *   require: [AccessRule.ipRanges(['203.0.113.0/24'])],
 * });
 * // Attach it to applications by id (`existingPolicies`) with staff.policyId.
 */
export class AccessPolicy extends Construct {
  /** The policy's id, to attach it to an application. */
  public readonly policyId: string;

  /** The policy's name. */
  public readonly name: string;

  /** What the policy decides for a matching request. */
  public readonly decision: AccessDecision;

  /** The underlying Terraform resource. */
  public readonly policy: ZeroTrustAccessPolicy;

  /**
   * The policy as the Access model sees it, for the applications it is attached to.
   *
   * @internal
   */
  public readonly _entry: GuardEntry;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the AccessPolicy, described by `AccessPolicyProps`.
   */
  constructor(scope: Construct, id: string, props: AccessPolicyProps) {
    super(scope, id);
    // Policies an application makes were checked with its props, under the names its user wrote.
    const checked = wasChecked(props);
    if (!checked) {
      requireCloudflareId('cloudflareAccountId', props.cloudflareAccountId);
      checkPolicyOptions('', props);
    }
    this._entry = policyEntry(props, '');
    if (!checked) {
      checkPolicy(this, this._entry);
    }

    this.name = props.name;
    this.decision = props.decision ?? AccessDecision.ALLOW;
    this.policy = new ZeroTrustAccessPolicy(this, 'Resource', {
      accountId: props.cloudflareAccountId,
      name: props.name,
      decision: this.decision,
      include: providerRuleList<ZeroTrustAccessPolicyInclude>(props.include),
      exclude: providerRuleList<ZeroTrustAccessPolicyInclude>(props.exclude),
      require: providerRuleList<ZeroTrustAccessPolicyInclude>(props.require),
      sessionDuration: props.sessionDuration ?? DEFAULT_SESSION_DURATION,
      // Renaming or removing a policy must never leave an application pointing
      // at a deleted policy: the replacement (or the application's update)
      // comes first, the old policy is deleted last.
      lifecycle: { createBeforeDestroy: true },
    });
    recordOptIns(this.policy, this._entry.policy.optIns);
    this.policyId = this.policy.id;
  }
}
