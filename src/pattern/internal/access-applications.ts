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
  AccessRule,
  IAccessApplication,
} from '../../access';
import { checkApplication, checkPolicyOptions, GuardEntry, policyEntry, referenceEntry, requirePolicyKeys } from '../../access/policy-checks';
import { DNS_LABEL_FORM, isDnsLabel } from '../../core/dns-label';
import { invalid, isToken, requireUnique, withPropertyNames } from '../../core/validation';
import { applicationCovers } from '../../tunnel/internal/route-access';
import { bypassPolicyMessage } from '../../tunnel/internal/validate-tunnel-props';
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

/** How the settings above are called in the pattern's props. */
export const HOSTNAME_SETTING_NAMES: Record<string, string> = {
  existingPolicies: 'access.existingPolicies',
  cors: 'access.cors',
  cookies: 'access.cookies',
  skipInterstitial: 'access.skipInterstitial',
  customDenyMessage: 'access.customDenyMessage',
  customDenyUrl: 'access.customDenyUrl',
  customNonIdentityDenyUrl: 'access.customNonIdentityDenyUrl',
  serviceAuth401: 'access.serviceAuth401',
};

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

/**
 * The Access model's view of a hostname's (or a path's) policies, in the
 * order the application gets them, each named as the user wrote it:
 * `inherited` (the hostname's DENY policies, for a path) first, then DENY
 * references and policies, the `allow` shorthand, the other policies and references.
 */
export function accessEntries(prefix: string, allow: AccessRule[] | undefined, policies: AccessPolicyOptions[],
  references: AccessPolicyReference[], inherited: GuardEntry[] = []): GuardEntry[] {
  const isDeny = (decision: AccessDecision | undefined) => decision === AccessDecision.DENY;
  const indexed = policies.map((options, j) => ({ options, j }));
  const refs = references.map((reference, j) => ({ reference, j }));
  const shorthand = (allow ?? []).length > 0 ? [policyEntry({ name: `${prefix}.allow`, include: allow! }, `${prefix}.allow`, true)] : [];
  return [
    ...inherited,
    ...refs.filter(({ reference }) => isDeny(reference.decision)).map(({ reference, j }) => referenceEntry(reference, `${prefix}.existingPolicies[${j}]`)),
    ...indexed.filter(({ options }) => isDeny(options.decision)).map(({ options, j }) => policyEntry(options, `${prefix}.policies[${j}]`)),
    ...shorthand,
    ...indexed.filter(({ options }) => !isDeny(options.decision)).map(({ options, j }) => policyEntry(options, `${prefix}.policies[${j}]`)),
    ...refs.filter(({ reference }) => !isDeny(reference.decision)).map(({ reference, j }) => referenceEntry(reference, `${prefix}.existingPolicies[${j}]`)),
  ];
}

/** The key of a path: given, or made from the path (`/api/v1` becomes `api-v1`). */
function pathKey(options: ZeroTrustAccessPathOptions): string {
  return options.key ?? options.path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
}

/**
 * Checks `access.existingApplication` and `access.paths` in the words the user
 * wrote, before anything is created.
 */
export function validateAccessExtensions(scope: Construct, access: ZeroTrustAccessOptions, hostname: string): void {
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
  const inherited = accessEntries('access', undefined, access.policies ?? [], access.existingPolicies ?? [])
    .filter((entry) => entry.policy.decision === 'deny');
  paths.forEach((options, i) => validatePath(scope, `access.paths[${i}]`, options, inherited));
  requireUnique('access.paths[].path', paths.map((options) => options.path));
  requireUnique('access.paths[].key', paths.map(pathKey));
}

function validatePath(scope: Construct, property: string, options: ZeroTrustAccessPathOptions, inherited: GuardEntry[]): void {
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
  validatePolicies(property, options.allow, options.policies);
  if ((options.allow ?? []).length === 0 && (options.policies ?? []).length === 0 && (options.existingPolicies ?? []).length === 0) {
    invalid(property, options.path,
      'Give at least one rule in allow, one policy in policies or one existing policy; without a policy nobody can reach this path.');
  }
  checkApplication(scope, accessEntries(property, options.allow, options.policies ?? [], options.existingPolicies ?? [], inherited), property,
    ` The ${property}.allow shorthand takes no opt-in: move such rules to ${property}.policies.`);
}

/** The form of a path's `allow` and `policies`; who they let in is checked by the Access model. */
function validatePolicies(prefix: string, allow: AccessRule[] | undefined, policies: AccessPolicyOptions[] = []): void {
  if (allow !== undefined && (isToken(allow) || !Array.isArray(allow))) {
    invalid(`${prefix}.allow`, allow, 'Expected a literal list of AccessRule (each becomes a selector of the allow policy).');
  }
  (allow ?? []).forEach((rule, i) => {
    if (!rule || !Array.isArray(rule._selectors)) {
      invalid(`${prefix}.allow[${i}]`, rule, 'Expected an AccessRule made by one of its static factories, e.g. AccessRule.emails([...]).');
    }
  });
  if (!Array.isArray(policies)) {
    invalid(`${prefix}.policies`, policies, 'Expected a list of policies.');
  }
  policies.forEach((options, j) => {
    checkPolicyOptions(`${prefix}.policies[${j}].`, options);
    if (options.key === 'allow' && (allow ?? []).length > 0) {
      invalid(`${prefix}.policies[${j}].key`, 'allow', `The key "allow" belongs to the policy made from ${prefix}.allow; choose another key.`);
    }
  });
  requirePolicyKeys(`${prefix}.policies`, policies);
  requireUnique(`${prefix}.policies[].name`, policies.map((options) => options.name));
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
  return (access.paths ?? []).map((options, i) => {
    const property = `access.paths[${i}]`;
    const name = options.applicationName ?? `${context.applicationName} ${options.path}`;
    const names: Record<string, string> = {
      name: options.applicationName === undefined ? `${property}.path` : `${property}.applicationName`,
      domains: `${property}.path`,
      policies: `${property}.policies`,
      existingPolicies: `${property}.existingPolicies`,
      attachedPolicies: 'access.policies',
      cors: `${property}.cors`,
      serviceAuth401: `${property}.serviceAuth401`,
      customNonIdentityDenyUrl: `${property}.customNonIdentityDenyUrl`,
      sessionDuration: 'access.sessionDuration',
      allowedIdentityProviderIds: 'access.allowedIdentityProviderIds',
      autoRedirectToIdentity: 'access.autoRedirectToIdentity',
      cookies: 'access.cookies',
      skipInterstitial: 'access.skipInterstitial',
      customDenyMessage: 'access.customDenyMessage',
      customDenyUrl: 'access.customDenyUrl',
    };
    return withPropertyNames(names, () => new AccessApplication(scope, `access-path-${pathKey(options)}`, {
      cloudflareAccountId: context.cloudflareAccountId,
      name,
      domains: [`${context.hostname}${options.path}`],
      policies: pathPolicies(options, name),
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

/** A path's policies in the order Access must see them, as for the hostname: DENY first, then the shorthand, then the rest. */
function pathPolicies(options: ZeroTrustAccessPathOptions, name: string): AccessPolicyOptions[] {
  const shorthand: AccessPolicyOptions[] = options.allow && options.allow.length > 0
    ? [{ key: 'allow', name: `${name} allow`, decision: AccessDecision.ALLOW, include: options.allow }]
    : [];
  const policies = options.policies ?? [];
  const isDeny = (policy: AccessPolicyOptions) => policy.decision === AccessDecision.DENY;
  return [...policies.filter(isDeny), ...shorthand, ...policies.filter((policy) => !isDeny(policy))];
}

/** The Access application in front of the hostname: the existing one, or the one created here. */
export function hostnameApplication(access: ZeroTrustAccessOptions, created: AccessApplication | undefined): IAccessApplication {
  return access.existingApplication ?? created!;
}

/**
 * While the origin checks Access tokens, no policy of the hostname's or a
 * path's application may be a BYPASS: the requests it lets in carry no token,
 * and cloudflared rejects them. Named as the user wrote them.
 */
export function rejectBypassPolicies(access: ZeroTrustAccessOptions): void {
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
