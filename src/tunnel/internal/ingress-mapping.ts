import type {
  ZeroTrustTunnelCloudflaredConfigConfigIngress,
  ZeroTrustTunnelCloudflaredConfigConfigIngressOriginRequest,
} from '@cdktf/provider-cloudflare/lib/zero-trust-tunnel-cloudflared-config';
import { TunnelIngressRule, TunnelOriginRequest } from '../ingress';

/**
 * The rule that must end every ingress list: requests for a hostname or path
 * no other rule matches get a 404 and never reach an origin.
 */
export const CATCH_ALL_SERVICE = 'http_status:404';

/**
 * Maps the user's origin settings to provider v5's `origin_request`; only given
 * settings are sent. With none given (e.g. `{}` or every field undefined) the
 * result is undefined, so no `origin_request` is sent at all: an empty object
 * lets the provider fill in its schema defaults for the other fields (e.g. the
 * API's 10 s connect timeout instead of cloudflared's own 30 s).
 */
function toOriginRequest(origin: TunnelOriginRequest | undefined): ZeroTrustTunnelCloudflaredConfigConfigIngressOriginRequest | undefined {
  if (origin === undefined) {
    return undefined;
  }
  const originRequest: ZeroTrustTunnelCloudflaredConfigConfigIngressOriginRequest = {
    connectTimeout: origin.connectTimeoutSeconds,
    httpHostHeader: origin.httpHostHeader,
    originServerName: origin.originServerName,
    noTlsVerify: origin.noTlsVerify,
    http2Origin: origin.http2Origin,
    access: origin.access && {
      required: true,
      teamName: origin.access.teamName,
      audTag: [origin.access.audTag, ...(origin.access.additionalAudTags ?? [])],
    },
  };
  const given = Object.values(originRequest).some((value) => value !== undefined);
  return given ? originRequest : undefined;
}

/** The provider v5 ingress list: one entry per rule, in order, then the catch-all. */
export function toIngressConfig(rules: readonly TunnelIngressRule[]): ZeroTrustTunnelCloudflaredConfigConfigIngress[] {
  return [
    ...rules.map((rule) => ({
      hostname: rule.hostname,
      path: rule.path,
      service: rule.service,
      originRequest: toOriginRequest(rule.originRequest),
    })),
    { service: CATCH_ALL_SERVICE },
  ];
}

/** Each hostname once, in the order the rules first name it. */
export function distinctHostnames(rules: readonly TunnelIngressRule[]): string[] {
  return [...new Set(rules.map((rule) => rule.hostname))];
}
