import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import { checkLogGroupOptions } from './log-group-options-check';
import { pathSegments } from '../core/default-name';
import { claimPhysicalName } from '../core/physical-names';
import { wasChecked } from '../core/prop-path';
import { invalid, isToken } from '../core/validation';

/** Characters CloudWatch Logs allows in a log group name. */
const LOG_GROUP_NAME_CHAR = /[A-Za-z0-9_\-/.#]/;

/**
 * A CloudWatch log group the task's containers write to: a `ServiceLogGroup`, or one made elsewhere
 * (`ExistingLogGroup.fromArn`).
 */
export interface ILogGroup {
  /** Name of the log group, for the `awslogs-group` log option. */
  readonly logGroupName: string;

  /** ARN of the log group (without `:*`), to scope the execution role's write permission. */
  readonly logGroupArn: string;
}

/** Properties of a `ServiceLogGroup`. */
export interface ServiceLogGroupProps {
  /**
   * Name of the log group: 1 to 512 characters from letters, digits and `_-/.#`.
   *
   * @default - `/ecs/<stack id>/<construct path>`
   */
  readonly name?: string;

  /**
   * Days to keep log events. One of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
   * 1827, 2192, 2557, 2922, 3288, 3653.
   *
   * @default 30
   */
  readonly retentionDays?: number;

  /**
   * ARN of a customer-managed KMS key to encrypt log events with. The key policy must allow the
   * CloudWatch Logs service principal of the region to use it.
   *
   * @default - encrypted with keys managed by CloudWatch Logs
   */
  readonly kmsKeyArn?: string;

  /**
   * Tags for the log group.
   *
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * The CloudWatch log group the task's containers write to (through the `awslogs` driver), with a
 * bounded retention so logs neither vanish after a day nor pile up forever.
 *
 * A log group you already have can take its place (`existingLogGroup` of the service, with
 * `ExistingLogGroup.fromArn`), e.g. one whose retention, encryption and subscriptions are managed
 * centrally.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { ServiceLogGroup } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const logs = new ServiceLogGroup(stack, 'logs', {
 *   name: '/ecs/admin',
 *   retentionDays: 90,
 * });
 */
export class ServiceLogGroup extends Construct implements ILogGroup {
  /** Name of the log group, for the `awslogs-group` log option. */
  public readonly logGroupName: string;

  /** ARN of the log group (without `:*`), to scope the execution role's write permission. */
  public readonly logGroupArn: string;

  /** The underlying `aws_cloudwatch_log_group`. */
  public readonly logGroup: CloudwatchLogGroup;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the ServiceLogGroup, described by `ServiceLogGroupProps`.
   */
  constructor(scope: Construct, id: string, props: ServiceLogGroupProps = {}) {
    super(scope, id);

    const retentionDays = props.retentionDays ?? 30;
    if (!wasChecked(props)) {
      checkLogGroupOptions(props.retentionDays, props.kmsKeyArn, 'retentionDays', 'kmsKeyArn');
    }
    const name = props.name ?? `/ecs/${pathSegments(this, LOG_GROUP_NAME_CHAR).join('/')}`;
    if (!isToken(name) && !/^[A-Za-z0-9_\-/.#]{1,512}$/.test(name)) {
      invalid('name', name, 'Expected 1 to 512 characters from letters, digits and "_-/.#".');
    }
    claimPhysicalName(this, 'CloudWatch log group', name, 'name');

    this.logGroup = new CloudwatchLogGroup(this, 'LogGroup', {
      name,
      retentionInDays: retentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags: props.tags,
    });

    this.logGroupName = this.logGroup.name;
    this.logGroupArn = this.logGroup.arn;
  }
}

