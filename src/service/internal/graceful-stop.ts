/**
 * How long each container may take to stop, so that a rolling deploy or a Fargate Spot interruption
 * lets in-flight requests finish. Internal: not part of the public API.
 *
 * When ECS stops a task it stops containers in reverse dependency order: the sidecar depends on the
 * app, so `cloudflared` gets SIGTERM first. It then takes no new requests (the edge routes them to the
 * other replicas) and waits up to its grace period for the open ones, which still need the app. So the
 * app must outlive that grace period: its `stopTimeout` is longer than the grace period, and the
 * sidecar's own `stopTimeout` leaves it a moment past the grace period to close its edge connections.
 */
import { Fn, Op } from 'cdktf';
import { invalid, isKnown, requireOptionalIntegerInRange } from '../../core/validation';
import { TunnelTaskOptions } from '../task-options';

/** cloudflared's own default (`--grace-period 30s`), written out so the plan shows it. */
export const DEFAULT_GRACE_PERIOD_SECONDS = 30;

/** Seconds past the grace period before ECS kills cloudflared: it closes its edge connections then. */
const SIDECAR_EXIT_MARGIN_SECONDS = 5;

/** Default margin of the app over the grace period: the sidecar's exit margin and as much again. */
const APP_MARGIN_SECONDS = 10;

/** Fargate's upper bound for a container's `stopTimeout`. */
export const FARGATE_MAX_STOP_TIMEOUT_SECONDS = 120;

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
export function stopTimes(options: TunnelTaskOptions): StopTimes {
  const gracePeriodSeconds = options.sidecar?.gracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS;
  const known = isKnown(gracePeriodSeconds);
  const plus = (margin: number) => (known ? gracePeriodSeconds + margin : Op.add(gracePeriodSeconds, margin));
  return {
    gracePeriodSeconds,
    sidecarStopTimeoutSeconds: plus(SIDECAR_EXIT_MARGIN_SECONDS),
    appStopTimeoutSeconds: options.app.stopTimeoutSeconds ?? (known
      ? Math.min(plus(APP_MARGIN_SECONDS), FARGATE_MAX_STOP_TIMEOUT_SECONDS)
      : Fn.min([plus(APP_MARGIN_SECONDS), FARGATE_MAX_STOP_TIMEOUT_SECONDS])),
  };
}

/** Checks the grace period and the app's stop timeout, and that the app outlives the grace period. */
export function validateStopTimes(options: TunnelTaskOptions): void {
  const grace = options.sidecar?.gracePeriodSeconds;
  // The sidecar's stopTimeout (grace + 5) must stay within Fargate's 120 seconds.
  requireOptionalIntegerInRange('sidecar.gracePeriodSeconds', grace, 0, FARGATE_MAX_STOP_TIMEOUT_SECONDS - SIDECAR_EXIT_MARGIN_SECONDS);
  const appStop = options.app.stopTimeoutSeconds;
  requireOptionalIntegerInRange('app.stopTimeoutSeconds', appStop, 1, FARGATE_MAX_STOP_TIMEOUT_SECONDS);
  const effectiveGrace = grace ?? DEFAULT_GRACE_PERIOD_SECONDS;
  if (appStop !== undefined && isKnown(appStop) && isKnown(effectiveGrace) && appStop <= effectiveGrace) {
    invalid('app.stopTimeoutSeconds', appStop,
      `Must be greater than the sidecar's grace period (${effectiveGrace} seconds): cloudflared is stopped first and `
      + 'keeps draining requests to the app for that long, so an app killed sooner drops them.');
  }
}
