/**
 * The check of alert options, run once by whoever owns them: the building block on its own props, or the
 * pattern under the names its user wrote (`alerts.aws`). Not exported from the module's index.
 */
import { AwsAlertTarget } from './aws-alert-target';
import { CloudflareAlertTarget } from './cloudflare-alert-target';
import { ContainerInsights } from '../cluster';
import { requireValidArguments } from '../core/argument-problem';
import { hasBrand } from '../core/brand';
import { invalid, requireOneOf, requireOptionalIntegerInRange } from '../core/validation';

/** Fails unless `target` was made by an `AwsAlertTarget` factory (guards callers outside TypeScript). */
export function requireAwsTarget(property: string, target: unknown): void {
  if (!isAwsAlertTarget(target)) {
    invalid(property, target, 'Expected AwsAlertTarget.email(...) or AwsAlertTarget.snsTopic(...).');
  }
  requireValidArguments(property, target._problem);
}

/** Fails unless `target` was made by a `CloudflareAlertTarget` factory. */
export function requireCloudflareTarget(property: string, target: unknown): void {
  if (!isCloudflareAlertTarget(target)) {
    invalid(property, target, 'Expected CloudflareAlertTarget.email(...) or CloudflareAlertTarget.webhook(...).');
  }
  requireValidArguments(property, target._problem);
}

/** True for an `AwsAlertTarget` of any copy of the library (a brand, not `instanceof`). */
function isAwsAlertTarget(target: unknown): target is AwsAlertTarget {
  return hasBrand(target, 'AwsAlertTarget');
}

/** True for a `CloudflareAlertTarget` of any copy of the library (a brand, not `instanceof`). */
function isCloudflareAlertTarget(target: unknown): target is CloudflareAlertTarget {
  return hasBrand(target, 'CloudflareAlertTarget');
}

/** Minutes before an alarm fires: 1 to 60 (longer windows would hide an outage for over an hour). */
export function requireAlarmMinutes(property: string, minutes: number | undefined): void {
  requireOptionalIntegerInRange(property, minutes, 1, 60);
}

/**
 * Fails unless `insights`, which decides whether the alarms watch Container Insights metrics, is a
 * `ContainerInsights` value or undefined (guards callers outside TypeScript, and clusters written by hand).
 */
export function requireContainerInsights(property: string, insights: string | undefined): void {
  if (insights !== undefined) {
    requireOneOf(property, insights, Object.values(ContainerInsights));
  }
}
