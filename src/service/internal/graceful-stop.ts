/**
 * How long each container may take to stop, so that a rolling deploy or a Fargate Spot interruption
 * lets in-flight requests finish. Internal: not part of the public API.
 *
 * When ECS stops a task it stops containers in reverse dependency order: the sidecar depends on the
 * app, so `cloudflared` gets SIGTERM first and the app gets it only once `cloudflared` has exited.
 * `cloudflared` then takes no new requests (the edge routes them to the other replicas) and waits its
 * whole grace period (even with no request open) while the open ones finish against the still running
 * app; its `stopTimeout` leaves it a moment past the grace period to close its edge connections. The
 * app's `stopTimeout` counts from its own SIGTERM, when no request can reach it any more, so it only
 * needs time to close connections and flush: it need not exceed the grace period.
 *
 * A Fargate Spot interruption ends the task 120 seconds after the SIGTERM to the first container, so
 * with `FARGATE_SPOT` in the strategy the sidecar's stop timeout plus the app's must fit in 120 seconds.
 */
import { Op } from 'cdktf';
import { FargateCapacityProvider } from '../../cluster/fargate-capacity-provider';
import { PropPath } from '../../core/prop-path';
import { invalid, isToken, requireOptionalIntegerInRange } from '../../core/validation';
import { CapacityProviderStrategy } from '../capacity-provider-strategy';
import { TunnelTaskOptions } from '../task-options';
import { APP_PATH } from './task-defaults';

/** cloudflared's own default (`--grace-period 30s`), written out so the plan shows it. */
export const DEFAULT_GRACE_PERIOD_SECONDS = 30;

/** Seconds past the grace period before ECS kills cloudflared: it closes its edge connections then. */
const SIDECAR_EXIT_MARGIN_SECONDS = 5;

/**
 * Default `stopTimeout` of the app. It starts when cloudflared is gone, so no request is in flight:
 * 20 seconds covers a web server's orderly exit (close the listener and idle keep-alive connections,
 * database pools, flush logs and traces) with room to spare, and keeps the default grace period (30 + 5)
 * plus the app well within Fargate Spot's 120 seconds (55), leaving 65 seconds to lengthen either.
 */
export const DEFAULT_APP_STOP_TIMEOUT_SECONDS = 20;

/** Fargate's upper bound for a container's `stopTimeout`. */
export const FARGATE_MAX_STOP_TIMEOUT_SECONDS = 120;

/** Fargate Spot's interruption notice: the task is gone this many seconds after the first SIGTERM. */
export const FARGATE_SPOT_NOTICE_SECONDS = 120;

/** The grace period and the two containers' stop timeouts of a task. */
export interface StopTimes {
  /** `cloudflared --grace-period`, in seconds. */
  readonly gracePeriodSeconds: number;
  /** `stopTimeout` of the sidecar. */
  readonly sidecarStopTimeoutSeconds: number;
  /** `stopTimeout` of the app. */
  readonly appStopTimeoutSeconds: number;
}

/** The stop times of validated options; a number token as grace period gives Terraform expressions. */
export function stopTimes(options: Pick<TunnelTaskOptions, 'app' | 'sidecar'>): StopTimes {
  const gracePeriodSeconds = options.sidecar?.gracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS;
  return {
    gracePeriodSeconds,
    sidecarStopTimeoutSeconds: !isToken(gracePeriodSeconds)
      ? gracePeriodSeconds + SIDECAR_EXIT_MARGIN_SECONDS
      : Op.add(gracePeriodSeconds, SIDECAR_EXIT_MARGIN_SECONDS),
    appStopTimeoutSeconds: options.app.stopTimeoutSeconds ?? DEFAULT_APP_STOP_TIMEOUT_SECONDS,
  };
}

/** Checks the grace period and the app's stop timeout, each within Fargate's bounds. */
export function validateStopTimes(options: Pick<TunnelTaskOptions, 'app' | 'sidecar'>, path: PropPath): void {
  // The sidecar's stopTimeout (grace + 5) must stay within Fargate's 120 seconds.
  requireOptionalIntegerInRange(path.of('sidecar.gracePeriodSeconds'), options.sidecar?.gracePeriodSeconds,
    0, FARGATE_MAX_STOP_TIMEOUT_SECONDS - SIDECAR_EXIT_MARGIN_SECONDS);
  requireOptionalIntegerInRange(APP_PATH.of('stopTimeoutSeconds'), options.app.stopTimeoutSeconds, 1, FARGATE_MAX_STOP_TIMEOUT_SECONDS);
}

/** True when some tasks of the strategy may run on Fargate Spot (a token weight counts as maybe). */
export function usesFargateSpot(strategy: CapacityProviderStrategy | undefined): boolean {
  return (strategy?.shares ?? []).some((share) => share.capacityProvider === FargateCapacityProvider.FARGATE_SPOT
    && (isToken(share.weight) || share.weight > 0 || (share.base !== undefined && (isToken(share.base) || share.base > 0))));
}

/**
 * With Fargate Spot, checks that the sidecar's stop (grace period + 5) followed by the app's fits in
 * the two-minute notice; the error names the prop that was set (the app's stop timeout if given).
 */
export function validateSpotStopTimes(options: Pick<TunnelTaskOptions, 'app' | 'sidecar'>, strategy: CapacityProviderStrategy | undefined,
  path: PropPath): void {
  if (!usesFargateSpot(strategy)) {
    return;
  }
  const stop = stopTimes(options);
  if (isToken(stop.sidecarStopTimeoutSeconds) || isToken(stop.appStopTimeoutSeconds)) {
    return;
  }
  const total = stop.sidecarStopTimeoutSeconds + stop.appStopTimeoutSeconds;
  if (total <= FARGATE_SPOT_NOTICE_SECONDS) {
    return;
  }
  const [property, value] = options.app.stopTimeoutSeconds !== undefined
    ? [APP_PATH.of('stopTimeoutSeconds'), options.app.stopTimeoutSeconds]
    : [path.of('sidecar.gracePeriodSeconds'), stop.gracePeriodSeconds];
  invalid(property, value,
    `With FARGATE_SPOT in capacityProviderStrategy, the sidecar's grace period (${stop.gracePeriodSeconds}) + 5 `
    + `+ app.stopTimeoutSeconds (${stop.appStopTimeoutSeconds}) must be at most ${FARGATE_SPOT_NOTICE_SECONDS} seconds `
    + `(it is ${total}): ECS stops cloudflared first and the app after it, and a Spot interruption ends the task `
    + `${FARGATE_SPOT_NOTICE_SECONDS} seconds after the first SIGTERM. Shorten sidecar.gracePeriodSeconds or app.stopTimeoutSeconds.`);
}
