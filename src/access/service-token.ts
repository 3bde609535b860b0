import { ZeroTrustAccessServiceToken } from '@cdktf/provider-cloudflare/lib/zero-trust-access-service-token';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { isToken, requirePositiveGoDuration, requireText } from './validation';
import { invalid, requirePositiveInteger } from '../core/validation';

/** Properties of an {@link AccessServiceToken}. */
export interface AccessServiceTokenProps {
  /** The Cloudflare account that owns the token. */
  readonly accountId: string;

  /** Name of the token, shown in the Zero Trust dashboard. */
  readonly name: string;

  /**
   * How long the token stays valid, as a Go duration (`720h`, `8760h`).
   *
   * @default '8760h' (one year, Cloudflare's default)
   */
  readonly duration?: string;

  /**
   * Version of the client secret (Terraform `client_secret_version`). Raise it
   * by one to rotate: Cloudflare issues a new secret and keeps accepting the
   * old one until `previousSecretExpiresAt`.
   *
   * @default 1 (the provider's initial version)
   */
  readonly rotationVersion?: number;

  /**
   * When the previous secret stops working after a rotation, as an RFC 3339
   * timestamp (`2030-01-31T00:00:00Z`). Move it into the past to revoke a
   * leaked secret at once.
   *
   * @default Cloudflare's default grace period
   */
  readonly previousSecretExpiresAt?: string;
}

/**
 * A Cloudflare Access service token
 * (`cloudflare_zero_trust_access_service_token`) for machine-to-machine
 * access: a client sends `CF-Access-Client-Id` and `CF-Access-Client-Secret`
 * headers and passes a `NON_IDENTITY` policy with
 * `AccessRule.serviceToken(token.tokenId)`.
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

  constructor(scope: Construct, id: string, props: AccessServiceTokenProps) {
    super(scope, id);
    requireText('accountId', props.accountId);
    requireText('name', props.name);
    if (props.duration !== undefined) {
      requirePositiveGoDuration('duration', props.duration);
    }
    if (props.rotationVersion !== undefined && !Token.isUnresolved(props.rotationVersion)) {
      requirePositiveInteger('rotationVersion', props.rotationVersion);
    }
    const expiry = props.previousSecretExpiresAt;
    if (expiry !== undefined && !isToken(expiry) && !isRfc3339(expiry)) {
      invalid('previousSecretExpiresAt', expiry, 'Expected an RFC 3339 timestamp such as "2030-01-31T00:00:00Z".');
    }

    this.serviceToken = new ZeroTrustAccessServiceToken(this, 'Resource', {
      accountId: props.accountId,
      name: props.name,
      duration: props.duration,
      clientSecretVersion: props.rotationVersion,
      previousClientSecretExpiresAt: expiry,
    });
    this.tokenId = this.serviceToken.id;
    this.clientId = this.serviceToken.clientId;
    this.clientSecret = Fn.sensitive(this.serviceToken.clientSecret);
  }
}

function isRfc3339(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
}
