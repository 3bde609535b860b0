/**
 * How many tasks one tunnel can carry. Internal: not part of the public API.
 *
 * Cloudflare allows 25 active `cloudflared` replicas per tunnel (about 100 connections, 4 per replica);
 * further connectors are refused. A rolling deploy keeps every old task until its replacement is
 * healthy (minimum healthy 100%, maximum 200%), so old and new replicas run side by side: a service may
 * run at most half that many tasks, or the new tasks could not connect, never become healthy, and the
 * circuit breaker would roll the deployment back.
 */
import { invalid, isToken } from '../../core/validation';

/** Active `cloudflared` replicas Cloudflare accepts per tunnel. */
export const TUNNEL_REPLICA_LIMIT = 25;

/** ECS's `deployment_maximum_percent` of the service: a deploy may run twice the task count. */
export const DEPLOYMENT_MAXIMUM_PERCENT = 200;

/** The most tasks a service can run so that a deploy stays within the replica limit: 12. */
export const MAX_TUNNEL_TASKS = Math.floor((TUNNEL_REPLICA_LIMIT * 100) / DEPLOYMENT_MAXIMUM_PERCENT);

/** Fails when `count` tasks of one tunnel would exceed the replica limit during a deploy; tokens pass. */
export function requireWithinTunnelReplicaLimit(property: string, count: number | undefined): void {
  if (count === undefined || isToken(count) || count <= MAX_TUNNEL_TASKS) {
    return;
  }
  invalid(property, count,
    `Expected at most ${MAX_TUNNEL_TASKS} tasks: Cloudflare accepts ${TUNNEL_REPLICA_LIMIT} cloudflared replicas per tunnel `
    + `(4 connections each), and a rolling deploy runs old and new tasks side by side (up to ${DEPLOYMENT_MAXIMUM_PERCENT}%), `
    + 'so more tasks could not all connect. Make each task larger (cpu, memory), or run a second service with a tunnel of its own.');
}
