import { ZeroTrustAccessServiceToken } from '@cdktf/provider-cloudflare/lib/zero-trust-access-service-token';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { requirePositiveGoDuration, requireRfc3339Timestamp } from './internal/value-checks';
import { requireCloudflareId } from '../core/cloudflare-id';
import { invalid, isToken, requirePositiveInteger, requireText } from '../core/validation';

/** Properties of an `AccessServiceToken`. */
export interface AccessServiceTokenProps {
  /** The Cloudflare account that owns the token. */
  readonly cloudflareAccountId: string;

  /** Name of the token, shown in the Zero Trust dashboard. */
  readonly name: string;

  /**
   * How long the token stays valid, as a Go duration (`720h`, `8760h`).
   *
   * @default '8760h' (one year, Cloudflare's default)
   */
  readonly duration?: string;

  /**
   * Version of the client secret (Terraform `client_secret_version`), a whole
   * number greater than 0. Set it together with `previousSecretExpiresAt`: the
   * provider accepts both or neither.
   *
   * Rotation is one apply: raise `rotationVersion` by one (from the initial 1
   * to 2 the first time) and set `previousSecretExpiresAt` to when the old
   * secret should stop working, e.g. a week ahead. Cloudflare issues a new secret (`clientSecret` changes) and
   * keeps accepting the old one until then, so clients can switch in the meantime.
   *
   * @default - neither is set: the provider's initial version 1
   */
  readonly rotationVersion?: number;

  /**
   * When the secret replaced by the last rotation stops working, as an RFC 3339
   * timestamp (`2030-01-31T00:00:00Z`). Set it together with `rotationVersion`.
   * It can be moved at any time: later to give clients more time, or into the
   * past to revoke a leaked old secret at once.
   *
   * @default - neither is set: there is no previous secret
   */
  readonly previousSecretExpiresAt?: string;
}

/**
 * A Cloudflare Access service token
 * (`cloudflare_zero_trust_access_service_token`) for machine-to-machine
 * access: a client sends `CF-Access-Client-Id` and `CF-Access-Client-Secret`
 * headers and passes a `NON_IDENTITY` policy with
 * `AccessRule.serviceToken(token.tokenId)`.
 *
 * The secret is rotated in one apply, without a gap for clients: see
 * `rotationVersion`.
 *
 * For an application that people also use, add the token's `NON_IDENTITY`
 * policy next to theirs and set the application's `serviceAuth401`, so a
 * client with a wrong or expired token gets a `401` instead of the login page
 * (recipe in docs/access.md, "Machine clients").
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessDecision, AccessPolicyOptions, AccessRule, AccessServiceToken } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const ci = new AccessServiceToken(stack, 'ci', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   name: 'ci-deploy',
 *   duration: '8760h',
 * });
 *
 * // The policy the token passes, next to the people's policies of the application.
 * const machines: AccessPolicyOptions = {
 *   name: 'CI',
 *   decision: AccessDecision.NON_IDENTITY,
 *   include: [AccessRule.serviceToken(ci.tokenId)],
 * };
 */
export class AccessServiceToken extends Construct {
  /** The token's id, for `AccessRule.serviceToken`. */
  public readonly tokenId: string;

  /** The client id: the value of the `CF-Access-Client-Id` header. */
  public readonly clientId: string;

  /**
   * The client secret: the value of the `CF-Access-Client-Secret` header.
   * Marked sensitive; store it in a secret store, never in plain outputs.
   */
  public readonly clientSecret: string;

  /** The underlying Terraform resource. */
  public readonly serviceToken: ZeroTrustAccessServiceToken;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the AccessServiceToken, described by `AccessServiceTokenProps`.
   */
  constructor(scope: Construct, id: string, props: AccessServiceTokenProps) {
    super(scope, id);
    requireCloudflareId('cloudflareAccountId', props.cloudflareAccountId);
    requireText('name', props.name);
    if (props.duration !== undefined) {
      requirePositiveGoDuration('duration', props.duration);
    }
    const version = props.rotationVersion;
    const expiry = props.previousSecretExpiresAt;
    // The provider's AlsoRequires validators pair the two attributes; catch it here, not in terraform validate.
    if (version !== undefined && expiry === undefined) {
      invalid('previousSecretExpiresAt', expiry,
        'Expected it whenever rotationVersion is set (the provider requires both or neither): when the secret replaced by the last rotation stops working, e.g. "2030-01-31T00:00:00Z".');
    }
    if (expiry !== undefined && version === undefined) {
      invalid('rotationVersion', version,
        'Expected it whenever previousSecretExpiresAt is set (the provider requires both or neither): the version of the current secret, raised by one at each rotation.');
    }
    if (version !== undefined && !isToken(version)) {
      requirePositiveInteger('rotationVersion', version);
    }
    if (expiry !== undefined) {
      requireRfc3339Timestamp('previousSecretExpiresAt', expiry);
    }

    this.serviceToken = new ZeroTrustAccessServiceToken(this, 'Resource', {
      accountId: props.cloudflareAccountId,
      name: props.name,
      duration: props.duration,
      clientSecretVersion: version,
      previousClientSecretExpiresAt: expiry,
    });
    this.tokenId = this.serviceToken.id;
    this.clientId = this.serviceToken.clientId;
    this.clientSecret = Fn.sensitive(this.serviceToken.clientSecret);
  }
}
