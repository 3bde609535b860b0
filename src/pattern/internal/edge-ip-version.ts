/**
 * Whether the tasks can reach the Cloudflare edge over the IP version `cloudflared` is told to use.
 * Internal: not part of the public API.
 *
 * `cloudflared` 2026.8.2 with `--edge-ip-version 6` keeps no IPv4 addresses to fall back to
 * (edgediscovery/allregions/region.go, `case IPv6Only`: the secondary address set is empty): in a VPC
 * without IPv6 egress it never connects, the `tunnel ready` health check fails and the deployment
 * rolls back. `PrivateNetwork` has no IPv6 CIDR and no egress-only internet gateway, and the default
 * egress rule of the task security group is IPv4 only. `AUTO` falls back to IPv4 and works anywhere.
 */
import { hasBrand } from '../../core/brand';
import { invalid, isToken } from '../../core/validation';
import { EgressRule, ITaskNetwork } from '../../network';
import { resolveEgressRule } from '../../network/resolve-egress-rule';
import { CloudflaredEdgeIpVersion } from '../../service';

/** The port of the Cloudflare edge that `cloudflared` dials (QUIC over UDP, HTTP/2 over TCP). */
const EDGE_PORT = 7844;

/** Fails when `service.sidecar.edgeIpVersion` is IPV6 and the network or the egress rules cannot carry it. */
export function requireEdgeReachable(edgeIpVersion: CloudflaredEdgeIpVersion | undefined, existingNetwork: ITaskNetwork | undefined,
  egressRules: EgressRule[] | undefined): void {
  if (edgeIpVersion !== CloudflaredEdgeIpVersion.IPV6) {
    return;
  }
  const noFallback = 'cloudflared with --edge-ip-version 6 has no IPv4 fallback (cloudflared 2026.8.2, '
    + 'edgediscovery/allregions/region.go), so it would never connect and every deployment would roll back';
  // A brand, not `instanceof`: a PrivateNetwork of another copy of the library is IPv4 only too.
  if (existingNetwork === undefined || hasBrand(existingNetwork, 'PrivateNetwork')) {
    invalid('service.sidecar.edgeIpVersion', edgeIpVersion,
      `The PrivateNetwork of this library is IPv4 only (no IPv6 CIDR, no egress-only internet gateway) and ${noFallback}. `
      + 'Use CloudflaredEdgeIpVersion.IPV4 (the default) or AUTO, or existingNetwork with dual-stack subnets and IPv6 egress.');
  }
  const rules = egressRules ?? [];
  const carriesIpv6ToEdge = rules.some((rule, i) => {
    const resolved = resolveEgressRule(`service.egressRules[${i}]`, rule);
    const ports = isToken(resolved.fromPort) || isToken(resolved.toPort)
      || (resolved.fromPort <= EDGE_PORT && EDGE_PORT <= resolved.toPort) || resolved.protocol === '-1';
    const protocol = ['-1', 'tcp', 'udp', '6', '17'].includes(resolved.protocol) || isToken(resolved.protocol);
    return (resolved.ipv6CidrBlocks ?? []).length > 0 && ports && protocol;
  });
  if (!carriesIpv6ToEdge) {
    invalid('service.egressRules', egressRules ?? 'the default (all IPv4 traffic)',
      `service.sidecar.edgeIpVersion is IPV6, but no egress rule allows IPv6 to port ${EDGE_PORT}, and ${noFallback}. `
      + `Add a rule with ipv6CidrBlocks (e.g. ["::/0"]) for TCP and UDP ${EDGE_PORT}, or use edgeIpVersion IPV4 or AUTO.`);
  }
}
