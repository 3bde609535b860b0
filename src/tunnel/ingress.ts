import type { IAccessApplication } from '../access';

/**
 * Makes `cloudflared` itself check the Cloudflare Access token of every
 * request to a hostname, and refuse requests without a valid one.
 *
 * This is defence in depth: even if the DNS record or the Access application
 * is misconfigured, the origin only sees requests that passed Access.
 */
export interface TunnelAccessEnforcement {
  /**
   * The Zero Trust team name: the first label of the team domain, e.g.
   * `acme` for `acme.cloudflareaccess.com`.
   */
  readonly teamName: string;

  /**
   * The audience (AUD) tag of the Access application that protects the
   * hostname. May be a token, e.g. the `aud` attribute of a
   * `ZeroTrustAccessApplication`.
   */
  readonly audTag: string;

  /**
   * AUD tags of further applications whose tokens are accepted too:
   * `cloudflared` lets a request through when its token is for any of the
   * tags, on every path of the rule. Not for applications on paths of the
   * hostname (a token of one would pass on all paths): give those as the
   * rule's `pathAccessApplications`, which get rules of their own.
   *
   * @default - only `audTag`
   */
  readonly additionalAudTags?: string[];
}

/**
 * How `cloudflared` connects to the origin service of one ingress rule.
 *
 * Only the settings given are sent. When none is given, the rule carries no
 * `origin_request` and `cloudflared`'s own defaults apply; once any is given,
 * the provider fills in the others with the tunnel configuration API's
 * defaults (e.g. a 10 second connect timeout).
 */
export interface TunnelOriginRequest {
  /**
   * Timeout, in seconds, for establishing a TCP connection to the origin.
   *
   * @default - not set: cloudflared's own 30 seconds when the rule has no
   * other origin setting, otherwise the API default of 10 seconds
   */
  readonly connectTimeoutSeconds?: number;

  /**
   * Value of the HTTP `Host` header sent to the origin.
   *
   * @default - the public hostname of the request
   */
  readonly httpHostHeader?: string;

  /**
   * Hostname that `cloudflared` expects in the origin's TLS certificate.
   *
   * @default - the hostname of the service URL
   */
  readonly originServerName?: string;

  /**
   * Accept any TLS certificate from the origin. Only for origins with a
   * self-signed certificate that cannot be given a proper one; it disables
   * protection against a spoofed origin.
   *
   * @default false
   */
  readonly noTlsVerify?: boolean;

  /**
   * Talk HTTP/2 to the origin. The origin must be served over `https://`.
   *
   * @default false
   */
  readonly http2Origin?: boolean;

  /**
   * Make `cloudflared` reject requests that carry no valid Cloudflare Access
   * token for the given application. Prefer the rule's `accessApplication`:
   * it fills in this setting from the application (its AUD tag, under the
   * tunnel's `zeroTrustTeamName`) and also orders the route after it. This
   * setting is the same check written out by hand, for an application known
   * only by its team name and AUD tag; a rule takes one or the other.
   *
   * @default - set from the rule's `accessApplication`; without one, no check by cloudflared
   */
  readonly access?: TunnelAccessEnforcement;
}

/**
 * Routes requests for one public hostname (and optionally a path) through
 * the tunnel to an origin service.
 *
 * The construct appends a final catch-all rule that answers 404, so requests
 * for any other hostname never reach an origin.
 */
export interface TunnelIngressRule {
  /**
   * Fully qualified, lower-case public hostname, e.g. `app.example.com`.
   * It must lie in the zone when the tunnel's `zoneName` is given.
   */
  readonly hostname: string;

  /**
   * Regular expression (Go RE2 syntax) matched against the request path,
   * e.g. `^/api/`. Rules are tried in order; the first match wins.
   *
   * @default - every path of the hostname
   */
  readonly path?: string;

  /**
   * Where `cloudflared` sends matching requests: `http://host:port`,
   * `https://host:port`, `tcp://`, `ssh://`, `rdp://` or `smb://` URLs
   * (scheme and host, no path), `unix:/path/to.sock`,
   * `unix+tls:/path/to.sock`, `http_status:NNN` or `hello_world`.
   *
   * In an ECS task the app container is reached on `localhost`, e.g.
   * `http://localhost:8080`.
   */
  readonly service: string;

  /**
   * How `cloudflared` connects to the origin.
   *
   * @default - cloudflared defaults
   */
  readonly originRequest?: TunnelOriginRequest;

  /**
   * The Access application that covers this hostname. The route then fails
   * closed: `cloudflared` rejects requests without a valid Access token for
   * this application (its AUD tag, under the tunnel's `zeroTrustTeamName`), and
   * the ingress configuration and the hostname's DNS record are created only
   * after the application and every one of its policies exist, so a failed
   * Access apply never leaves the hostname routed without a login.
   *
   * An `ExistingAccessApplication` managed elsewhere works the same at
   * the origin, but nothing in this stack can wait for it: it must cover the
   * hostname before the route is first applied (until then, the origin turns
   * every request away).
   *
   * @default - no Access application: the route is not ordered after Access
   * and the origin checks no token unless `originRequest.access` is set
   */
  readonly accessApplication?: IAccessApplication;

  /**
   * Access applications on paths of this rule's hostname (each domain
   * `<hostname>/<path>`), which take over those paths from
   * `accessApplication` with policies of their own. Each path gets an
   * ingress rule of its own before this one, with the same service and origin
   * settings and a `path` expression for the path and what lies below it
   * (`/admin` gives `^/admin(/.*)?$`), whose origin check accepts only that
   * application's tokens; this rule's accepts only `accessApplication`'s. The
   * route waits for all of them. Needs `accessApplication`, which covers the
   * rest of the hostname, and no `path` on this rule; the domains must be
   * known at synthesis.
   *
   * @default - none
   */
  readonly pathAccessApplications?: IAccessApplication[];

  /**
   * Turn off the origin's Access token check for a rule that has an
   * `accessApplication` (the route is still created after the application).
   * Only Cloudflare's edge then enforces Access: if the application is
   * deleted in the dashboard, fails to apply, or no longer covers this
   * hostname, the app is served to anyone with no login at all.
   *
   * @default false
   */
  readonly dangerouslyDisableOriginAccessCheck?: boolean;

  /**
   * Publish this route with no Access application: anyone on the internet
   * who finds the hostname reaches the origin, with no login and no token
   * check at the origin. Without it, a rule needs `accessApplication` (or
   * `originRequest.access`, or an `http_status:` service). Only for an app
   * that is meant to be public, or that does its own authentication; the
   * access report lists the hostname as open to anyone without login, with
   * this opt-in recorded in the output.
   *
   * @default false
   */
  readonly dangerouslyPublishWithoutAccess?: boolean;
}
