/**
 * What an Access application covers of a tunnel route, and why a bypass policy cannot pass the origin
 * check: asked by the tunnel's checks and by the pattern's, so written once here. Not exported from the
 * module's index.
 */
import { AccessApplication, IAccessApplication } from '../access';
import { TunnelIngressRule } from './ingress';
import { isAccessApplication } from '../access/is-access-application';
import { invalid, isToken } from '../core/validation';

/**
 * True when the application covers the rule's hostname: a domain equal to it
 * or a `*.` wildcard domain above it. A domain with a path (`host/admin`)
 * protects only that path, so it counts only for a rule limited to a path
 * (whose regular expression cannot be compared). Tokens are trusted.
 */
export function applicationCovers(application: IAccessApplication, rule: TunnelIngressRule): boolean {
  if (isToken(rule.hostname)) {
    return true;
  }
  return application.domains.some((domain) => {
    if (isToken(domain)) {
      return true;
    }
    const [host, ...path] = domain.split('/');
    if (path.length > 0 && rule.path === undefined) {
      return false;
    }
    return host.startsWith('*.') ? rule.hostname.endsWith(host.slice(1)) : host === rule.hostname;
  });
}

/**
 * True when every domain of the application is a path of `hostname`: that
 * hostname (or a `*.` wildcard above it) followed by a non-empty path. Tokens
 * are trusted.
 */
export function applicationOnPathsOf(application: IAccessApplication, hostname: string): boolean {
  if (!application || !Array.isArray(application.domains)) {
    return false;
  }
  return application.domains.every((domain) => {
    if (isToken(domain) || isToken(hostname)) {
      return true;
    }
    const slash = domain.indexOf('/');
    const host = slash === -1 ? domain : domain.slice(0, slash);
    const path = slash === -1 ? '' : domain.slice(slash + 1);
    const onHost = host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : host === hostname;
    return onHost && path !== '';
  });
}

/**
 * Why a BYPASS policy cannot work on a route whose origin checks Access
 * tokens; `policies` names them as the user wrote them.
 */
export function bypassPolicyMessage(policies: string): string {
  return `This application has a BYPASS policy (${policies}), but the requests it lets in carry no Access token, and `
    + 'cloudflared, which checks the Access token of every request of this route, rejects them (403). Do not bypass '
    + '(use ALLOW, or NON_IDENTITY with a service token for machines), or turn the origin check off with '
    + 'dangerouslyDisableOriginAccessCheck if the bypass is really wanted.';
}

/**
 * Fails, under `property` (showing `value`), when a path's application, whose policies are `policyIds`,
 * lacks a DENY policy of the hostname's application `hostname`: Access evaluates only the path's
 * application for requests under the path, so whoever that policy turns away would still reach it.
 */
export function requireHostnameDenies(property: string, value: unknown, hostname: AccessApplication, policyIds: readonly string[]): void {
  const missing = hostname._denyPolicyIds.filter((id) => !policyIds.includes(id));
  if (missing.length > 0) {
    const names = hostname.policies.filter((policy) => missing.includes(policy.policyId)).map((policy) => policy.name);
    invalid(property, value, missingHostnameDeniesMessage(names));
  }
}

/**
 * Why a path's application must carry the DENY policies of the hostname's application (`names`, the
 * missing ones): Access evaluates only the path's application for requests under the path.
 */
function missingHostnameDeniesMessage(names: string[]): string {
  return `This path's application lacks the DENY policies of the hostname's application (${names.length > 0 ? JSON.stringify(names) : 'existing policies'}): `
    + 'Access evaluates only the path\'s application for requests under the path, so whoever they turn away still reaches it. '
    + 'Attach them: attachedPolicies: [the hostname application\'s DENY policies] (existingPolicies for DENY policies made elsewhere).';
}

/** Why an application that lets OPTIONS preflights skip Access cannot guard a route whose origin checks tokens. */
const PREFLIGHT_BYPASS_MESSAGE = 'This application lets OPTIONS preflights skip Access (bypassOptionsPreflight), but cloudflared checks the Access token '
  + 'of every request of this route and would reject them (403, no token). Give the application cors instead, so Access '
  + 'answers preflights itself.';

/**
 * Fails, under `property`, when `application` is an `AccessApplication` of this library (whose policies are
 * known here) that lets requests skip Access: OPTIONS preflights, or BYPASS policies. On a route whose
 * origin checks tokens, cloudflared rejects those requests. Applications made elsewhere pass.
 */
export function rejectBypassingApplication(property: string, application: IAccessApplication | undefined): void {
  if (!isAccessApplication(application)) {
    return;
  }
  if (application._bypassesOptionsPreflight) {
    invalid(property, application.domains, PREFLIGHT_BYPASS_MESSAGE);
  }
  if (application._bypassPolicies.length > 0) {
    invalid(property, application.domains, bypassPolicyMessage(application._bypassPolicies.join(', ')));
  }
}
