import {
  ZeroTrustAccessIdentityProvider,
  ZeroTrustAccessIdentityProviderConfigA,
} from '@cdktf/provider-cloudflare/lib/zero-trust-access-identity-provider';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { requireEmailDomain, requireHttpsUrl, requireText } from './validation';
import { requireCloudflareId } from '../core/cloudflare-id';
import { warnIfLiteralSecret } from '../core/literal-secrets';

/** Properties every identity provider shares. */
export interface AccessIdentityProviderBaseProps {
  /** The Cloudflare account the identity provider belongs to. */
  readonly accountId: string;

  /**
   * Name shown on the Access login page.
   *
   * @default the kind of provider, e.g. 'Google Workspace'
   */
  readonly name?: string;
}

/** An OAuth client registered with the identity provider. */
export interface AccessOAuthClientProps extends AccessIdentityProviderBaseProps {
  /** The OAuth client id. */
  readonly clientId: string;

  /**
   * The OAuth client secret. Pass it from a sensitive Terraform variable or a
   * secret store, never as a literal in code; it is marked sensitive here.
   */
  readonly clientSecret: string;
}

/** Properties of a Google Workspace identity provider. */
export interface GoogleWorkspaceIdentityProviderProps extends AccessOAuthClientProps {
  /**
   * The Workspace's primary domain, e.g. `example.com` (Terraform `apps_domain`).
   * Only accounts of this Workspace can log in.
   */
  readonly workspaceDomain: string;
}

/** Properties of a Google (consumer accounts) identity provider. */
export interface GoogleIdentityProviderProps extends AccessOAuthClientProps {}

/** Properties of a one-time PIN identity provider. */
export interface OneTimePinIdentityProviderProps extends AccessIdentityProviderBaseProps {}

/** Properties of a generic OpenID Connect identity provider. */
export interface OidcIdentityProviderProps extends AccessOAuthClientProps {
  /** The IdP's `authorization_endpoint`, an https:// URL. */
  readonly authUrl: string;

  /** The IdP's `token_endpoint`, an https:// URL. */
  readonly tokenUrl: string;

  /** The IdP's `jwks_uri`, with the keys that sign its tokens; an https:// URL. */
  readonly certsUrl: string;

  /**
   * OAuth scopes to request.
   *
   * @default ['openid', 'email', 'profile']
   */
  readonly scopes?: string[];

  /**
   * Extra claims to copy from the id token into the Access token, usable in
   * `AccessRule.oidcClaim` rules.
   *
   * @default none
   */
  readonly claims?: string[];

  /**
   * Use Proof Key for Code Exchange (PKCE). Turn on when the IdP supports it.
   *
   * @default false (Cloudflare's default)
   */
  readonly pkceEnabled?: boolean;
}

/**
 * A login method for Cloudflare Access
 * (`cloudflare_zero_trust_access_identity_provider`). Create one with a
 * static factory: {@link googleWorkspace}, {@link google}, {@link oneTimePin}
 * or {@link oidc}. Optional: an account usually has its providers already,
 * and their ids can be used directly.
 */
export class AccessIdentityProvider extends Construct {
  /**
   * Google Workspace (type `google-apps`): people log in with their Workspace
   * account, and policies can match Workspace groups
   * (`AccessRule.googleWorkspaceGroup`).
   */
  public static googleWorkspace(scope: Construct, id: string, props: GoogleWorkspaceIdentityProviderProps): AccessIdentityProvider {
    checkOAuthClient(props);
    requireText('workspaceDomain', props.workspaceDomain);
    requireEmailDomain('workspaceDomain', props.workspaceDomain);
    return new AccessIdentityProvider(scope, id, props, 'google-apps', 'Google Workspace', {
      appsDomain: props.workspaceDomain,
      ...oauthClient(props),
    });
  }

  /** Google (type `google`): any Google account can log in; policies decide who gets in. */
  public static google(scope: Construct, id: string, props: GoogleIdentityProviderProps): AccessIdentityProvider {
    checkOAuthClient(props);
    return new AccessIdentityProvider(scope, id, props, 'google', 'Google', oauthClient(props));
  }

  /**
   * One-time PIN (type `onetimepin`): Cloudflare emails a code to whatever
   * address is entered. Anyone with an email address can log in this way, so
   * policies must name the people (emails, email domain).
   */
  public static oneTimePin(scope: Construct, id: string, props: OneTimePinIdentityProviderProps): AccessIdentityProvider {
    checkBase(props);
    return new AccessIdentityProvider(scope, id, props, 'onetimepin', 'One-time PIN', {});
  }

  /** A generic OpenID Connect provider (type `oidc`). */
  public static oidc(scope: Construct, id: string, props: OidcIdentityProviderProps): AccessIdentityProvider {
    checkOAuthClient(props);
    requireHttpsUrl('authUrl', props.authUrl);
    requireHttpsUrl('tokenUrl', props.tokenUrl);
    requireHttpsUrl('certsUrl', props.certsUrl);
    return new AccessIdentityProvider(scope, id, props, 'oidc', 'OpenID Connect', {
      ...oauthClient(props),
      authUrl: props.authUrl,
      tokenUrl: props.tokenUrl,
      certsUrl: props.certsUrl,
      scopes: props.scopes ?? ['openid', 'email', 'profile'],
      claims: props.claims,
      pkceEnabled: props.pkceEnabled,
    });
  }

  /** The identity provider's id, for `allowedIdentityProviderIds` and rules. */
  public readonly identityProviderId: string;

  /** Cloudflare's type name for the provider, e.g. `google-apps`. */
  public readonly type: string;

  /** The underlying Terraform resource. */
  public readonly identityProvider: ZeroTrustAccessIdentityProvider;

  private constructor(
    scope: Construct,
    id: string,
    props: AccessIdentityProviderBaseProps,
    type: string,
    defaultName: string,
    config: ZeroTrustAccessIdentityProviderConfigA,
  ) {
    super(scope, id);
    if ('clientSecret' in props) {
      warnIfLiteralSecret(this, 'clientSecret', (props as AccessOAuthClientProps).clientSecret);
    }
    this.type = type;
    this.identityProvider = new ZeroTrustAccessIdentityProvider(this, 'Resource', {
      accountId: props.accountId,
      name: props.name ?? defaultName,
      type,
      config,
    });
    this.identityProviderId = this.identityProvider.id;
  }
}

function checkBase(props: AccessIdentityProviderBaseProps): void {
  requireCloudflareId('accountId', props.accountId);
  if (props.name !== undefined) {
    requireText('name', props.name);
  }
}

function checkOAuthClient(props: AccessOAuthClientProps): void {
  checkBase(props);
  requireText('clientId', props.clientId);
  requireText('clientSecret', props.clientSecret);
}

/** The client credentials, with the secret kept out of plans and logs. */
function oauthClient(props: AccessOAuthClientProps): ZeroTrustAccessIdentityProviderConfigA {
  return { clientId: props.clientId, clientSecret: Fn.sensitive(props.clientSecret) };
}
