import { requireEmail } from './internal/email';
import { ArgumentProblem, checkArguments } from '../core/argument-problem';
import { brand } from '../core/brand';
import { invalid, isToken } from '../core/validation';

/** A standard (not FIFO) SNS topic ARN. */
const SNS_TOPIC_ARN = /^arn:aws(?:-[a-z]+)*:sns:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}$/;

/**
 * Where the AWS side of the alerts goes (CloudWatch alarms and ECS events): a new SNS topic with an
 * email subscription, or an SNS topic you already have.
 *
 * @example
 * import { AwsAlertTarget, CloudflareAlertTarget, ZeroTrustAlertOptions } from 'cdktf-zero-trust-fargate';
 *
 * // The pattern's `alerts`: a new SNS topic with an email subscription, or a topic you have.
 * const alerts: ZeroTrustAlertOptions = {
 *   aws: AwsAlertTarget.email('oncall@example.com'),
 *   cloudflare: CloudflareAlertTarget.email('oncall@example.com'),
 * };
 * const toExistingTopic = AwsAlertTarget.snsTopic('arn:aws:sns:eu-west-1:123456789012:oncall');
 */
export class AwsAlertTarget {
  /**
   * A new SNS topic, encrypted with a KMS key of its own, with an email subscription to `address`.
   * AWS sends a confirmation email first: nothing arrives until the link in it is followed (Terraform
   * cannot confirm it, and an unconfirmed subscription expires after 3 days; apply again to resend).
   * Costs about 1 USD a month for the key; the first 1,000 emails a month are free.
   *
   * @param address the recipient, e.g. `ops@example.com`
   */
  public static email(address: string): AwsAlertTarget {
    const problem = checkArguments('AwsAlertTarget.email', () => {
      requireEmail('address', address);
    });
    return new AwsAlertTarget(address, undefined, problem);
  }

  /**
   * An SNS topic you already have (standard, not FIFO: CloudWatch alarms cannot publish to FIFO topics).
   * Its topic policy must let `cloudwatch.amazonaws.com` and `events.amazonaws.com` publish, and, if it is
   * encrypted, its key policy must let both use the key (`kms:Decrypt`, `kms:GenerateDataKey*`): the
   * AWS-managed key `alias/aws/sns` does not, so alarms and events would be dropped silently.
   *
   * @param topicArn ARN of the topic, e.g. `arn:aws:sns:eu-west-1:123456789012:ops-alerts`
   */
  public static snsTopic(topicArn: string): AwsAlertTarget {
    const problem = checkArguments('AwsAlertTarget.snsTopic', () => {
      if (!isToken(topicArn) && (typeof topicArn !== 'string' || !SNS_TOPIC_ARN.test(topicArn))) {
        invalid('topicArn', topicArn,
          'Expected the ARN of a standard SNS topic, e.g. "arn:aws:sns:eu-west-1:123456789012:ops-alerts" (CloudWatch alarms cannot publish to FIFO topics).');
      }
    });
    return new AwsAlertTarget(undefined, topicArn, problem);
  }

  /**
   * The email address of `AwsAlertTarget.email()`.
   *
   * @default - none for an existing topic
   */
  public readonly emailAddress?: string;

  /**
   * The topic ARN of `AwsAlertTarget.snsTopic()`.
   *
   * @default - none: a new topic is made for the email address
   */
  public readonly topicArn?: string;

  /**
   * What the factory found wrong with its argument; the construct that receives the target raises it
   * under the prop the user wrote (`alerts.aws`).
   * @internal
   */
  public readonly _problem: ArgumentProblem;

  private constructor(emailAddress: string | undefined, topicArn: string | undefined, problem: ArgumentProblem) {
    brand(this, 'AwsAlertTarget');
    this.emailAddress = emailAddress;
    this.topicArn = topicArn;
    this._problem = problem;
  }
}
