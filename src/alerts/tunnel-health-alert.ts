import { NotificationPolicy } from '@cdktf/provider-cloudflare/lib/notification-policy';
import { Construct } from 'constructs';
import { requireCloudflareTarget } from './alert-targets-check';
import { CloudflareAlertTarget } from './cloudflare-alert-target';
import { requireCloudflareId } from '../core/cloudflare-id';
import { wasChecked } from '../core/prop-path';
import { CloudflareTunnel } from '../tunnel';

/** Properties of a `TunnelHealthAlert`. */
export interface TunnelHealthAlertProps {
  /** Cloudflare account id (32 hex characters) of the tunnel. */
  readonly cloudflareAccountId: string;

  /** The tunnel to watch. */
  readonly tunnel: CloudflareTunnel;

  /** Where Cloudflare sends the notifications. */
  readonly target: CloudflareAlertTarget;
}

/**
 * A Cloudflare notification policy (`tunnel_health_event`) for one tunnel: Cloudflare tells you when
 * the tunnel's health changes, to degraded (some connections lost), down (no connector reaches the
 * edge: the app is unreachable) or back to healthy. It sees what users see, whatever the cause on the
 * AWS side. Free on every plan. The API token needs the account permission "Notifications: Edit".
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { CloudflareAlertTarget, CloudflareTunnel, TunnelHealthAlert } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 * declare const tunnel: CloudflareTunnel;
 *
 * new TunnelHealthAlert(stack, 'tunnel-health', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   tunnel,
 *   target: CloudflareAlertTarget.email('oncall@example.com'),
 * });
 */
export class TunnelHealthAlert extends Construct {
  /** The `cloudflare_notification_policy` resource. */
  public readonly notificationPolicy: NotificationPolicy;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the TunnelHealthAlert, described by `TunnelHealthAlertProps`.
   */
  constructor(scope: Construct, id: string, props: TunnelHealthAlertProps) {
    super(scope, id);
    if (!wasChecked(props)) { // else checked by the pattern, under the names its user wrote
      validateTunnelHealthAlertProps(props);
    }
    const target = props.target;

    this.notificationPolicy = new NotificationPolicy(this, 'Policy', {
      accountId: props.cloudflareAccountId,
      name: `Tunnel ${props.tunnel.tunnelName} health`,
      description: `Health changes of the Cloudflare Tunnel ${props.tunnel.tunnelName}`,
      alertType: 'tunnel_health_event',
      enabled: true,
      // Only this tunnel, and every status it can change to (the all-clear is worth a message too).
      // Written out although the provider's schema marks new_status optional: the dashboard sends it,
      // and the provider change that added it reports the API refusing the policy without it (see
      // docs/constraints.md).
      filters: { tunnelId: [props.tunnel.tunnelId], newStatus: [...TUNNEL_STATUSES] },
      mechanisms: target.emailAddress !== undefined
        ? { email: [{ id: target.emailAddress }] }
        : { webhooks: [{ id: target.webhookId! }] },
    });
  }
}

/**
 * The statuses a tunnel health notification can report, as the API spells them: a change to any of
 * them notifies (degraded, down, and healthy again).
 */
const TUNNEL_STATUSES = ['TUNNEL_STATUS_TYPE_HEALTHY', 'TUNNEL_STATUS_TYPE_DEGRADED', 'TUNNEL_STATUS_TYPE_DOWN'] as const;

/** Checks the props before any resource is created; throws an error naming the bad prop. */
function validateTunnelHealthAlertProps(props: TunnelHealthAlertProps): void {
  requireCloudflareId('cloudflareAccountId', props.cloudflareAccountId);
  requireCloudflareTarget('target', props.target);
}
