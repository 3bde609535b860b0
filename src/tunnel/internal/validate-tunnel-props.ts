import { ORIGIN_SERVICE_FORM, isValidOriginService } from './origin-service';
import { isAccessApplication } from '../../access/is-access-application';
import { requireCloudflareId } from '../../core/cloudflare-id';
import { requireHostname, requireTeamName } from '../../core/hostname';
import { invalid, isToken, requireText } from '../../core/validation';
import {
  applicationCovers, applicationOnPathsOf, rejectBypassingApplication, requireHostnameDenies,
} from '../access-coverage';
import { TunnelIngressRule } from '../ingress';
import { checkOriginRequest } from '../origin-request-check';
import type { CloudflareTunnelProps } from '../tunnel';


function validateRule(property: string, rule: TunnelIngressRule, zoneName: string | undefined): void {
  requireHostname(`${property}.hostname`, rule.hostname, zoneName);
  if (rule.path !== undefined) {
    requireText(`${property}.path`, rule.path, 'Expected a regular expression matched against the request path, e.g. "^/api/", or leave it unset.');
  }
  if (!isToken(rule.service) && /-8\.1\d*e\+298/.test(rule.service)) {
    invalid(`${property}.service`, rule.service.replace(/-8\.1\d*e\+298/, '<a number token>'),
      'A number token was put in a string template, which prints its placeholder: wrap it in Token.asString(...) first, '
      + 'e.g. `http://localhost:${Token.asString(port)}`.');
  }
  if (!isToken(rule.service) && !isValidOriginService(rule.service)) {
    invalid(`${property}.service`, rule.service, ORIGIN_SERVICE_FORM);
  }
  if (rule.originRequest) {
    checkOriginRequest(rule.originRequest, `${property}.originRequest`);
  }
  validateAccessApplication(property, rule);
  requireAccessOrOptIn(property, rule);
}

function validateAccessApplication(property: string, rule: TunnelIngressRule): void {
  const application = rule.accessApplication;
  const paths = rule.pathAccessApplications;
  if (application === undefined) {
    if (rule.dangerouslyDisableOriginAccessCheck === true) {
      invalid(`${property}.dangerouslyDisableOriginAccessCheck`, true,
        'Only meaningful together with accessApplication (the check it turns off comes from that application); remove it.');
    }
    if (paths !== undefined) {
      invalid(`${property}.pathAccessApplications`, paths.map?.((path) => path.domains) ?? paths,
        'Needs accessApplication, the application that covers the rest of the hostname; the path applications only take over their paths.');
    }
    return;
  }
  validatePathApplications(property, rule);
  if (rule.originRequest?.access !== undefined) {
    invalid(`${property}.originRequest.access`, rule.originRequest.access,
      'Give either accessApplication (the check is then set from that application) or originRequest.access, not both.');
  }
  if (!applicationCovers(application, rule)) {
    invalid(`${property}.accessApplication`, application.domains,
      `Expected an Access application that covers ${JSON.stringify(rule.hostname)} (a domain equal to it or a "*." wildcard above it; `
      + 'a domain with a path covers only a rule with a path); otherwise the route is guarded by the wrong application.');
  }
}

/**
 * Path applications lie on paths of the rule's hostname; and while the origin
 * checks tokens, no application of the route may let OPTIONS preflights skip
 * Access, since cloudflared would reject them for want of a token.
 */
function validatePathApplications(property: string, rule: TunnelIngressRule): void {
  const paths = rule.pathAccessApplications ?? [];
  if (!Array.isArray(paths)) {
    invalid(`${property}.pathAccessApplications`, paths, 'Expected a list of Access applications.');
  }
  paths.forEach((path, i) => {
    if (!applicationOnPathsOf(path, rule.hostname)) {
      invalid(`${property}.pathAccessApplications[${i}]`, path.domains,
        `Expected an Access application on paths of ${JSON.stringify(rule.hostname)}: each domain that hostname (or a "*." `
        + 'wildcard above it) followed by a path, such as "app.example.com/api".');
    }
  });
  if (rule.dangerouslyDisableOriginAccessCheck === true) {
    return;
  }
  if (paths.length > 0 && rule.path !== undefined) {
    invalid(`${property}.path`, rule.path,
      'A rule with path applications covers the whole hostname: cloudflared gets one rule per path application, each '
      + 'checking only that application\'s tokens, before this one. Remove path.');
  }
  paths.forEach((path, i) => {
    if (path.domains.some((domain) => isToken(domain))) {
      invalid(`${property}.pathAccessApplications[${i}]`, path.domains,
        'Expected domains known at synthesis: each path becomes an ingress rule of its own, whose path expression is made from the domain.');
    }
  });
  requirePathsCarryHostnameDenies(property, rule);
  [rule.accessApplication!, ...paths].forEach((application, i) => {
    rejectBypassingApplication(i === 0 ? `${property}.accessApplication` : `${property}.pathAccessApplications[${i - 1}]`, application);
  });
}

/**
 * Every route that reaches an origin is guarded by Access, unless the rule
 * says loudly that it is public. Checked after the rule's other Access
 * settings, whose errors are more specific.
 */
function requireAccessOrOptIn(property: string, rule: TunnelIngressRule): void {
  const guarded = rule.accessApplication !== undefined || rule.originRequest?.access !== undefined
    || (!isToken(rule.service) && rule.service.startsWith('http_status:'));
  if (!guarded && rule.dangerouslyPublishWithoutAccess !== true && rule.dangerouslyDisableOriginAccessCheck !== true
    && rule.pathAccessApplications === undefined) {
    invalid(`${property}.accessApplication`, undefined,
      `This rule publishes ${JSON.stringify(rule.hostname)} with no Access application: anyone on the internet reaches the origin `
      + 'with no login. Give the rule its accessApplication (an AccessApplication covering the hostname; the origin then checks '
      + 'its tokens too), or set dangerouslyPublishWithoutAccess: true if the app must be public.');
  }
  if (guarded && rule.dangerouslyPublishWithoutAccess === true) {
    invalid(`${property}.dangerouslyPublishWithoutAccess`, true,
      'Only meaningful for a rule without accessApplication, originRequest.access or an http_status service; remove it.');
  }
}

/**
 * Access evaluates only the path's application for requests under the path:
 * every DENY policy of the hostname's application must be on each path's
 * application too, or whoever it turns away still reaches the path.
 */
function requirePathsCarryHostnameDenies(property: string, rule: TunnelIngressRule, at?: string): void {
  const hostname = rule.accessApplication;
  if (!isAccessApplication(hostname)) {
    return; // an application managed elsewhere: its policies are not known here
  }
  (rule.pathAccessApplications ?? []).forEach((path, i) => {
    if (!isAccessApplication(path)) {
      return;
    }
    requireHostnameDenies(at === undefined ? `${property}.pathAccessApplications[${i}]` : `${property}.${at}`, path.domains, hostname, path._policyIds);
  });
}

/**
 * A hostname whose rule has path applications has that rule alone: an
 * earlier rule of the hostname could take requests for a path application's
 * paths with another application's token (and past the refusal of unsafe
 * paths), and a later one would never be used. And an application on a path
 * of a hostname guarding a rule of its own must carry that hostname
 * application's DENY policies, as path applications must.
 */
function requireOwnHostnameForPathApplications(rules: readonly TunnelIngressRule[]): void {
  rules.forEach((rule, index) => {
    if ((rule.pathAccessApplications ?? []).length === 0) {
      return;
    }
    rules.forEach((other, j) => {
      if (j !== index && other.hostname === rule.hostname) {
        invalid(`ingress[${j}]`, other.path === undefined ? other.hostname : `${other.hostname} path ${other.path}`,
          `ingress[${index}] gives ${JSON.stringify(rule.hostname)} path applications, so it must be the only rule of the hostname: `
          + 'another rule could take requests for those paths with another application\'s token. Add the path to '
          + `ingress[${index}].pathAccessApplications instead.`);
      }
    });
  });
  rules.forEach((rule, index) => {
    const own = rule.accessApplication;
    if (rule.path === undefined || !isAccessApplication(own) || !applicationOnPathsOf(own, rule.hostname)) {
      return;
    }
    // The hostname's application: another rule's application that covers the whole hostname (or a wildcard above it).
    const hostnameRule = rules.find((other) => other !== rule && other.hostname === rule.hostname && other.accessApplication !== undefined
      && other.accessApplication !== own && applicationCovers(other.accessApplication, { hostname: rule.hostname, service: 'hello_world' }));
    if (hostnameRule !== undefined) {
      requirePathsCarryHostnameDenies(`ingress[${index}]`, { ...hostnameRule, pathAccessApplications: [own] }, 'accessApplication');
    }
  });
}

/** Fails when two rules match the same hostname and path: the second would never be used. */
function requireDistinctRoutes(rules: readonly TunnelIngressRule[]): void {
  const firstIndex = new Map<string, number>();
  rules.forEach((rule, index) => {
    const route = rule.path === undefined ? rule.hostname : `${rule.hostname} path ${rule.path}`;
    const earlier = firstIndex.get(route);
    if (earlier !== undefined) {
      invalid(`ingress[${index}]`, route, `Each hostname and path pair may appear only once; ingress[${earlier}] already routes it.`);
    }
    firstIndex.set(route, index);
  });
}

/**
 * The Access guards of the routes alone: each route behind an Access application that covers it (or
 * loudly public), path applications on paths of their hostname carrying its DENY policies, nothing that
 * lets requests skip Access while the origin checks tokens. The tunnel runs them even when an outer
 * construct checked its props already (that construct's checks come first and name the props as its
 * user wrote them): who gets in is never left to the caller's checks alone.
 */
export function requireRoutesGuarded(props: CloudflareTunnelProps): void {
  props.ingress.forEach((rule, index) => {
    validateAccessApplication(`ingress[${index}]`, rule);
    requireAccessOrOptIn(`ingress[${index}]`, rule);
  });
  requireOwnHostnameForPathApplications(props.ingress);
}

/** Checks every prop before any resource is created; throws on the first bad value. */
export function validateTunnelProps(props: CloudflareTunnelProps): void {
  requireCloudflareId('cloudflareAccountId', props.cloudflareAccountId);
  requireCloudflareId('cloudflareZoneId', props.cloudflareZoneId);
  requireText('name', props.name, 'Expected a non-empty tunnel name.');
  if (props.zoneName !== undefined) {
    requireHostname('zoneName', props.zoneName, undefined, 'example.com');
  }
  if (props.zeroTrustTeamName !== undefined) {
    requireTeamName('zeroTrustTeamName', props.zeroTrustTeamName);
  }
  if (isToken(props.ingress) || !Array.isArray(props.ingress)) {
    invalid('ingress', props.ingress, 'Expected a literal list of rules: each becomes an ingress rule and, per hostname, a DNS record.');
  }
  if (props.ingress.length === 0) {
    invalid('ingress', props.ingress, 'Expected at least one rule routing a public hostname to an origin service.');
  }
  props.ingress.forEach((rule, index) => validateRule(`ingress[${index}]`, rule, props.zoneName));
  requireDistinctRoutes(props.ingress);
  requireOwnHostnameForPathApplications(props.ingress);
}
