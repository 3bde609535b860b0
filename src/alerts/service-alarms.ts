import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { AwsAlertTarget } from './aws-alert-target';
import { ContainerInsights } from '../cluster';
import { requireAlarmMinutes, requireAwsTarget, requireContainerInsights } from './alert-targets-check';
import { AlertTopic } from './internal/alert-topic';
import { newEcsEventRules, sendToTopic } from './internal/ecs-event-rules';
import { newNoRunningTaskAlarm, newTasksBelowDesiredAlarm } from './internal/task-count-alarms';
import { pathLabel } from '../core/default-name';
import { claimPhysicalName } from '../core/physical-names';
import { wasChecked } from '../core/prop-path';
import { invalid, isToken } from '../core/validation';
import { TunnelFargateService } from '../service';

/** Properties of a `ServiceAlarms`. */
export interface ServiceAlarmsProps {
  /** The service to watch. */
  readonly service: TunnelFargateService;

  /** Where the alarms and events go. */
  readonly target: AwsAlertTarget;

  /**
   * The Container Insights level of the service's cluster. With `ENABLED` or `ENHANCED`, an alarm on
   * running tasks below the desired count is added; without, only "no task running" can be seen.
   *
   * @default ContainerInsights.DISABLED
   */
  readonly containerInsights?: ContainerInsights;

  /**
   * Minutes a task shortfall must last before an alarm fires (1-60). Shorter pages sooner; 5 rides
   * over a Fargate Spot replacement or an app restart, which take a minute or two.
   *
   * @default 5
   */
  readonly alarmAfterMinutes?: number;

  /**
   * Base name of the topic, alarms and rules: letters, digits, hyphens and underscores.
   *
   * @default - from the construct path
   */
  readonly name?: string;
}

/** Letters, digits, hyphens and underscores: valid in SNS topic, alarm and EventBridge rule names. */
const NAME = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * CloudWatch alarms and EventBridge rules that tell you when the ECS service is down or failing, sent
 * to an SNS topic (made for an email address, or yours):
 *
 * - `<name>-no-running-task`: no task has run for `alarmAfterMinutes` minutes (`AWS/ECS` CPUUtilization
 *   `SampleCount`, missing data counts as breaching: ECS publishes nothing while no task runs). Also
 *   fires while the service is scaled to 0 on purpose.
 * - `<name>-tasks-below-desired` (with Container Insights only): fewer tasks running than desired for
 *   that long (`ECS/ContainerInsights` DesiredTaskCount minus RunningTaskCount).
 * - `<name>-deployment-failed`: a deployment failed and the circuit breaker rolled it back.
 * - `<name>-task-failed`: a task stopped because a container failed its health check (the sidecar's
 *   when the tunnel has no edge connection) or an essential container exited; one email per task.
 *
 * Alarms also send the all-clear (OK). Cost: 0.10 USD a month per alarm (0.20 for the Container
 * Insights one, which reads two metrics); ECS events and their delivery to SNS are free; with an email
 * target, 1 USD a month for the topic's KMS key, and the first 1,000 emails a month are free.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AwsAlertTarget, ServiceAlarms, TunnelFargateService } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 * declare const service: TunnelFargateService;
 *
 * new ServiceAlarms(stack, 'alarms', {
 *   service,
 *   target: AwsAlertTarget.email('oncall@example.com'),
 *   alarmAfterMinutes: 10,
 * });
 */
export class ServiceAlarms extends Construct {
  /** ARN of the topic the alarms and events go to. */
  public readonly topicArn: string;

  /** The "no task running" alarm. */
  public readonly noRunningTaskAlarm: CloudwatchMetricAlarm;

  /**
   * The "fewer tasks than desired" alarm.
   *
   * @default - none without Container Insights
   */
  public readonly tasksBelowDesiredAlarm?: CloudwatchMetricAlarm;

  /** The rule for deployments the circuit breaker rolled back. */
  public readonly deploymentFailedRule: CloudwatchEventRule;

  /** The rule for tasks stopped by a failed health check or a crashed essential container. */
  public readonly taskFailedRule: CloudwatchEventRule;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the ServiceAlarms, described by `ServiceAlarmsProps`.
   */
  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    if (!wasChecked(props)) { // else checked by the pattern, under the names its user wrote
      validateServiceAlarmsProps(props);
    }
    const name = props.name ?? pathLabel(this);
    const minutes = props.alarmAfterMinutes ?? 5;
    const service = props.service;

    const rules = newEcsEventRules(this, {
      name,
      serviceName: service.serviceName,
      serviceArn: service.service.arn,
      clusterName: service.clusterName,
    });
    this.deploymentFailedRule = rules.deploymentFailed;
    this.taskFailedRule = rules.taskFailed;

    if (props.target.emailAddress !== undefined) {
      const topicName = `${name}-alerts`;
      claimPhysicalName(this, 'SNS topic', topicName, 'name');
      this.topicArn = new AlertTopic(this, 'Topic', {
        name: topicName,
        emailAddress: props.target.emailAddress,
        eventRuleArns: [rules.deploymentFailed.arn, rules.taskFailed.arn],
      }).topicArn;
    } else {
      this.topicArn = props.target.topicArn!;
    }
    sendToTopic(this, 'DeploymentFailedTarget', rules.deploymentFailed, this.topicArn);
    sendToTopic(this, 'TaskFailedTarget', rules.taskFailed, this.topicArn);

    const alarmProps = { name, clusterName: service.clusterName, serviceName: service.serviceName, minutes, topicArn: this.topicArn };
    this.noRunningTaskAlarm = newNoRunningTaskAlarm(this, alarmProps);
    const insights = props.containerInsights ?? ContainerInsights.DISABLED;
    if (insights !== ContainerInsights.DISABLED) {
      this.tasksBelowDesiredAlarm = newTasksBelowDesiredAlarm(this, alarmProps);
    }
  }
}

/** Checks the props before any resource is created; throws an error naming the bad prop. */
function validateServiceAlarmsProps(props: ServiceAlarmsProps): void {
  requireAwsTarget('target', props.target);
  requireContainerInsights('containerInsights', props.containerInsights);
  requireAlarmMinutes('alarmAfterMinutes', props.alarmAfterMinutes);
  if (props.name !== undefined && !isToken(props.name) && !NAME.test(props.name)) {
    invalid('name', props.name, 'Expected 1 to 200 letters, digits, hyphens or underscores.');
  }
}
