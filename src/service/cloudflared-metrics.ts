import { ContainerImage } from '../image';

/**
 * Options of the CloudWatch agent container that ships `cloudflared`'s Prometheus metrics to CloudWatch.
 *
 * The agent runs in the task and scrapes `http://127.0.0.1:2000/metrics` once a minute (the containers
 * of a task share one loopback interface, so the port stays closed to everything outside the task). It
 * writes the metrics as embedded metric format events to the service's log group, which CloudWatch turns
 * into these metrics, with the dimension `TaskDefinitionFamily`:
 *
 * - `cloudflared_tunnel_total_requests`: requests proxied to the app;
 * - `cloudflared_tunnel_request_errors`: requests that failed to reach the app;
 * - `cloudflared_tunnel_ha_connections`: open connections to the Cloudflare edge (4 per healthy task;
 *   `Minimum` below 4 is a degraded replica, `SampleCount` counts the replicas that reported);
 * - `cloudflared_tunnel_concurrent_requests_per_tunnel`: requests in flight.
 *
 * The agent sends a counter as its increase since the previous scrape: read request and error counts
 * with the `Sum` statistic.
 *
 * Cost: 4 custom metrics (about 0.30 USD each a month, so 1.20 USD, whatever the number of tasks), log
 * ingestion of about 1 KB a minute per task (a few cents a month per task), and the agent's share of the
 * task's CPU and memory (about 50 MiB; raise `memory` if the app needs all of it).
 */
export interface CloudflaredMetricsOptions {
  /**
   * CloudWatch namespace of the metrics: 1 to 255 characters, not starting with `AWS/`.
   *
   * @default 'CloudflareTunnel'
   */
  readonly namespace?: string;

  /**
   * The CloudWatch agent image. Keep it pinned to a version tag.
   *
   * @default - `public.ecr.aws/cloudwatch-agent/cloudwatch-agent` at `PinnedVersions.CLOUDWATCH_AGENT`
   */
  readonly agentImage?: ContainerImage;
}
