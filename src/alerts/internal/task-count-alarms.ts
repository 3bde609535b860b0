/**
 * CloudWatch alarms on how many tasks of a service run. Internal: not part of the public API.
 *
 * Without Container Insights, AWS/ECS has no task count, only CPU and memory utilization, and ECS
 * publishes those only while at least one task of the service runs. Their sample count is no exact
 * task count (ECS aggregates several samples a minute), but "no data point" reliably means "no task
 * running": that is the alarm every service gets. With Container Insights, RunningTaskCount and
 * DesiredTaskCount also show a partial shortfall.
 */
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { claimPhysicalName } from '../../core/physical-names';

/** What the alarms watch and where they report. */
export interface TaskCountAlarmProps {
  /** Base of the alarm names. */
  readonly name: string;
  /** Name of the cluster (dimension `ClusterName`). */
  readonly clusterName: string;
  /** Name of the service (dimension `ServiceName`). */
  readonly serviceName: string;
  /** Minutes a condition must last before the alarm fires. */
  readonly minutes: number;
  /** SNS topic of both the alarm and the all-clear. */
  readonly topicArn: string;
}

/** One-minute data points, as ECS and Container Insights publish them. */
const PERIOD_SECONDS = 60;

/** Fires when no task has run for `minutes` minutes. */
export function newNoRunningTaskAlarm(scope: Construct, props: TaskCountAlarmProps): CloudwatchMetricAlarm {
  const alarmName = `${props.name}-no-running-task`;
  claimPhysicalName(scope, 'CloudWatch alarm', alarmName, 'name');
  return new CloudwatchMetricAlarm(scope, 'NoRunningTask', {
    alarmName,
    alarmDescription: `No task of ECS service ${props.serviceName} has run for ${props.minutes} minutes: the app is down. `
      + 'Check the service events (failed deployments, Spot capacity, task stop reasons) and the logs.',
    namespace: 'AWS/ECS',
    metricName: 'CPUUtilization',
    dimensions: { ClusterName: props.clusterName, ServiceName: props.serviceName },
    statistic: 'SampleCount',
    period: PERIOD_SECONDS,
    // Every minute of the window must lack a task: a Spot replacement or a crashed task that ECS
    // restarts within a few minutes does not page anyone, a crash loop or missing capacity does.
    evaluationPeriods: props.minutes,
    datapointsToAlarm: props.minutes,
    comparisonOperator: 'LessThanThreshold',
    threshold: 1,
    // ECS publishes nothing while no task runs, so a missing data point is the outage itself.
    treatMissingData: 'breaching',
    alarmActions: [props.topicArn],
    okActions: [props.topicArn],
  });
}

/** Fires when fewer tasks than desired have run for `minutes` minutes; needs Container Insights. */
export function newTasksBelowDesiredAlarm(scope: Construct, props: TaskCountAlarmProps): CloudwatchMetricAlarm {
  const alarmName = `${props.name}-tasks-below-desired`;
  claimPhysicalName(scope, 'CloudWatch alarm', alarmName, 'name');
  const dimensions = { ClusterName: props.clusterName, ServiceName: props.serviceName };
  const metric = (id: string, metricName: string) => ({
    id,
    metric: { namespace: 'ECS/ContainerInsights', metricName, dimensions, period: PERIOD_SECONDS, stat: 'Average' },
    returnData: false,
  });
  return new CloudwatchMetricAlarm(scope, 'TasksBelowDesired', {
    alarmName,
    alarmDescription: `ECS service ${props.serviceName} has run fewer tasks than desired for ${props.minutes} minutes: `
      + 'fewer replicas carry the tunnel. Check the service events and the task stop reasons.',
    // The desired count follows autoscaling, so the difference stays right whatever the count.
    metricQuery: [
      metric('desired', 'DesiredTaskCount'),
      metric('running', 'RunningTaskCount'),
      { id: 'missing', expression: 'desired - running', label: 'Tasks below desired', returnData: true },
    ],
    // A rolling deploy never dips below desired (minimum healthy 100%): only a lasting gap fires.
    evaluationPeriods: props.minutes,
    datapointsToAlarm: props.minutes,
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 0,
    // No Container Insights data (turned off, or no task at all) is the other alarm's case, not a second page.
    treatMissingData: 'notBreaching',
    alarmActions: [props.topicArn],
    okActions: [props.topicArn],
  });
}
