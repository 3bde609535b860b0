import { invalid, isKnown, requireIntegerInRange, requireOptionalIntegerInRange } from '../../core/validation';
import type { ServiceAutoscalingOptions } from '../autoscaling';

/** Checks autoscaling options before any resource that depends on them is created. */
export function validateAutoscalingOptions(options: ServiceAutoscalingOptions): void {
  if (isKnown(options.minCapacity)) {
    requireIntegerInRange('autoscaling.minCapacity', options.minCapacity, 0, 5000);
  }
  if (isKnown(options.maxCapacity)) {
    requireIntegerInRange('autoscaling.maxCapacity', options.maxCapacity, 1, 5000);
  }
  if (isKnown(options.minCapacity) && isKnown(options.maxCapacity) && options.minCapacity > options.maxCapacity) {
    invalid('autoscaling.minCapacity', options.minCapacity, `Must not be greater than autoscaling.maxCapacity (${options.maxCapacity}).`);
  }
  requireOptionalIntegerInRange('autoscaling.targetCpuUtilizationPercent', options.targetCpuUtilizationPercent, 1, 100);
  requireOptionalIntegerInRange('autoscaling.targetMemoryUtilizationPercent', options.targetMemoryUtilizationPercent, 1, 100);
  requireOptionalIntegerInRange('autoscaling.scaleInCooldownSeconds', options.scaleInCooldownSeconds, 0, 86400);
  requireOptionalIntegerInRange('autoscaling.scaleOutCooldownSeconds', options.scaleOutCooldownSeconds, 0, 86400);
}
