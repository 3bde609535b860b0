import { AccessDecision } from './decision';

/**
 * A reusable Access policy that exists already (made in the dashboard, by
 * another stack or by a central team), attached to an application by id
 * instead of being created with it.
 *
 * Its decision is declared here because it decides where the policy goes in
 * the application's precedence order: `DENY` references before every other
 * policy, the others after the application's own. The plan checks the
 * declaration: it reads the policy (`cloudflare_zero_trust_access_policy`
 * data source) and stops when the decision in Cloudflare differs, so a policy
 * changed from `DENY` to something else never silently moves behind an
 * `ALLOW`. The rules of an existing policy are not visible at synthesis, so
 * the checks on open rules (`everyone()`, IP ranges, any service token) do not
 * cover it.
 */
export interface AccessPolicyReference {
  /** The policy's id: a UUID, the `id` of its Terraform resource or of the policy in the Access API. */
  readonly policyId: string;

  /** What the policy decides, as it is set in Cloudflare. */
  readonly decision: AccessDecision;

  /**
   * Confirms attaching a `BYPASS` policy: matching requests skip Access
   * entirely. Required for `AccessDecision.BYPASS`, rejected for any other.
   *
   * @default false
   */
  readonly dangerouslyBypassAuthentication?: boolean;
}
