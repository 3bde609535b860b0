import { AccessRule } from './rule';

/**
 * Who a rule set lets in: the rules of an `AccessGroup` or an `AccessPolicy`,
 * with the opt-ins that confirm the broad ones. Access checks a request (and
 * the person behind it) against `include`, `require` and `exclude`.
 */
export interface AccessRuleSet {
  /** Rules of which a request must match at least one (OR). */
  readonly include: AccessRule[];

  /**
   * Rules of which a request must match none (NOT).
   *
   * @default no exclusions
   */
  readonly exclude?: AccessRule[];

  /**
   * Rules a request must all match (AND), on top of one include rule.
   *
   * @default no further requirements
   */
  readonly require?: AccessRule[];

  /**
   * Confirms that the rules may let in anyone who can log in through any
   * identity provider of the account (with one-time PIN enabled: anyone with
   * an email address): an include rule of `AccessRule.everyone()`, a login
   * method or email domain anyone can sign up for (one-time PIN, GitHub,
   * Google, `gmail.com`), a group that lets in everyone, or IP ranges that
   * reach (nearly) the whole internet. Without it such an ALLOW policy, or
   * such a group, is rejected; each policy that includes such a group
   * confirms again. Recorded in the synthesized output, where the access
   * report reads it.
   *
   * @default false
   */
  readonly allowEveryoneWhoCanLogIn?: boolean;

  /**
   * Confirms that the rules may include `AccessRule.anyValidServiceToken()`,
   * which accepts every service token of the whole account, including tokens
   * issued for other apps and scripts: anyone holding any of them gets in.
   * Without it such a policy or group is rejected; each policy that includes
   * such a group confirms again. Name the tokens with
   * `AccessRule.serviceToken` instead where you can.
   *
   * @default false
   */
  readonly allowEveryServiceTokenOfTheAccount?: boolean;
}
