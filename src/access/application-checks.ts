/**
 * Checks and provider mapping of an application's browser and machine-client
 * settings (CORS, cookies, deny responses) and of references to existing
 * policies. Internal: not part of the public API.
 */
import { ZeroTrustAccessApplicationCorsHeaders } from '@cdktf/provider-cloudflare/lib/zero-trust-access-application';
import type { AccessApplicationClientOptions, AccessApplicationLoginOptions } from './application';
import { AccessCookieSameSite, AccessCookieSettings, AccessCorsMethod, AccessCorsOptions } from './application-settings';
import { AccessDecision } from './decision';
import { checkOptionalList, parseUrl, requireHttpsUrl, requireSessionDuration, requireUuid } from './internal/value-checks';
import type { AccessPolicyReference } from './policy-reference';
import { PropPath } from '../core/prop-path';
import { invalid, isToken, requireOneOf, requireOptionalIntegerInRange, requireText, requireUnique } from '../core/validation';

const CORS_METHODS = Object.values(AccessCorsMethod) as string[];
const SAME_SITE = Object.values(AccessCookieSameSite) as string[];
const DECISIONS = Object.values(AccessDecision) as string[];

/** What a browser does without CORS methods configured: the CORS-safelisted ones. */
const DEFAULT_CORS_METHODS = [AccessCorsMethod.GET, AccessCorsMethod.HEAD, AccessCorsMethod.POST];

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Fails unless `value` is an origin: `https://host[:port]`, no path, lower case. */
function requireOrigin(property: string, value: string): void {
  if (isToken(value)) {
    return;
  }
  const url = parseUrl(value);
  if (!url || !['https:', 'http:'].includes(url.protocol) || url.origin !== value) {
    invalid(property, value,
      'Expected an origin: scheme, lower-case host and optional port, with no path or trailing slash, '
      + 'e.g. "https://app.example.com" or "http://localhost:3000".');
  }
}


/** Fails on the first problem of the CORS settings, named under `property` (e.g. `cors`). */
function checkCors(property: string, cors: AccessCorsOptions): void {
  if (cors === null || typeof cors !== 'object' || Array.isArray(cors)) {
    invalid(property, cors, 'Expected CORS settings such as { allowedOrigins: ["https://app.example.com"] }.');
  }
  checkOptionalList(`${property}.allowedOrigins`, cors.allowedOrigins, requireOrigin, (origin) => origin.toLowerCase());
  if (cors.allowAllOrigins === true && cors.allowedOrigins !== undefined) {
    invalid(`${property}.allowAllOrigins`, true, 'Give either allowedOrigins or allowAllOrigins, not both (the provider takes exactly one).');
  }
  if (cors.allowAllOrigins !== true && cors.allowedOrigins === undefined) {
    invalid(`${property}.allowedOrigins`, undefined,
      'Expected the origins allowed to call the application, e.g. ["https://app.example.com"], or allowAllOrigins: true '
      + '(the provider takes exactly one).');
  }
  if (cors.allowAllOrigins === true && cors.allowCredentials === true) {
    invalid(`${property}.allowCredentials`, true,
      'Cannot be combined with allowAllOrigins (the provider rejects it, and browsers never send credentials to "*"): '
      + 'list the origins in allowedOrigins.');
  }

  checkOptionalList(`${property}.allowedMethods`, cors.allowedMethods, (item, method) => requireOneOf(item, method, CORS_METHODS));
  if (cors.allowAllMethods === true && cors.allowedMethods !== undefined) {
    invalid(`${property}.allowAllMethods`, true, 'Give either allowedMethods or allowAllMethods, not both (the provider takes exactly one).');
  }

  checkOptionalList(`${property}.allowedHeaders`, cors.allowedHeaders, (item, header) => {
    if (!isToken(header) && !HEADER_NAME.test(header)) {
      invalid(item, header, 'Expected an HTTP header name such as "content-type" or "authorization".');
    }
  }, (header) => header.toLowerCase());
  if (cors.allowAllHeaders === true && cors.allowedHeaders !== undefined) {
    invalid(`${property}.allowAllHeaders`, true, 'Give either allowedHeaders or allowAllHeaders, not both (the provider rejects both).');
  }
  requireOptionalIntegerInRange(`${property}.maxAgeSeconds`, cors.maxAgeSeconds, -1, 86400);
}

/**
 * Provider v5's `cors_headers`. Exactly one of `allow_all_origins` and
 * `allowed_origins`, and of `allow_all_methods` and `allowed_methods`, is sent
 * (the provider's ExactlyOneOf counts a `false` as given); the `allow_all_*`
 * flags only when true.
 */
export function toCorsHeaders(cors: AccessCorsOptions): ZeroTrustAccessApplicationCorsHeaders {
  const allMethods = cors.allowAllMethods === true;
  return {
    allowAllOrigins: cors.allowAllOrigins === true ? true : undefined,
    allowedOrigins: cors.allowAllOrigins === true ? undefined : cors.allowedOrigins,
    allowAllMethods: allMethods ? true : undefined,
    allowedMethods: allMethods ? undefined : (cors.allowedMethods ?? DEFAULT_CORS_METHODS),
    allowAllHeaders: cors.allowAllHeaders === true ? true : undefined,
    allowedHeaders: cors.allowedHeaders,
    allowCredentials: cors.allowCredentials,
    maxAge: cors.maxAgeSeconds,
  };
}

/** Fails unless the cookie settings are well formed. */
function checkCookies(property: string, cookies: AccessCookieSettings): void {
  if (cookies === null || typeof cookies !== 'object' || Array.isArray(cookies)) {
    invalid(property, cookies, 'Expected cookie settings such as { sameSite: AccessCookieSameSite.STRICT }.');
  }
  if (cookies.sameSite !== undefined && !SAME_SITE.includes(cookies.sameSite)) {
    invalid(`${property}.sameSite`, cookies.sameSite, `Expected one of ${SAME_SITE.join(', ')} (an AccessCookieSameSite).`);
  }
}

/** The cookie attributes of an application, always sent (see AccessCookieSettings). */
export interface CookieAttributes {
  readonly sameSiteCookieAttribute: string;
  readonly httpOnlyCookieAttribute: boolean;
  readonly enableBindingCookie: boolean;
  readonly pathCookieAttribute?: boolean;
}

/** The cookie attributes with their secure defaults. */
export function toCookieAttributes(cookies: AccessCookieSettings | undefined): CookieAttributes {
  return {
    sameSiteCookieAttribute: cookies?.sameSite ?? AccessCookieSameSite.LAX,
    httpOnlyCookieAttribute: cookies?.httpOnly ?? true,
    enableBindingCookie: cookies?.bindingCookie ?? false,
    pathCookieAttribute: cookies?.pathScoped,
  };
}

/** The deny settings of an application. */
export type DenySettings = Pick<AccessApplicationClientOptions, 'customDenyMessage' | 'customDenyUrl' | 'customNonIdentityDenyUrl' | 'serviceAuth401'>;

/**
 * Fails on deny settings that contradict each other, or that answer Service
 * Auth failures of an application without a NON_IDENTITY policy.
 *
 * @param prefix how the user reaches these settings ('' on AccessApplication)
 * @param hasNonIdentity whether some policy of the application is NON_IDENTITY
 */
function checkDenySettings(prefix: string, deny: DenySettings, hasNonIdentity: boolean): void {
  if (deny.customDenyMessage !== undefined) {
    requireText(`${prefix}customDenyMessage`, deny.customDenyMessage);
  }
  if (deny.customDenyUrl !== undefined) {
    requireHttpsUrl(`${prefix}customDenyUrl`, deny.customDenyUrl);
  }
  if (deny.customDenyMessage !== undefined && deny.customDenyUrl !== undefined) {
    invalid(`${prefix}customDenyUrl`, deny.customDenyUrl,
      'Give either customDenyMessage (shown on Access\'s block page) or customDenyUrl (a redirect), not both: '
      + 'they are two answers to the same denied request.');
  }
  if (deny.customNonIdentityDenyUrl !== undefined) {
    requireHttpsUrl(`${prefix}customNonIdentityDenyUrl`, deny.customNonIdentityDenyUrl);
  }
  if (deny.serviceAuth401 === true && deny.customNonIdentityDenyUrl !== undefined) {
    invalid(`${prefix}customNonIdentityDenyUrl`, deny.customNonIdentityDenyUrl,
      'Give either serviceAuth401 (a 401 status) or customNonIdentityDenyUrl (a redirect), not both: '
      + 'they are two answers to the same request that fails the Service Auth policies.');
  }
  if (!hasNonIdentity) {
    if (deny.serviceAuth401 === true) {
      invalid(`${prefix}serviceAuth401`, true,
        'Only meaningful with a NON_IDENTITY (Service Auth) policy, e.g. one that includes AccessRule.serviceToken(token.tokenId); '
        + 'add one or remove it.');
    }
    if (deny.customNonIdentityDenyUrl !== undefined) {
      invalid(`${prefix}customNonIdentityDenyUrl`, deny.customNonIdentityDenyUrl,
        'Only meaningful with a NON_IDENTITY (Service Auth) policy; add one or remove it.');
    }
  }
}

/** Fails on the first malformed reference to an existing policy. */
export function checkPolicyReferences(property: string, references: readonly AccessPolicyReference[]): void {
  if (!Array.isArray(references)) {
    invalid(property, references, 'Expected a list of { policyId, decision }.');
  }
  references.forEach((reference, i) => {
    const item = `${property}[${i}]`;
    if (reference === null || typeof reference !== 'object') {
      invalid(item, reference, 'Expected { policyId, decision }.');
    }
    requireUuid(`${item}.policyId`, reference.policyId, 'the id of a reusable Access policy');
    if (!DECISIONS.includes(reference.decision)) {
      invalid(`${item}.decision`, reference.decision,
        `Expected the policy's decision in Cloudflare, one of ${DECISIONS.join(', ')} (an AccessDecision).`);
    }
    const confirmed = reference.dangerouslyBypassAuthentication === true;
    if (reference.decision === AccessDecision.BYPASS && !confirmed) {
      invalid(`${item}.decision`, reference.decision,
        'A BYPASS policy lets matching requests reach the origin with no authentication at all. '
        + 'Set dangerouslyBypassAuthentication: true on the reference to confirm.');
    }
    if (confirmed && reference.decision !== AccessDecision.BYPASS) {
      invalid(`${item}.dangerouslyBypassAuthentication`, true,
        `Only meaningful with decision BYPASS, but decision is ${String(reference.decision).toUpperCase()}; remove it.`);
    }
  });
  requireUnique(`${property}[].policyId`, references.map((reference) => reference.policyId).filter((id) => !isToken(id)),
    (id) => id.toLowerCase());
}

/** Checks the login settings of an application, named under `path` (`access.` through the pattern). */
export function checkLoginSettings(settings: AccessApplicationLoginOptions, path: PropPath): void {
  if (settings.sessionDuration !== undefined) {
    requireSessionDuration(path.of('sessionDuration'), settings.sessionDuration);
  }
  if (settings.logoUrl !== undefined) {
    requireHttpsUrl(path.of('logoUrl'), settings.logoUrl);
  }
  const idps = settings.allowedIdentityProviderIds;
  if (idps !== undefined && !isToken(idps)) {
    idps.forEach((idp, i) => requireText(path.of(`allowedIdentityProviderIds[${i}]`), idp));
    requireUnique(path.of('allowedIdentityProviderIds'), idps);
  }
  if (settings.autoRedirectToIdentity === true && !isToken(idps) && idps?.length !== 1) {
    invalid(path.of('autoRedirectToIdentity'), true,
      `Needs exactly one entry in allowedIdentityProviderIds (the provider to redirect to), but there are ${idps?.length ?? 0}.`);
  }
}

/** What the client settings check reads: the client settings, and the preflight bypass of `AccessApplicationProps`. */
export interface ClientSettings extends AccessApplicationClientOptions {
  readonly bypassOptionsPreflight?: boolean;
}

/**
 * Checks how an application answers browsers and denied requests, named
 * under `path`; `hasNonIdentity` says whether a NON_IDENTITY policy is among
 * the application's, which the Service Auth settings need.
 */
export function checkClientSettings(settings: ClientSettings, path: PropPath, hasNonIdentity: boolean): void {
  if (settings.cors !== undefined) {
    checkCors(path.of('cors'), settings.cors);
    if (settings.bypassOptionsPreflight === true) {
      invalid(path.of('bypassOptionsPreflight'), true,
        'Cannot be combined with cors (the provider refuses both): with cors, Access answers preflights itself; '
        + 'with bypassOptionsPreflight, the origin does. Prefer cors.');
    }
  }
  if (settings.cookies !== undefined) {
    checkCookies(path.of('cookies'), settings.cookies);
  }
  checkDenySettings(path.text, settings, hasNonIdentity);
}
