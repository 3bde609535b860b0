/**
 * The one check of an ingress rule's origin settings, run by their owner: the
 * tunnel on its rules, or the pattern on the `tunnel.originRequest` its user
 * wrote, before it creates anything. Not exported from the module's index.
 */
import { TunnelOriginRequest } from './ingress';
import { requireTeamName } from '../core/hostname';
import { isToken, requirePositiveInteger, requireText } from '../core/validation';

function validateAccess(property: string, origin: TunnelOriginRequest): void {
  const access = origin.access;
  if (!access) {
    return;
  }
  requireTeamName(`${property}.access.teamName`, access.teamName);
  requireText(`${property}.access.audTag`, access.audTag,
    'Expected the audience (AUD) tag of the Access application, e.g. the `aud` attribute of a ZeroTrustAccessApplication.');
}

/**
 * Checks the origin settings of an ingress rule, named under `property`
 * (`ingress[0].originRequest`, or `tunnel.originRequest` through the pattern).
 */
export function checkOriginRequest(origin: TunnelOriginRequest, property: string): void {
  if (origin.connectTimeoutSeconds !== undefined && !isToken(origin.connectTimeoutSeconds)) {
    requirePositiveInteger(`${property}.connectTimeoutSeconds`, origin.connectTimeoutSeconds);
  }
  if (origin.httpHostHeader !== undefined) {
    requireText(`${property}.httpHostHeader`, origin.httpHostHeader, 'Expected a non-empty Host header value, or leave it unset.');
  }
  if (origin.originServerName !== undefined) {
    requireText(`${property}.originServerName`, origin.originServerName, 'Expected a non-empty server name, or leave it unset.');
  }
  validateAccess(property, origin);
}

