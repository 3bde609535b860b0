/**
 * The pattern's `alerts` prop: checked with the other props, then built into the AWS alarms and the
 * Cloudflare notification. Internal: not part of the public API.
 */
import { Construct } from 'constructs';
import { ServiceAlarms, TunnelHealthAlert } from '../../alerts';
import { requireAlarmMinutes, requireAwsTarget, requireCloudflareTarget, requireContainerInsights } from '../../alerts/alert-targets-check';
import { ContainerInsights, ICluster } from '../../cluster';
import { handDownChecked } from '../../core/prop-path';
import { invalid } from '../../core/validation';
import { TunnelFargateService } from '../../service';
import { CloudflareTunnel } from '../../tunnel';
import { ZeroTrustAlertOptions } from '../options';

/** What the alerts watch. */
export interface AlertSubjects {
  readonly name: string;
  readonly cloudflareAccountId: string;
  readonly tunnel: CloudflareTunnel;
  readonly service: TunnelFargateService;
  readonly cluster: ICluster;
}

/** The constructs made for `alerts`. */
export interface PatternAlerts {
  readonly serviceAlarms?: ServiceAlarms;
  readonly tunnelHealthAlert?: TunnelHealthAlert;
}

/** Checks `alerts` in the words the user wrote, before anything is created. */
export function validateAlerts(alerts: ZeroTrustAlertOptions | undefined, existingCluster: ICluster | undefined): void {
  if (alerts === undefined) {
    return;
  }
  if (alerts === null || (alerts.aws === undefined && alerts.cloudflare === undefined)) {
    invalid('alerts', alerts, 'Give alerts.aws, alerts.cloudflare or both (e.g. AwsAlertTarget.email("ops@example.com")), or leave alerts out.');
  }
  if (alerts.aws !== undefined) {
    requireAwsTarget('alerts.aws', alerts.aws);
    // The alarms read it from the cluster (see createAlerts); a cluster made here takes cluster.containerInsights, checked with it.
    requireContainerInsights('existingCluster.containerInsights', existingCluster?.containerInsights);
  } else if (alerts.alarmAfterMinutes !== undefined) {
    invalid('alerts.alarmAfterMinutes', alerts.alarmAfterMinutes, 'Only the AWS alarms use it: set alerts.aws too, or leave it out.');
  }
  requireAlarmMinutes('alerts.alarmAfterMinutes', alerts.alarmAfterMinutes);
  if (alerts.cloudflare !== undefined) {
    requireCloudflareTarget('alerts.cloudflare', alerts.cloudflare);
  }
}

/** Builds the alerts of validated options. */
export function createAlerts(scope: Construct, alerts: ZeroTrustAlertOptions | undefined, subjects: AlertSubjects): PatternAlerts {
  if (alerts === undefined) {
    return {};
  }
  const serviceAlarms = alerts.aws === undefined ? undefined : new ServiceAlarms(scope, 'alarms', handDownChecked({
    name: subjects.name,
    service: subjects.service,
    target: alerts.aws,
    // Known for a cluster made by FargateCluster (here or passed in); for one that does not say, assumed off.
    containerInsights: subjects.cluster.containerInsights ?? ContainerInsights.DISABLED,
    alarmAfterMinutes: alerts.alarmAfterMinutes,
  }));
  const tunnelHealthAlert = alerts.cloudflare === undefined ? undefined : new TunnelHealthAlert(scope, 'tunnel-health', handDownChecked({
    cloudflareAccountId: subjects.cloudflareAccountId,
    tunnel: subjects.tunnel,
    target: alerts.cloudflare,
  }));
  return { serviceAlarms, tunnelHealthAlert };
}
