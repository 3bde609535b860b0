/**
 * What Cloudflare Access does with a request that matches a policy.
 */
export enum AccessDecision {
  /** Let the person in after they log in through an identity provider. */
  ALLOW = 'allow',

  /** Turn the request away, even if a later policy would allow it. */
  DENY = 'deny',

  /**
   * "Service Auth": let a request in on non-identity rules only (service
   * tokens, IP ranges), with no login page. For machine-to-machine access.
   */
  NON_IDENTITY = 'non_identity',

  /**
   * Skip Access altogether: matching requests reach the origin with no
   * authentication and no Access token. Needs `dangerouslyBypassAuthentication: true`.
   */
  BYPASS = 'bypass',
}
