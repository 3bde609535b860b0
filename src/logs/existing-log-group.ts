import { Fn } from 'cdktf';
import { ILogGroup } from './service-log-group';
import { LOG_GROUP_ARN, requireArn } from '../core/arn';
import { isToken } from '../core/validation';

/**
 * A CloudWatch log group created elsewhere, for `TunnelFargateServiceProps.existingLogGroup`. No log
 * group is created; retention and encryption stay as its owner set them. The execution role gets
 * write rights on its log streams (and the task role, with `sidecar.metrics`, too), as for a new one.
 *
 * @example
 * import { ExistingLogGroup } from 'cdktf-zero-trust-fargate';
 *
 * const logs = ExistingLogGroup.fromArn('arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shared');
 */
export class ExistingLogGroup implements ILogGroup {
  /**
   * Refers to a log group by ARN. The name is taken from the ARN, so no lookup is made.
   *
   * @param logGroupArn e.g. `arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shared` (without `:*`)
   */
  public static fromArn(logGroupArn: string): ExistingLogGroup {
    requireArn('logGroupArn', logGroupArn, LOG_GROUP_ARN);
    const logGroupName = isToken(logGroupArn)
      ? Fn.element(Fn.split(':', logGroupArn), 6)
      : logGroupArn.split(':').slice(6).join(':');
    return new ExistingLogGroup(logGroupName, logGroupArn);
  }

  /** Name of the log group. */
  public readonly logGroupName: string;

  /** ARN of the log group (without `:*`). */
  public readonly logGroupArn: string;

  private constructor(logGroupName: string, logGroupArn: string) {
    this.logGroupName = logGroupName;
    this.logGroupArn = logGroupArn;
  }
}
