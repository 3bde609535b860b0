/**
 * HTTP methods a browser's CORS preflight may ask for: exactly the values
 * provider v5 accepts in `cors_headers.allowed_methods`.
 */
export enum AccessCorsMethod {
  /** `GET` */
  GET = 'GET',
  /** `POST` */
  POST = 'POST',
  /** `HEAD` */
  HEAD = 'HEAD',
  /** `PUT` */
  PUT = 'PUT',
  /** `DELETE` */
  DELETE = 'DELETE',
  /** `CONNECT` */
  CONNECT = 'CONNECT',
  /** `OPTIONS` */
  OPTIONS = 'OPTIONS',
  /** `TRACE` */
  TRACE = 'TRACE',
  /** `PATCH` */
  PATCH = 'PATCH',
}

/**
 * How Access answers browsers' CORS preflight (`OPTIONS`) requests for the
 * application (Terraform `cors_headers`): Access answers them itself at the
 * edge, so the preflight needs no login and never reaches the origin.
 *
 * Give exactly one of `allowedOrigins` and `allowAllOrigins`. For a page on
 * another origin to call the application with the user's Access session, set
 * `allowCredentials` and send requests with `credentials: 'include'`; a page
 * on another *site* (a different registrable domain) also needs the cookie
 * attribute `SameSite=None` (see `AccessCookieSettings.sameSite`).
 */
export interface AccessCorsOptions {
  /**
   * Origins allowed to call the application, each a scheme, host and optional
   * port with no path: `https://app.example.com`, `http://localhost:3000`.
   *
   * @default - none: give this or `allowAllOrigins`
   */
  readonly allowedOrigins?: string[];

  /**
   * Allow every origin. Cannot be combined with `allowedOrigins` nor with
   * `allowCredentials` (the provider rejects both): a page on any website
   * could then read responses, but never with the user's Access session.
   *
   * @default false
   */
  readonly allowAllOrigins?: boolean;

  /**
   * Methods the preflight may ask for.
   *
   * @default - the CORS-safelisted GET, HEAD and POST, unless `allowAllMethods`
   */
  readonly allowedMethods?: AccessCorsMethod[];

  /**
   * Allow every method. Cannot be combined with `allowedMethods`.
   *
   * @default false
   */
  readonly allowAllMethods?: boolean;

  /**
   * Request headers the preflight may ask for, e.g. `content-type` for JSON
   * requests or `authorization`.
   *
   * @default - none beyond the CORS-safelisted headers
   */
  readonly allowedHeaders?: string[];

  /**
   * Allow every request header. Cannot be combined with `allowedHeaders`.
   *
   * @default false
   */
  readonly allowAllHeaders?: boolean;

  /**
   * Let the browser send credentials (the Access cookie, `Authorization`
   * headers, client certificates) with cross-origin requests. Cannot be
   * combined with `allowAllOrigins`.
   *
   * @default false
   */
  readonly allowCredentials?: boolean;

  /**
   * How long, in seconds, a browser may cache the preflight answer: a whole
   * number from -1 (no caching) to 86400.
   *
   * @default - not sent: the browser's own default (5 seconds in most)
   */
  readonly maxAgeSeconds?: number;
}

/**
 * The `SameSite` attribute of the Access cookie (`CF_Authorization`):
 * exactly the values the Access API takes for `same_site_cookie_attribute`.
 */
export enum AccessCookieSameSite {
  /**
   * Sent on same-site requests and on top-level navigations from other sites
   * (following a link), not on cross-site sub-requests or form posts: blocks
   * cross-site request forgery while links from chat or email still arrive
   * logged in.
   */
  LAX = 'lax',

  /**
   * Sent on same-site requests only: the strongest protection against
   * cross-site request forgery, at the cost of an extra redirect through the
   * Access login (usually silent, with a live session) whenever a person
   * follows a link from another site.
   */
  STRICT = 'strict',

  /**
   * Sent on every request, cross-site ones included. Only for applications
   * that another site embeds or calls with the user's session (cross-site
   * CORS with credentials, iframes); it gives up the browser's protection
   * against cross-site request forgery, so the origin must have its own.
   */
  NONE = 'none',
}

/**
 * Attributes of the cookie Access sets after login (`CF_Authorization`).
 * `sameSite`, `httpOnly` and `bindingCookie` are always sent, so a change made
 * in the dashboard shows in the next plan and is put back. `pathScoped` is
 * sent only when given: the provider's `path_cookie_attribute` is optional and
 * not computed, and sending `false` for it is not known to be stable in the
 * API, so when it is not given a dashboard change to it goes unnoticed.
 */
export interface AccessCookieSettings {
  /**
   * The cookie's `SameSite` attribute.
   *
   * @default AccessCookieSameSite.LAX - cross-site requests carry no session, while links from other sites still work
   */
  readonly sameSite?: AccessCookieSameSite;

  /**
   * The `HttpOnly` attribute: scripts in the page cannot read the Access
   * token, so a cross-site scripting bug cannot steal it. Turn it off only
   * for a client that must read the cookie from JavaScript.
   *
   * @default true
   */
  readonly httpOnly?: boolean;

  /**
   * The binding cookie (`CF_Binding`): a second cookie, stripped before the
   * request reaches the origin, that ties the Access token to the browser it
   * was issued to, so a stolen `CF_Authorization` value is useless elsewhere.
   * Off by default because it breaks clients that carry the Access token
   * outside a browser (`cloudflared access`, SSH and RDP, scripts that reuse a
   * login's cookie) and features that replay requests (Automatic Signed
   * Exchanges, Automatic Platform Optimization, Zaraz); turn it on for an
   * application only browsers use.
   *
   * @default false
   */
  readonly bindingCookie?: boolean;

  /**
   * Scope the cookie to the application's path instead of the whole hostname
   * (Terraform `path_cookie_attribute`). Turn it on for an application on a
   * path of a hostname that another Access application also covers, so the two
   * applications' cookies do not overwrite each other.
   *
   * @default - not sent: Cloudflare's default applies (not path scoped)
   */
  readonly pathScoped?: boolean;
}
