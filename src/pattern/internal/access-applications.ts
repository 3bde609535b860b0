/**
 * The pattern's Access applications beyond the hostname's own: its new
 * application settings, the applications of `access.paths`, and an existing
 * application in place of a new one. Internal: not part of the public API.
 */
import { Construct } from 'constructs';
import {
  AccessApplication,
  AccessApplicationProps,
  AccessDecision,
  AccessPolicyOptions,
  AccessPolicyReference,
  IAccessApplication,
} from '../../access';
import { checkClientSettings } from '../../access/application-checks';
import { isAccessApplication } from '../../access/is-access-application';
import {
  checkPolicySet, checkPolicySetModel, checkPolicySetReferences, GuardEntry, orderedPolicies, policyDecisions, policySetEntries, requireSomeoneLetIn,
} from '../../access/policy-set';
import { DNS_LABEL_FORM, isDnsLabel } from '../../core/dns-label';
import { handDownChecked, PropPath } from '../../core/prop-path';
import { invalid, isToken, requireText, requireUnique } from '../../core/validation';
import { applicationCovers, bypassPolicyMessage, rejectBypassingApplication, requireHostnameDenies } from '../../tunnel/access-coverage';
import { ZeroTrustAccessOptions, ZeroTrustAccessPathOptions } from '../options';

/** The settings of `access` that pass straight to the hostname's application. */
export function hostnameApplicationSettings(access: ZeroTrustAccessOptions): Partial<AccessApplicationProps> {
  return {
    existingPolicies: access.existingPolicies,
    cors: access.cors,
    cookies: access.cookies,
    skipInterstitial: access.skipInterstitial,
    customDenyMessage: access.customDenyMessage,
    customDenyUrl: access.customDenyUrl,
    customNonIdentityDenyUrl: access.customNonIdentityDenyUrl,
    serviceAuth401: access.serviceAuth401,
  };
}

/** Settings of `access` that only configure the application this construct would create. */
const NEW_APPLICATION_SETTINGS: Array<keyof ZeroTrustAccessOptions> = [
  'allow', 'policies', 'existingPolicies', 'allowedIdentityProviderIds', 'autoRedirectToIdentity', 'applicationName',
  'sessionDuration', 'appLauncherVisible', 'logoUrl', 'cors', 'cookies', 'skipInterstitial', 'customDenyMessage',
  'customDenyUrl', 'customNonIdentityDenyUrl', 'serviceAuth401',
];

/** True when `access` gives some way in besides `allow` and `policies`. */
export function hasOtherWayIn(access: ZeroTrustAccessOptions): boolean {
  return access.existingApplication !== undefined || (access.existingPolicies ?? []).length > 0;
}

/** The key of a path: given, or made from the path (`/api/v1` becomes `api-v1`). */
function pathKey(options: ZeroTrustAccessPathOptions): string {
  return options.key ?? options.path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
}

/**
 * Checks `access.existingApplication` and `access.paths` in the words the user
 * wrote, before anything is created.
 */
export function validateAccessExtensions(scope: Construct, access: ZeroTrustAccessOptions, hostname: string, applicationName: string): void {
  const existing = access.existingApplication;
  if (existing !== undefined) {
    if (existing === null || typeof existing !== 'object' || !Array.isArray(existing.domains) || existing.aud === undefined) {
      invalid('access.existingApplication', existing, 'Expected an Access application, e.g. ExistingAccessApplication.fromAttributes({ applicationId, aud, domains }).');
    }
    for (const setting of NEW_APPLICATION_SETTINGS) {
      if (access[setting] !== undefined) {
        invalid(`access.${setting}`, access[setting],
          'Leave it out with access.existingApplication: it configures the Access application this construct would otherwise '
          + 'create, and the existing one is managed where it was made (only access.paths may come with it).');
      }
    }
    if (!applicationCovers(existing, { hostname, service: 'hello_world' })) {
      invalid('access.existingApplication', existing.domains,
        `Expected an Access application that covers ${JSON.stringify(hostname)} (a domain equal to it or a "*." wildcard above it, `
        + 'without a path); otherwise the app is guarded by the wrong application and the origin turns every request away.');
    }
  }

  const paths = access.paths;
  if (paths === undefined) {
    return;
  }
  if (isToken(paths) || !Array.isArray(paths)) {
    invalid('access.paths', paths, 'Expected a literal list of { path, allow or policies }: each becomes an Access application.');
  }
  if (paths.length > 0 && isToken(hostname)) {
    invalid('access.paths', paths.map((options) => options?.path),
      'Expected a hostname known at synthesis: each path becomes an ingress rule of its own, whose path expression is made from the domain.');
  }
  // The hostname's DENY policies apply to every path: Access evaluates only the path's application there.
  const inherited = policySetEntries({ policies: access.policies, existingPolicies: access.existingPolicies }, PropPath.root().child('access'))
    .filter((entry) => entry.policy.decision === 'deny');
  paths.forEach((options, i) => {
    validatePath(scope, PropPath.root().child('access').element('paths', i), options, inherited, applicationName);
    requireExistingApplicationDenies(`access.paths[${i}]`, existing, options, hostname);
  });
  requireUnique('access.paths[].path', paths.map((options) => options.path));
  requireUnique('access.paths[].key', paths.map(pathKey));
}

/**
 * A path's application carries the DENY policies of an existing hostname application of this app (whose
 * policies are known here), as the tunnel requires of every path application: Access evaluates only the
 * path's application for requests under the path. The path can only name them in its existingPolicies: they
 * are attached to a hostname application made here, not to one passed in.
 */
function requireExistingApplicationDenies(property: string, existing: IAccessApplication | undefined, options: ZeroTrustAccessPathOptions,
  hostname: string): void {
  if (!isAccessApplication(existing)) {
    return; // an application managed elsewhere: its policies are not known here
  }
  requireHostnameDenies(property, [`${hostname}${options.path}`], existing, (options.existingPolicies ?? []).map((reference) => reference.policyId));
}

function validatePath(scope: Construct, path: PropPath, options: ZeroTrustAccessPathOptions, inherited: GuardEntry[], applicationName: string): void {
  const property = path.name;
  if (options === null || typeof options !== 'object') {
    invalid(property, options, 'Expected { path, allow or policies }.');
  }
  if (typeof options.path !== 'string' || isToken(options.path) || !/^\/[^\s?#]*[^\s?#/]$/.test(options.path)) {
    invalid(`${property}.path`, options.path,
      'Expected a literal path starting with "/", such as "/api" or "/admin/*", without a query, fragment or trailing slash '
      + '(it names the application and its Terraform address).');
  }
  if (options.key !== undefined && (isToken(options.key) || !isDnsLabel(options.key))) {
    invalid(`${property}.key`, options.key,
      `${DNS_LABEL_FORM} `
      + '(it names the Terraform resource, so it cannot be a token).');
  }
  if (options.key === undefined && !isDnsLabel(pathKey(options))) {
    invalid(`${property}.key`, undefined, `The path ${JSON.stringify(options.path)} gives no usable key; set one, e.g. key: "api".`);
  }
  if (options.applicationName !== undefined) {
    requireText(path.of('applicationName'), options.applicationName);
  }
  const name = pathApplicationName(options, applicationName);
  checkPolicySet(options, path, name);
  checkPolicySetReferences(options, path);
  if ((options.allow ?? []).length === 0 && (options.policies ?? []).length === 0 && (options.existingPolicies ?? []).length === 0) {
    invalid(property, options.path,
      'Give at least one rule in allow, one policy in policies or one existing policy; without a policy nobody can reach this path.');
  }
  checkPolicySetModel(scope, options, path, inherited);
  const policies = orderedPolicies(options, name);
  requireSomeoneLetIn(path.of('policies'), policies, options.existingPolicies ?? []);
  // The login settings are the hostname's, checked with it; these few are the path's own.
  checkClientSettings({ cors: options.cors, serviceAuth401: options.serviceAuth401, customNonIdentityDenyUrl: options.customNonIdentityDenyUrl },
    path, policyDecisions(policies, options.existingPolicies ?? []).includes(AccessDecision.NON_IDENTITY));
}

/** Name of a path's application: given, or the hostname's followed by the path. */
function pathApplicationName(options: ZeroTrustAccessPathOptions, applicationName: string): string {
  return options.applicationName ?? `${applicationName} ${options.path}`;
}

/** What the path applications need from the pattern. */
export interface PathApplicationContext {
  readonly cloudflareAccountId: string;
  readonly hostname: string;
  /** Name of the hostname's application, which path applications' names start with. */
  readonly applicationName: string;
  readonly access: ZeroTrustAccessOptions;
  /** The hostname's application, when created here: its DENY policies apply to every path too. */
  readonly hostnameApplication?: AccessApplication;
}

/**
 * One Access application per `access.paths` entry, on `<hostname><path>`, with
 * the hostname's login settings, its cookie scoped to the path, and out of
 * the App Launcher. The construct id comes from the path's key, so changing
 * the path updates the application in place.
 */
export function createPathApplications(scope: Construct, context: PathApplicationContext): AccessApplication[] {
  const access = context.access;
  const hostnameDenies = (context.hostnameApplication?.policies ?? []).filter((policy) => policy.decision === AccessDecision.DENY);
  return (access.paths ?? []).map((options) => {
    const name = pathApplicationName(options, context.applicationName);
    // Checked with the pattern's props, under the names its user wrote (access.paths[i]...).
    return new AccessApplication(scope, `access-path-${pathKey(options)}`, handDownChecked({
      cloudflareAccountId: context.cloudflareAccountId,
      name,
      domains: [`${context.hostname}${options.path}`],
      policies: orderedPolicies(options, name),
      // The hostname's DENY policies come first on every path: Access evaluates only the path's application there.
      attachedPolicies: hostnameDenies.length > 0 ? hostnameDenies : undefined,
      existingPolicies: withHostnameDenyReferences(options.existingPolicies, access.existingPolicies),
      cors: options.cors,
      serviceAuth401: options.serviceAuth401,
      customNonIdentityDenyUrl: options.customNonIdentityDenyUrl,
      // Shared with the hostname's application: one login experience for the whole app.
      sessionDuration: access.sessionDuration,
      allowedIdentityProviderIds: access.allowedIdentityProviderIds,
      autoRedirectToIdentity: access.autoRedirectToIdentity,
      skipInterstitial: access.skipInterstitial,
      customDenyMessage: access.customDenyMessage,
      customDenyUrl: access.customDenyUrl,
      // Its own cookie on its path, so it and the hostname's do not overwrite each other.
      cookies: { ...access.cookies, pathScoped: true },
      // One tile per app: the hostname's.
      appLauncherVisible: false,
    }));
  });
}

/** A path's references to existing policies, with the hostname's DENY references it does not name itself. */
function withHostnameDenyReferences(
  own: AccessPolicyReference[] | undefined, hostname: AccessPolicyReference[] | undefined,
): AccessPolicyReference[] | undefined {
  const ids = new Set((own ?? []).map((reference) => reference.policyId));
  const inherited = (hostname ?? []).filter((reference) => reference.decision === AccessDecision.DENY && !ids.has(reference.policyId));
  const all = [...(own ?? []), ...inherited];
  return all.length > 0 ? all : undefined;
}

/**
 * While the origin checks Access tokens, no policy of the hostname's or a
 * path's application may be a BYPASS, and an existing AccessApplication of
 * this app may not let OPTIONS preflights skip Access either: the requests
 * they let in carry no token, and cloudflared rejects them. Named as the user
 * wrote them.
 */
export function rejectBypassPolicies(access: ZeroTrustAccessOptions): void {
  rejectBypassingApplication('access.existingApplication', access.existingApplication);
  const check = (prefix: string, policies: AccessPolicyOptions[] | undefined, references: AccessPolicyReference[] | undefined) => {
    const bypassing = [
      ...(Array.isArray(policies) ? policies : []).flatMap((options, j) =>
        (options?.decision === AccessDecision.BYPASS ? [`${prefix}.policies[${j}]`] : [])),
      ...(Array.isArray(references) ? references : []).flatMap((reference, j) =>
        (reference?.decision === AccessDecision.BYPASS ? [`${prefix}.existingPolicies[${j}]`] : [])),
    ];
    if (bypassing.length > 0) {
      invalid(`${bypassing[0]}.decision`, 'BYPASS', bypassPolicyMessage(bypassing.join(', ')));
    }
  };
  check('access', access.policies, access.existingPolicies);
  (Array.isArray(access.paths) ? access.paths : []).forEach((options, i) => {
    check(`access.paths[${i}]`, options?.policies, options?.existingPolicies);
  });
}
