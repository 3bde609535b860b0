/**
 * How each ingress rule is tied to the Access application that guards it:
 * the origin token check, the team name it needs, and the resources a route
 * must wait for. Internal: not part of the public API.
 */
import { DataCloudflareZeroTrustOrganization } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zero-trust-organization';
import { Annotations, Fn, TerraformResource, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import { IAccessApplication } from '../../access';
import { isAccessApplication } from '../../access/is-access-application';
import { applicationOnPathsOf } from '../access-coverage';
import { TunnelIngressRule } from '../ingress';
import type { CloudflareTunnelProps } from '../tunnel';

/**
 * Request paths that Access, cloudflared and the app could each read as a
 * different path, refused (400) before any rule of a hostname with path
 * applications. cloudflared matches ingress paths on the decoded path
 * (`req.URL.Path`, proxy/proxy.go at 2026.8.2), Access matches the URL as
 * sent, and the app normalises again: dot segments (`/x/../admin`, also
 * from `..%2F` or `%2e%2e`), empty segments (`//admin`), `;` parameters,
 * backslashes and control characters could make a request Access files
 * under one application reach the app's handler of another path.
 */
export const UNSAFE_PATH = '(?:^|/)\\.{1,2}(?:/|$)|//|;|\\\\|[[:cntrl:]]';

/** Every Zero Trust organisation's team domain ends in this. */
export const TEAM_DOMAIN_SUFFIX = '.cloudflareaccess.com';

/**
 * An Access application of this app and its policies: what must exist before
 * a route to it. An application managed elsewhere has nothing here to wait for.
 */
function guardResources(application: IAccessApplication): TerraformResource[] {
  if (!isAccessApplication(application)) {
    return [];
  }
  return [application.application, ...application.policies.map((policy) => policy.policy)];
}

/** The applications of a rule: the hostname's, then those of its paths. */
function applicationsOf(rule: TunnelIngressRule): IAccessApplication[] {
  return rule.accessApplication ? [rule.accessApplication, ...(rule.pathAccessApplications ?? [])] : [];
}

/** Each resource once, in first-seen order. */
function distinct(resources: TerraformResource[]): TerraformResource[] {
  return [...new Set(resources)];
}

export class RouteAccess {
  /** The rules as given, with the origin check filled in from their Access application. */
  public readonly enforcedRules: TunnelIngressRule[];

  private readonly rules: readonly TunnelIngressRule[];
  private readonly organization?: DataCloudflareZeroTrustOrganization;

  constructor(scope: Construct, props: CloudflareTunnelProps) {
    this.rules = props.ingress;
    const needsTeamName = props.ingress.some((rule) => enforcesFromApplication(rule));
    if (needsTeamName && props.zeroTrustTeamName === undefined) {
      this.organization = new DataCloudflareZeroTrustOrganization(scope, 'Organization', { accountId: props.cloudflareAccountId });
    }
    const teamName = props.zeroTrustTeamName
      ?? (this.organization && Fn.trimsuffix(this.organization.authDomain, TEAM_DOMAIN_SUFFIX));

    // Before each rule with path applications, one rule per path, longest
    // first (as Access lets the longest matching path win), whose origin check
    // accepts only that path's application: a token of the hostname's
    // application never passes on a path another application guards.
    const enforce = (rule: TunnelIngressRule, application: IAccessApplication, path?: string): TunnelIngressRule => ({
      ...rule,
      path: path ?? rule.path,
      originRequest: { ...rule.originRequest, access: { teamName: teamName!, audTag: application.aud } },
    });
    props.ingress.forEach((rule, index) => {
      if (rule.originRequest?.access === undefined && !enforcesFromApplication(rule) && !rule.service.startsWith('http_status:')) {
        Annotations.of(scope).addWarning(
          `ingress[${index}] (${rule.hostname}): cloudflared does not check Cloudflare Access tokens for this route, so `
          + 'any gap in Access at the edge (a failed or deleted application, a hostname it does not cover) serves the '
          + 'origin with no login. Give the rule its accessApplication, and do not turn its origin check off.');
      }
    });
    // Hostnames with applications on their paths: paths Access and the app could read differently
    // never reach a rule of them (see UNSAFE_PATH); the refusal comes before the hostname's first rule.
    const onPaths = (rule: TunnelIngressRule) => (rule.pathAccessApplications ?? []).length > 0
      || (rule.path !== undefined && applicationOnPathsOf(rule.accessApplication!, rule.hostname));
    const withPathApplications = new Set(props.ingress.filter((rule) => enforcesFromApplication(rule) && onPaths(rule)).map((rule) => rule.hostname));
    const refused = new Set<string>();
    this.enforcedRules = props.ingress.flatMap((rule) => {
      const refusal: TunnelIngressRule[] = withPathApplications.has(rule.hostname) && !refused.has(rule.hostname)
        ? [{ hostname: rule.hostname, path: UNSAFE_PATH, service: 'http_status:400' }] : [];
      refused.add(rule.hostname);
      if (!enforcesFromApplication(rule)) {
        return [...refusal, rule];
      }
      const pathRules = (rule.pathAccessApplications ?? [])
        .flatMap((application) => application.domains.map((domain) => ({ application, path: pathOf(domain) })))
        .sort((a, b) => b.path.length - a.path.length)
        .map(({ application, path }) => enforce(rule, application, accessPathRegex(path)));
      return [...refusal, ...pathRules, enforce(rule, rule.accessApplication!)];
    });
  }

  /** The Access resources every route of the tunnel waits for; undefined when there are none. */
  public guardsOfAllRoutes(): TerraformResource[] | undefined {
    const guards = distinct(this.rules.flatMap((rule) => applicationsOf(rule).flatMap(guardResources)));
    return guards.length > 0 ? guards : undefined;
  }

  /** The Access resources the DNS record of `hostname` waits for. */
  public guardsOf(hostname: string): TerraformResource[] {
    return distinct(this.rules
      .filter((rule) => rule.hostname === hostname)
      .flatMap((rule) => applicationsOf(rule).flatMap(guardResources)));
  }

  /**
   * When the team name comes from the account, stop the plan if it is not of
   * the `<team>.cloudflareaccess.com` form: a wrong team name would make
   * cloudflared trust another organisation's signing keys.
   */
  public teamNamePreconditions(): TerraformResourceLifecycle | undefined {
    if (this.organization === undefined) {
      return undefined;
    }
    return {
      precondition: [{
        condition: Fn.endswith(this.organization.authDomain, TEAM_DOMAIN_SUFFIX),
        errorMessage: `The Zero Trust organization's auth_domain does not end in ${TEAM_DOMAIN_SUFFIX}, so the team name for the `
          + 'origin Access check cannot be derived from it. Set the team name explicitly (zeroTrustTeamName).',
      }],
    };
  }
}

/** True when the origin check comes from the rule's Access application. */
function enforcesFromApplication(rule: TunnelIngressRule): boolean {
  return rule.accessApplication !== undefined && rule.dangerouslyDisableOriginAccessCheck !== true;
}

/** The path of an Access application domain (`host/path` gives `/path`). */
function pathOf(domain: string): string {
  const slash = domain.indexOf('/');
  return slash === -1 ? '/' : domain.slice(slash);
}

/**
 * A Go RE2 expression for the request paths an Access application on `path`
 * covers: the path itself and everything below it (`/admin` gives
 * `^/admin(/.*)?$`). Regular expression metacharacters match literally; a `*`
 * matches within one path segment, and a trailing `/*` everything below the
 * path but not the path itself (`/admin/*` gives `^/admin/.*$`).
 */
export function accessPathRegex(path: string): string {
  const trailingWildcard = path.endsWith('/*');
  const base = trailingWildcard ? path.slice(0, -2) : path.replace(/\/+$/, '');
  const body = base.split('*').map((part) => part.replace(/[\\.+?()|[\]{}^$]/g, '\\$&')).join('[^/]*');
  // Without regard to case: a request for `/ADMIN` meets the rule of `/admin`, which accepts only that application's tokens.
  return trailingWildcard ? `(?i)^${body}/.*$` : `(?i)^${body}(/.*)?$`;
}
