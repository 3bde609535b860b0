import { requireEmail } from './internal/email';
import { ArgumentProblem, checkArguments } from '../core/argument-problem';
import { brand } from '../core/brand';
import { invalid, isToken } from '../core/validation';

/** A Cloudflare webhook destination id: a UUID, with or without hyphens. */
const WEBHOOK_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Where Cloudflare's tunnel health notifications go: an email address or a webhook destination. *
 * @example
 * import { AwsAlertTarget, CloudflareAlertTarget, ZeroTrustAlertOptions } from 'cdktf-zero-trust-fargate';
 *
 * // The pattern's `alerts`: Cloudflare emails an address, or calls a webhook set up in the dashboard.
 * const alerts: ZeroTrustAlertOptions = {
 *   cloudflare: CloudflareAlertTarget.webhook('0123456789abcdef0123456789abcdef'),
 *   aws: AwsAlertTarget.email('oncall@example.com'),
 * };
 * const byEmail = CloudflareAlertTarget.email('oncall@example.com');
 */
export class CloudflareAlertTarget {
  /**
   * Cloudflare emails `address` directly. No confirmation is needed.
   *
   * @param address the recipient, e.g. `ops@example.com`
   */
  public static email(address: string): CloudflareAlertTarget {
    const problem = checkArguments('CloudflareAlertTarget.email', () => {
      requireEmail('address', address);
    });
    return new CloudflareAlertTarget(address, undefined, problem);
  }

  /**
   * A webhook destination of the account (Notifications > Destinations, or the
   * `cloudflare_notification_policy_webhooks` resource), e.g. to Slack or an incident tool.
   *
   * @param webhookId id of the destination, a UUID
   */
  public static webhook(webhookId: string): CloudflareAlertTarget {
    const problem = checkArguments('CloudflareAlertTarget.webhook', () => {
      if (!isToken(webhookId) && (typeof webhookId !== 'string' || !WEBHOOK_ID.test(webhookId))) {
        invalid('webhookId', webhookId,
          'Expected the id of a webhook destination: a lower-case UUID such as "b115d5ec15c641ee8b7692c449b5227b".');
      }
    });
    return new CloudflareAlertTarget(undefined, webhookId, problem);
  }

  /**
   * The email address of `CloudflareAlertTarget.email()`.
   *
   * @default - none for a webhook
   */
  public readonly emailAddress?: string;

  /**
   * The destination id of `CloudflareAlertTarget.webhook()`.
   *
   * @default - none for an email address
   */
  public readonly webhookId?: string;

  /**
   * What the factory found wrong with its argument; the construct that receives the target raises it
   * under the prop the user wrote (`alerts.cloudflare`).
   * @internal
   */
  public readonly _problem: ArgumentProblem;

  private constructor(emailAddress: string | undefined, webhookId: string | undefined, problem: ArgumentProblem) {
    brand(this, 'CloudflareAlertTarget');
    this.emailAddress = emailAddress;
    this.webhookId = webhookId;
    this._problem = problem;
  }
}
