/**
 * Who a way into an Access application admits, as the Access model
 * classifies it (see `AccessReport`).
 */
export enum AccessAudience {
  /**
   * People named one by one or by the organisation's own directory: email
   * addresses, the organisation's email domains, identity-provider groups,
   * claims or attributes, a directory login method. They log in.
   */
  NAMED_PEOPLE = 'named-people',

  /**
   * Anyone who can log in, but only from the listed networks or with the
   * listed client certificate or device posture.
   */
  PEOPLE_ON_LISTED_NETWORKS = 'people-on-listed-networks',

  /**
   * Anyone who can log in through an identity provider of the account:
   * `everyone()`, a login method anyone can sign up for (one-time PIN,
   * GitHub, Google), a public mail domain, or IP ranges that reach (nearly)
   * the whole internet. Needs `allowEveryoneWhoCanLogIn`.
   */
  ANYONE_WHO_CAN_LOG_IN = 'anyone-who-can-log-in',

  /** Requests with one of the named service tokens, without a login. */
  SERVICE_TOKENS = 'service-tokens',

  /**
   * Requests with any service token of the whole account, without a login.
   * Needs `allowEveryServiceTokenOfTheAccount`.
   */
  ANY_SERVICE_TOKEN = 'any-service-token',

  /** Anyone on the listed networks (or with the listed client certificate), without a login. */
  LISTED_NETWORKS_WITHOUT_LOGIN = 'listed-networks-without-login',

  /**
   * Anyone on the internet, without a login: a `BYPASS` or `NON_IDENTITY`
   * policy over everyone or over IP ranges that reach (nearly) the whole
   * internet, or a route with no Access application at all.
   */
  ANYONE_WITHOUT_LOGIN = 'anyone-without-login',

  /**
   * Not known from this configuration: a policy or group given by id (made
   * elsewhere), an email or IP list, an external evaluation, an Access
   * application managed elsewhere.
   */
  UNKNOWN = 'unknown',
}
