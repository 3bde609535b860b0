/**
 * The one check of a tunnel service's tuning options (task size, sidecar,
 * task count, capacity, logs, roles, autoscaling) and of its app container, run by
 * their owner: `TunnelFargateService` on its own props, or the pattern on the
 * props its user wrote, before it creates anything. Not exported from the
 * module's index.
 */
import { AppContainerOptions } from './app-container';
import { validateSpotStopTimes } from './internal/graceful-stop';
import { requirePlatformVersion } from './internal/platform-version';
import { requireWithinTunnelReplicaLimit } from './internal/tunnel-replica-limit';
import { validateAutoscalingOptions } from './internal/validate-autoscaling';
import { validateTaskOptions } from './internal/validate-task-options';
import { TunnelServiceTuningOptions } from './service-tuning-options';
import { requireValidArguments } from '../core/argument-problem';
import { LOG_GROUP_ARN, requireArn } from '../core/arn';
import { PropPath } from '../core/prop-path';
import { invalid, requireOptionalIntegerInRange } from '../core/validation';
import { requireOneRole, requireSeparateRoles } from '../iam/existing-role-checks';
import { checkLogGroupOptions } from '../logs/log-group-options-check';

/** The options the check reads: the service's tuning, and the platform version a `TunnelFargateService` also takes. */
export interface ServiceOptionsToCheck extends TunnelServiceTuningOptions {
  readonly platformVersion?: string;
}

/**
 * Checks the service's tuning `options`, named under `path` (`service.` through
 * the pattern), and the `app` container, named under `app.` (a prop of the
 * service and of the pattern alike).
 */
export function checkServiceOptions(options: ServiceOptionsToCheck, app: AppContainerOptions, path: PropPath): void {
  requireOptionalIntegerInRange(path.of('desiredCount'), options.desiredCount, 0, 5000);
  requireWithinTunnelReplicaLimit(path.of('desiredCount'), options.desiredCount);
  if (options.autoscaling !== undefined) {
    validateAutoscalingOptions(options.autoscaling, path.child('autoscaling'));
    requireWithinTunnelReplicaLimit(path.of('autoscaling.maxCapacity'), options.autoscaling.maxCapacity);
  }
  const strategy = options.capacityProviderStrategy;
  if (strategy !== undefined && (strategy === null || typeof strategy !== 'object' || !Array.isArray(strategy.shares))) {
    invalid(path.of('capacityProviderStrategy'), strategy, 'Expected a CapacityProviderStrategy, e.g. CapacityProviderStrategy.fargate().');
  }
  requireValidArguments(path.of('capacityProviderStrategy'), strategy?._problem);
  validateTaskOptions({ ...options, app }, path);
  requirePlatformVersion(path.of('platformVersion'), options.platformVersion, {
    cpuArchitecture: options.cpuArchitecture,
    enableExecuteCommand: options.enableExecuteCommand,
    writablePaths: (app.writablePaths ?? []).length > 0,
  });
  validateSpotStopTimes({ ...options, app }, options.capacityProviderStrategy, path);
  checkLogGroupOptions(options.logRetentionDays, options.logKmsKeyArn, path.of('logRetentionDays'), path.of('logKmsKeyArn'));
  if (options.existingLogGroup !== undefined) {
    // Any ILogGroup will do, not only ExistingLogGroup.fromArn's: the roles' policies, the account check and
    // the containers' awslogs region all read its ARN. An ARN string where the object belongs is named as given.
    const logGroup: unknown = options.existingLogGroup;
    if (logGroup === null || typeof logGroup !== 'object') {
      invalid(path.of('existingLogGroup'), logGroup,
        'Expected a CloudWatch Logs log group, e.g. ExistingLogGroup.fromArn("arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/my-app").');
    }
    requireArn(path.of('existingLogGroup'), options.existingLogGroup?.logGroupArn, LOG_GROUP_ARN);
    for (const [property, value] of [['logRetentionDays', options.logRetentionDays], ['logKmsKeyArn', options.logKmsKeyArn]] as const) {
      if (value !== undefined) {
        invalid(path.of(property), value, `Give either the settings of a new log group or ${path.of('existingLogGroup')}, not both: the existing one keeps its own.`);
      }
    }
  }
  for (const property of ['existingTaskRole', 'existingExecutionRole'] as const) {
    if (options[property] !== undefined) {
      requireOneRole(path.of(property), options[property]);
    }
  }
  requireSeparateRoles(options.existingTaskRole, options.existingExecutionRole, path);
}
