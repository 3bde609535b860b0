import { CloudflaredMetricsOptions } from './cloudflared-metrics';
import { ContainerImage } from '../image';

/** When the `cloudflared` sidecar starts, relative to the app container. */
export enum SidecarStartCondition {
  /**
   * As soon as the app container has started. Requests that arrive before the
   * app listens get a 502 from `cloudflared`; no wait loop is needed.
   */
  START = 'START',
  /**
   * Only after the app's health check passes, so the tunnel never routes to an
   * app that is not ready. Requires `app.healthCheck`.
   */
  HEALTHY = 'HEALTHY',
}

/** Log level of `cloudflared` (`--loglevel`). */
export enum CloudflaredLogLevel {
  /**
   * Everything, including each request with its headers: Cloudflare Access
   * tokens (`Cf-Access-Jwt-Assertion`) and session cookies end up in the
   * CloudWatch log group, where anyone who can read the logs can replay
   * them. Synthesis warns when it is chosen; use it only briefly, to debug.
   */
  DEBUG = 'debug',
  /** Connection events and errors. */
  INFO = 'info',
  /** Warnings and errors. */
  WARN = 'warn',
  /** Errors only. */
  ERROR = 'error',
  /** Fatal errors only. */
  FATAL = 'fatal',
}

/** Transport protocol between `cloudflared` and the Cloudflare edge (`--protocol`). */
export enum CloudflaredProtocol {
  /** QUIC (UDP 7844), falling back to HTTP/2 (TCP 7844) when QUIC is blocked. */
  AUTO = 'auto',
  /** HTTP/2 over TCP 7844 only. Use when outbound UDP is blocked. */
  HTTP2 = 'http2',
  /** QUIC over UDP 7844 only. */
  QUIC = 'quic',
}

/**
 * IP version `cloudflared` uses to reach the Cloudflare edge (`--edge-ip-version`, set through
 * `TUNNEL_EDGE_IP_VERSION`).
 */
export enum CloudflaredEdgeIpVersion {
  /**
   * IPv4 only. Every Fargate task has IPv4 egress (NAT gateway or public IP), and the task security
   * group this library writes allows port 7844 to `0.0.0.0/0` only, so this works in every network the
   * library makes or accepts.
   */
  IPV4 = '4',
  /**
   * IPv6 only, with no IPv4 fallback. Needs dual-stack subnets with an IPv6 route to the internet
   * (egress-only internet gateway) and egress rules with `ipv6CidrBlocks` for port 7844; otherwise
   * `cloudflared` never connects. `ZeroTrustFargateService` refuses it with its own `PrivateNetwork`
   * (IPv4 only) and without such an egress rule.
   */
  IPV6 = '6',
  /**
   * The system's preference (the address family the resolver returns first), falling back to the
   * other family when connections fail. `cloudflared`'s own default since 2026.4.0. In a dual-stack
   * VPC whose security group allows IPv6 to port 7844, this can use either family.
   */
  AUTO = 'auto',
}

/** Options for the `cloudflared` sidecar container that runs the tunnel. */
export interface CloudflaredSidecarOptions {
  /**
   * The `cloudflared` image. Keep it pinned to a version tag.
   *
   * @default ContainerImage.cloudflared() - the official image at the version this library pins
   */
  readonly image?: ContainerImage;

  /**
   * When the sidecar starts relative to the app container.
   *
   * @default SidecarStartCondition.START
   */
  readonly startCondition?: SidecarStartCondition;

  /**
   * Log level.
   *
   * @default CloudflaredLogLevel.INFO
   */
  readonly logLevel?: CloudflaredLogLevel;

  /**
   * Transport protocol to the Cloudflare edge.
   *
   * @default CloudflaredProtocol.AUTO
   */
  readonly protocol?: CloudflaredProtocol;

  /**
   * IP version of the connections to the Cloudflare edge, written out as `TUNNEL_EDGE_IP_VERSION` so
   * that a `cloudflared` upgrade cannot change it silently (2026.4.0 changed the default to `auto`).
   *
   * The default is IPv4 rather than `cloudflared`'s `auto`: the VPCs this library makes are IPv4-only,
   * and the task security group allows port 7844 to IPv4 destinations unless you add `ipv6CidrBlocks`.
   * With `auto` in a subnet that has an IPv6 address but no IPv6 egress, `cloudflared` could first try
   * IPv6, which the security group drops, and connect only after the fallback timeout. Choose
   * `AUTO` or `IPV6` in a dual-stack VPC whose egress rules allow IPv6 to port 7844.
   *
   * @default CloudflaredEdgeIpVersion.IPV4
   */
  readonly edgeIpVersion?: CloudflaredEdgeIpVersion;

  /**
   * Seconds `cloudflared` keeps serving in-flight requests after ECS stops the task (`--grace-period`,
   * 0-115). On SIGTERM it stops taking new requests (the edge sends them to the other replicas) and
   * waits this long (the whole period, even with no request open); ECS kills it 5 seconds later (its
   * `stopTimeout`). Because the sidecar depends on the app, ECS sends SIGTERM to the app only after
   * `cloudflared` has exited, so the app keeps serving the draining requests and its own
   * `stopTimeoutSeconds` counts from then. A Fargate Spot interruption gives 120 seconds from SIGTERM
   * to the end: with `FARGATE_SPOT` in the capacity provider strategy, this period plus 5 plus the
   * app's `stopTimeoutSeconds` must be at most 120, or the service fails at synth.
   *
   * @default 30
   */
  readonly gracePeriodSeconds?: number;

  /**
   * Ship `cloudflared`'s metrics (requests, errors, edge connections) to CloudWatch through a
   * CloudWatch agent container that scrapes `127.0.0.1:2000/metrics` inside the task; nothing opens
   * the port beyond the task. Costs money (custom metrics and log ingestion, see
   * `CloudflaredMetricsOptions`), so it is off unless set (`{}` turns it on with the defaults).
   *
   * @default - no metrics agent
   */
  readonly metrics?: CloudflaredMetricsOptions;
}
