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
  /** HTTP/2 over TCP 7844 only; use when outbound UDP is blocked. */
  HTTP2 = 'http2',
  /** QUIC over UDP 7844 only. */
  QUIC = 'quic',
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
   * Seconds `cloudflared` keeps serving in-flight requests after ECS stops the task (`--grace-period`,
   * 0-115). On SIGTERM it stops taking new requests (the edge sends them to the other replicas) and
   * waits up to this long for the open ones; ECS kills it 5 seconds later (its `stopTimeout`). Because
   * the sidecar depends on the app, ECS stops it first and the app only afterwards, and the app's
   * `stopTimeoutSeconds` must exceed this period, so the requests still draining reach a live app.
   * A Fargate Spot interruption gives 120 seconds from SIGTERM to the end: keep this period plus the
   * time the app needs to exit within that.
   *
   * @default 30
   */
  readonly gracePeriodSeconds?: number;

  /**
   * Ship `cloudflared`'s metrics (requests, errors, edge connections) to CloudWatch through a
   * CloudWatch agent container that scrapes `127.0.0.1:2000/metrics` inside the task; nothing opens
   * the port beyond the task. Costs money (custom metrics and log ingestion, see
   * {@link CloudflaredMetricsOptions}), so it is off unless set (`{}` turns it on with the defaults).
   *
   * @default - no metrics agent
   */
  readonly metrics?: CloudflaredMetricsOptions;
}
