import { PropPath } from '../../core/prop-path';
import { invalid, isToken, requireIntegerInRange, requireOptionalIntegerInRange } from '../../core/validation';
import type { ServiceAutoscalingOptions } from '../autoscaling';

/** Checks autoscaling options before any resource that depends on them is created. */
export function validateAutoscalingOptions(options: ServiceAutoscalingOptions, path: PropPath): void {
  if (!isToken(options.minCapacity)) {
    requireIntegerInRange(path.of('minCapacity'), options.minCapacity, 0, 5000);
  }
  if (!isToken(options.maxCapacity)) {
    requireIntegerInRange(path.of('maxCapacity'), options.maxCapacity, 1, 5000);
  }
  if (!isToken(options.minCapacity) && !isToken(options.maxCapacity) && options.minCapacity > options.maxCapacity) {
    invalid(path.of('minCapacity'), options.minCapacity, `Must not be greater than ${path.of('maxCapacity')} (${options.maxCapacity}).`);
  }
  requireOptionalIntegerInRange(path.of('targetCpuUtilizationPercent'), options.targetCpuUtilizationPercent, 1, 100);
  requireOptionalIntegerInRange(path.of('targetMemoryUtilizationPercent'), options.targetMemoryUtilizationPercent, 1, 100);
  requireOptionalIntegerInRange(path.of('scaleInCooldownSeconds'), options.scaleInCooldownSeconds, 0, 86400);
  requireOptionalIntegerInRange(path.of('scaleOutCooldownSeconds'), options.scaleOutCooldownSeconds, 0, 86400);
}
