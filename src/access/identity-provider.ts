import {
  ZeroTrustAccessIdentityProvider,
  ZeroTrustAccessIdentityProviderConfigA,
} from '@cdktf/provider-cloudflare/lib/zero-trust-access-identity-provider';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { markIdentityProvider } from './internal/construct-model';
import { checkOptionalList, requireEmailDomain, requireHttpsUrl, requireUuid } from './internal/value-checks';
import { requireCloudflareId } from '../core/cloudflare-id';
import { warnIfLiteralSecret } from '../core/literal-secrets';
import { invalid, isToken, requireText } from '../core/validation';

/** Properties every identity provider shares. */
export interface AccessIdentityProviderBaseProps {
  /** The Cloudflare account the identity provider belongs to. */
  readonly cloudflareAccountId: string;

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

  /** The IdP's `jwks_uri`, with the keys that sign its tokens. An https:// URL. */
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

/** Properties of an Okta identity provider. */
export interface OktaIdentityProviderProps extends AccessOAuthClientProps {
  /** The Okta organisation's URL, e.g. `https://acme.okta.com` (Terraform `okta_account`). */
  readonly oktaAccount: string;

  /**
   * Id of a custom Okta authorization server to use, e.g. `aus1a2b3c4d5e6f7g8h9`.
   *
   * @default - Okta's org authorization server
   */
  readonly authorizationServerId?: string;
}

/** Properties of a Microsoft Entra ID (Azure AD) identity provider. */
export interface EntraIdIdentityProviderProps extends AccessOAuthClientProps {
  /** The Entra ID tenant (directory) id, a UUID (Terraform `directory_id`). */
  readonly directoryId: string;

  /**
   * Load the user's group memberships at login, so policies can match Entra ID
   * groups with `AccessRule.entraIdGroup` (Terraform `support_groups`). The app
   * registration then needs the Microsoft Graph permissions
   * `Directory.Read.All` and `GroupMember.Read.All` with admin consent, as in
   * Cloudflare's setup guide; turn it off only when no policy uses groups and
   * those permissions cannot be granted.
   *
   * @default true
   */
  readonly supportGroups?: boolean;
}

/** Properties of a GitHub identity provider. */
export interface GitHubIdentityProviderProps extends AccessOAuthClientProps {}

/** Properties of a SAML 2.0 identity provider. */
export interface SamlIdentityProviderProps extends AccessIdentityProviderBaseProps {
  /** The IdP's entity id (issuer), as its metadata states it (Terraform `issuer_url`). */
  readonly issuerUrl: string;

  /** The IdP's single sign-on URL that Access sends login requests to, an https:// URL (Terraform `sso_target_url`). */
  readonly ssoTargetUrl: string;

  /**
   * The IdP's signing certificates (the base64 body of each X.509
   * certificate), with which Access verifies SAML responses. At least one:
   * without it a forged response could not be told apart. Public
   * certificates, not secrets; a private key here is rejected.
   */
  readonly idpPublicCerts: string[];

  /**
   * SAML attributes to copy into the Access token, usable in
   * `AccessRule.samlAttribute` rules, e.g. `['groups']`.
   *
   * @default none
   */
  readonly attributes?: string[];

  /**
   * Name of the SAML attribute that holds the user's email address.
   *
   * @default - not sent: Cloudflare's default
   */
  readonly emailAttributeName?: string;

  /**
   * Sign the login requests Access sends, so the IdP can check they come
   * from Access (the IdP needs Access's public certificate to verify them).
   *
   * @default false
   */
  readonly signRequest?: boolean;
}

/**
 * A login method for Cloudflare Access
 * (`cloudflare_zero_trust_access_identity_provider`). Create one with a
 * static factory: `googleWorkspace()`, `google()`, `oneTimePin()`,
 * `oidc()`, `okta()`, `entraId()`, `github()` or `saml()`.
 * Optional: an account usually has its providers already, and their ids can
 * be used directly.
 *
 * Every provider redirects to Access at
 * `https://<team>.cloudflareaccess.com/cdn-cgi/access/callback`; register that
 * URL with the IdP (the OAuth redirect URI, or the SAML assertion consumer
 * service URL and entity id).
 *
 * @example
 * import { TerraformStack, TerraformVariable } from 'cdktf';
 * import { AccessIdentityProvider, AccessRule } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const clientSecret = new TerraformVariable(stack, 'github_client_secret', { type: 'string', sensitive: true });
 * const github = AccessIdentityProvider.github(stack, 'github', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   clientId: 'Iv1.0123456789abcdef',
 *   clientSecret: clientSecret.stringValue,
 * });
 *
 * // Let in the members of one GitHub organization, logged in with this provider.
 * const engineers = AccessRule.githubOrganization('acme', github.identityProviderId);
 */
export class AccessIdentityProvider extends Construct {
  /**
   * Google Workspace (type `google-apps`): people log in with their Workspace
   * account, and policies can match Workspace groups
   * (`AccessRule.googleWorkspaceGroup`).
   *
   * @param scope The construct the provider belongs to: a stack, or a construct of your own.
   * @param id Id of the provider construct, unique among the children of `scope`.
   * @param props The account and the provider's settings, described by `GoogleWorkspaceIdentityProviderProps`.
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

  /**
   * Google (type `google`): any Google account can log in. Policies decide who gets in.
   *
   * @param scope The construct the provider belongs to: a stack, or a construct of your own.
   * @param id Id of the provider construct, unique among the children of `scope`.
   * @param props The account and the provider's settings, described by `GoogleIdentityProviderProps`.
   */
  public static google(scope: Construct, id: string, props: GoogleIdentityProviderProps): AccessIdentityProvider {
    checkOAuthClient(props);
    return new AccessIdentityProvider(scope, id, props, 'google', 'Google', oauthClient(props));
  }

  /**
   * One-time PIN (type `onetimepin`): Cloudflare emails a code to whatever
   * address is entered. Anyone with an email address can log in this way, so
   * policies must name the people (emails, email domain).
   *
   * @param scope The construct the provider belongs to: a stack, or a construct of your own.
   * @param id Id of the provider construct, unique among the children of `scope`.
   * @param props The account and the provider's settings, described by `OneTimePinIdentityProviderProps`.
   */
  public static oneTimePin(scope: Construct, id: string, props: OneTimePinIdentityProviderProps): AccessIdentityProvider {
    checkBase(props);
    return new AccessIdentityProvider(scope, id, props, 'onetimepin', 'One-time PIN', {});
  }

  /**
   * A generic OpenID Connect provider (type `oidc`).
   *
   * @param scope The construct the provider belongs to: a stack, or a construct of your own.
   * @param id Id of the provider construct, unique among the children of `scope`.
   * @param props The account and the provider's settings, described by `OidcIdentityProviderProps`.
   */
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

  /**
   * Okta (type `okta`). Policies can match Okta groups with
   * `AccessRule.oktaGroup` once the Okta application sends a `groups` claim
   * in its ID token (Okta: the application's Sign On settings, Groups claim
   * filter, e.g. `groups` matches regex `.*`).
   *
   * @param scope The construct the provider belongs to: a stack, or a construct of your own.
   * @param id Id of the provider construct, unique among the children of `scope`.
   * @param props The account and the provider's settings, described by `OktaIdentityProviderProps`.
   */
  public static okta(scope: Construct, id: string, props: OktaIdentityProviderProps): AccessIdentityProvider {
    checkOAuthClient(props);
    requireHttpsUrl('oktaAccount', props.oktaAccount);
    if (props.authorizationServerId !== undefined) {
      requireText('authorizationServerId', props.authorizationServerId);
    }
    return new AccessIdentityProvider(scope, id, props, 'okta', 'Okta', {
      ...oauthClient(props),
      oktaAccount: props.oktaAccount,
      authorizationServerId: props.authorizationServerId,
    });
  }

  /**
   * Microsoft Entra ID, formerly Azure AD (type `azureAD`). With
   * `supportGroups` (the default), policies can match Entra ID groups with
   * `AccessRule.entraIdGroup`.
   *
   * @param scope The construct the provider belongs to: a stack, or a construct of your own.
   * @param id Id of the provider construct, unique among the children of `scope`.
   * @param props The account and the provider's settings, described by `EntraIdIdentityProviderProps`.
   */
  public static entraId(scope: Construct, id: string, props: EntraIdIdentityProviderProps): AccessIdentityProvider {
    checkOAuthClient(props);
    requireUuid('directoryId', props.directoryId, 'the Entra ID tenant (directory) id');
    return new AccessIdentityProvider(scope, id, props, 'azureAD', 'Microsoft Entra ID', {
      ...oauthClient(props),
      directoryId: props.directoryId,
      supportGroups: props.supportGroups ?? true,
    });
  }

  /**
   * GitHub (type `github`): any GitHub account can log in, so policies must
   * name the people, or match `AccessRule.githubOrganization` or
   * `AccessRule.githubTeam`.
   *
   * @param scope The construct the provider belongs to: a stack, or a construct of your own.
   * @param id Id of the provider construct, unique among the children of `scope`.
   * @param props The account and the provider's settings, described by `GitHubIdentityProviderProps`.
   */
  public static github(scope: Construct, id: string, props: GitHubIdentityProviderProps): AccessIdentityProvider {
    checkOAuthClient(props);
    return new AccessIdentityProvider(scope, id, props, 'github', 'GitHub', oauthClient(props));
  }

  /**
   * A SAML 2.0 provider (type `saml`), e.g. ADFS, JumpCloud or Keycloak.
   * Policies can match SAML attributes listed in `attributes` with
   * `AccessRule.samlAttribute`.
   *
   * @param scope The construct the provider belongs to: a stack, or a construct of your own.
   * @param id Id of the provider construct, unique among the children of `scope`.
   * @param props The account and the provider's settings, described by `SamlIdentityProviderProps`.
   */
  public static saml(scope: Construct, id: string, props: SamlIdentityProviderProps): AccessIdentityProvider {
    checkBase(props);
    requireText('issuerUrl', props.issuerUrl);
    requireHttpsUrl('ssoTargetUrl', props.ssoTargetUrl);
    requireCertificates('idpPublicCerts', props.idpPublicCerts);
    checkNames('attributes', props.attributes);
    if (props.emailAttributeName !== undefined) {
      requireText('emailAttributeName', props.emailAttributeName);
    }
    return new AccessIdentityProvider(scope, id, props, 'saml', 'SAML', {
      issuerUrl: props.issuerUrl,
      ssoTargetUrl: props.ssoTargetUrl,
      idpPublicCerts: props.idpPublicCerts,
      attributes: props.attributes,
      emailAttributeName: props.emailAttributeName,
      signRequest: props.signRequest,
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
      accountId: props.cloudflareAccountId,
      name: props.name ?? defaultName,
      type,
      config,
    });
    this.identityProviderId = this.identityProvider.id;
    // The Access model reads a login method's reach from the provider's type.
    markIdentityProvider(this, this.identityProviderId, type);
  }
}

function checkBase(props: AccessIdentityProviderBaseProps): void {
  requireCloudflareId('cloudflareAccountId', props.cloudflareAccountId);
  if (props.name !== undefined) {
    requireText('name', props.name);
  }
}

function checkOAuthClient(props: AccessOAuthClientProps): void {
  checkBase(props);
  requireText('clientId', props.clientId);
  requireText('clientSecret', props.clientSecret);
}

/** A list that may be a token as a whole; otherwise at least one distinct non-empty name. */
function checkNames(property: string, names: string[] | undefined): void {
  checkOptionalList(property, names, (item, name) => requireText(item, name), String, 'Expected a list of names.');
}

/** At least one certificate, none of them a private key pasted by mistake. */
function requireCertificates(property: string, certificates: string[]): void {
  if (certificates === undefined || certificates === null) {
    invalid(property, certificates, 'Expected the IdP\'s signing certificates (the base64 body of each X.509 certificate).');
  }
  checkNames(property, certificates);
  if (isToken(certificates)) {
    return;
  }
  certificates.forEach((certificate, i) => {
    if (!isToken(certificate) && /PRIVATE KEY/.test(certificate)) {
      invalid(`${property}[${i}]`, '<redacted>',
        'This is a private key: give the IdP\'s public signing certificate, and treat the key as leaked if it was committed.');
    }
  });
}

/** The client credentials, with the secret kept out of plans and logs. */
function oauthClient(props: AccessOAuthClientProps): ZeroTrustAccessIdentityProviderConfigA {
  return { clientId: props.clientId, clientSecret: Fn.sensitive(props.clientSecret) };
}
