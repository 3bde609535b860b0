// The AWS side of the alerts: alarms on the task count, ECS events, and the encrypted topic for an email.
import { AwsAlertTarget, ContainerInsights, ServiceAlarms, ServiceAlarmsProps } from '../../src';
import { TunnelFargateService } from '../../src/service';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { decodeJsonencode } from '../service/decode';
import { serviceProps } from '../service/fixtures';

const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:ops-alerts';

function build(overrides: Partial<ServiceAlarmsProps> = {}) {
  let alarms: ServiceAlarms | undefined;
  const result = synth((stack) => {
    const service = new TunnelFargateService(stack, 'web', serviceProps());
    alarms = new ServiceAlarms(stack, 'alarms', { name: 'web', service, target: AwsAlertTarget.email('ops@example.com'), ...overrides });
  });
  const alarm = (suffix: string) => Object.values<any>(resources(result.doc, 'aws_cloudwatch_metric_alarm')).find((a) => a.alarm_name === `web-${suffix}`);
  const rule = (suffix: string) => Object.values<any>(resources(result.doc, 'aws_cloudwatch_event_rule')).find((r) => r.name === `web-${suffix}`);
  return { ...result, alarms: alarms!, alarm, rule };
}

/** `${type.id.attribute}` of the only resource of a type. */
function ref(doc: any, type: string, attribute: string): string {
  return `\${${type}.${Object.keys(resources(doc, type))[0]}.${attribute}}`;
}

/** An event pattern synthesized through jsonencode, with its references as "${...}" strings. */
function eventPattern(rule: any): any {
  return decodeJsonencode(rule.event_pattern);
}

describe('ServiceAlarms', () => {
  test('snapshot', () => {
    expect(build({ containerInsights: ContainerInsights.ENABLED }).json).toMatchSnapshot();
  });

  test('"no running task": AWS/ECS sample count, missing data is the outage, 5 of 5 minutes', () => {
    const { alarm, doc } = build();
    const service = ref(doc, 'aws_ecs_service', 'name');
    expect(alarm('no-running-task')).toMatchObject({
      namespace: 'AWS/ECS',
      metric_name: 'CPUUtilization',
      dimensions: { ClusterName: 'apps', ServiceName: service },
      statistic: 'SampleCount',
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      comparison_operator: 'LessThanThreshold',
      threshold: 1,
      treat_missing_data: 'breaching',
    });
  });

  test('alarms and all-clears go to the topic', () => {
    const { alarm, doc } = build();
    const topic = ref(doc, 'aws_sns_topic', 'arn');
    expect(alarm('no-running-task').alarm_actions).toEqual([topic]);
    expect(alarm('no-running-task').ok_actions).toEqual([topic]);
    expect(alarm('no-running-task').insufficient_data_actions).toBeUndefined();
  });

  test('without Container Insights there is no "below desired" alarm', () => {
    const { alarm, alarms } = build();
    expect(alarm('tasks-below-desired')).toBeUndefined();
    expect(alarms.tasksBelowDesiredAlarm).toBeUndefined();
  });

  test('with Container Insights, "below desired" is desired minus running, and missing data is not a second page', () => {
    for (const insights of [ContainerInsights.ENABLED, ContainerInsights.ENHANCED]) {
      const { alarm, doc } = build({ containerInsights: insights });
      const dimensions = { ClusterName: 'apps', ServiceName: ref(doc, 'aws_ecs_service', 'name') };
      const metric = (id: string, name: string) => ({
        id, return_data: false, metric: { namespace: 'ECS/ContainerInsights', metric_name: name, dimensions, period: 60, stat: 'Average' },
      });
      expect(alarm('tasks-below-desired')).toMatchObject({
        metric_query: [
          metric('desired', 'DesiredTaskCount'),
          metric('running', 'RunningTaskCount'),
          { id: 'missing', expression: 'desired - running', label: 'Tasks below desired', return_data: true },
        ],
        comparison_operator: 'GreaterThanThreshold',
        threshold: 0,
        evaluation_periods: 5,
        datapoints_to_alarm: 5,
        treat_missing_data: 'notBreaching',
      });
    }
  });

  test('alarmAfterMinutes sets the window of both alarms', () => {
    const { alarm } = build({ containerInsights: ContainerInsights.ENABLED, alarmAfterMinutes: 10 });
    for (const suffix of ['no-running-task', 'tasks-below-desired']) {
      expect([alarm(suffix).evaluation_periods, alarm(suffix).datapoints_to_alarm]).toEqual([10, 10]);
    }
  });

  test('a rolled-back deployment of this service is an event to the topic', () => {
    const { rule, doc } = build();
    expect(eventPattern(rule('deployment-failed'))).toEqual({
      'source': ['aws.ecs'],
      'detail-type': ['ECS Deployment State Change'],
      'resources': [ref(doc, 'aws_ecs_service', 'arn')],
      'detail': { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
    });
  });

  test('a task stopped by a failed health check (the sidecar\'s included) or a crashed essential container is an event', () => {
    const { rule, doc } = build();
    const pattern = eventPattern(rule('task-failed'));
    expect(pattern['detail-type']).toEqual(['ECS Task State Change']);
    expect(pattern.detail).toEqual({
      clusterArn: [{ suffix: ':cluster/apps' }],
      group: [`service:${ref(doc, 'aws_ecs_service', 'name')}`],
      lastStatus: ['STOPPED'],
      stoppedReason: [{ prefix: 'Task failed container health checks' }, { prefix: 'Essential container in task exited' }],
    });
  });

  test('both rules target the topic', () => {
    const { doc } = build();
    const topic = ref(doc, 'aws_sns_topic', 'arn');
    const targets = Object.values<any>(resources(doc, 'aws_cloudwatch_event_target'));
    expect(targets.map((t) => t.arn)).toEqual([topic, topic]);
    expect(targets.map((t) => t.rule).sort()).toEqual(
      Object.keys(resources(doc, 'aws_cloudwatch_event_rule')).map((id) => `\${aws_cloudwatch_event_rule.${id}.name}`).sort());
  });

  describe('for an email address', () => {
    test('a topic encrypted with a key of its own, and an email subscription (pending until confirmed)', () => {
      const { doc } = build();
      expect(onlyResource(doc, 'aws_sns_topic')).toEqual({ name: 'web-alerts', kms_master_key_id: ref(doc, 'aws_kms_key', 'arn') });
      expect(onlyResource(doc, 'aws_sns_topic_subscription')).toEqual({
        topic_arn: ref(doc, 'aws_sns_topic', 'arn'), protocol: 'email', endpoint: 'ops@example.com',
      });
      expect(onlyResource(doc, 'aws_kms_key')).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 7 });
    });

    test('the key lets CloudWatch alarms of the account and EventBridge publish (alias/aws/sns would not)', () => {
      const { doc } = build();
      const policy = Object.entries<any>(doc.data.aws_iam_policy_document).find(([id]) => id.includes('KeyPolicy'))![1];
      const bySid = Object.fromEntries(policy.statement.map((s: any) => [s.sid, s]));
      expect(Object.keys(bySid)).toEqual(['EnableIamPolicies', 'CloudWatchAlarmsPublish', 'EventBridgePublish']);
      expect(bySid.CloudWatchAlarmsPublish.principals).toEqual([{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }]);
      expect(bySid.CloudWatchAlarmsPublish.actions).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
      expect(bySid.CloudWatchAlarmsPublish.condition.map((c: any) => c.variable)).toEqual(['aws:SourceAccount', 'aws:SourceArn']);
      // EventBridge sends no source conditions to KMS: a condition would drop every event.
      expect(bySid.EventBridgePublish.condition).toBeUndefined();
      expect(bySid.EventBridgePublish.principals).toEqual([{ type: 'Service', identifiers: ['events.amazonaws.com'] }]);
    });

    test('the topic policy lets alarms of the account and exactly the two rules publish', () => {
      const { doc } = build();
      const topicPolicy = onlyResource(doc, 'aws_sns_topic_policy');
      expect(topicPolicy.arn).toBe(ref(doc, 'aws_sns_topic', 'arn'));
      const document = Object.entries<any>(doc.data.aws_iam_policy_document).find(([id]) => id.includes('TopicPolicy'))![1];
      const rules = document.statement.find((s: any) => s.sid === 'EcsEventRules');
      expect(rules.actions).toEqual(['sns:Publish']);
      expect(rules.condition).toEqual([{
        test: 'ArnEquals',
        variable: 'aws:SourceArn',
        values: Object.keys(resources(doc, 'aws_cloudwatch_event_rule')).map((id) => `\${aws_cloudwatch_event_rule.${id}.arn}`),
      }]);
      const alarms = document.statement.find((s: any) => s.sid === 'CloudWatchAlarms');
      expect(alarms.principals).toEqual([{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }]);
    });
  });

  test('an existing topic gets everything, and no topic, key or subscription is made', () => {
    const { doc, alarm, alarms } = build({ target: AwsAlertTarget.snsTopic(TOPIC_ARN) });
    expect(alarms.topicArn).toBe(TOPIC_ARN);
    expect(alarm('no-running-task').alarm_actions).toEqual([TOPIC_ARN]);
    expect(Object.values<any>(resources(doc, 'aws_cloudwatch_event_target')).map((t) => t.arn)).toEqual([TOPIC_ARN, TOPIC_ARN]);
    for (const type of ['aws_sns_topic', 'aws_sns_topic_subscription', 'aws_sns_topic_policy', 'aws_kms_key']) {
      expect(resources(doc, type)).toEqual({});
    }
  });

  test('long names keep rule names within EventBridge\'s 64 characters', () => {
    const name = 'a'.repeat(63);
    const { doc } = build({ name });
    for (const rule of Object.values<any>(resources(doc, 'aws_cloudwatch_event_rule'))) {
      expect(rule.name.length).toBeLessThanOrEqual(64);
      expect(rule.name.startsWith('aaaa')).toBe(true);
    }
  });

  describe('rejects', () => {
    const attempt = (overrides: Partial<ServiceAlarmsProps>) => () => {
      const stack = newStack();
      const service = new TunnelFargateService(stack, 'web', serviceProps());
      new ServiceAlarms(stack, 'alarms', { name: 'web', service, target: AwsAlertTarget.email('ops@example.com'), ...overrides });
    };

    test('a target that is not an AwsAlertTarget', () => {
      expect(attempt({ target: { emailAddress: 'ops@example.com' } as any })).toThrow(/^Invalid target: .*Expected AwsAlertTarget\.email/);
    });

    test('zero minutes', () => {
      expect(attempt({ alarmAfterMinutes: 0 })).toThrow(/^Invalid alarmAfterMinutes: 0\. Expected a whole number from 1 to 60/);
    });

    test('more than an hour', () => {
      expect(attempt({ alarmAfterMinutes: 61 })).toThrow(/^Invalid alarmAfterMinutes: 61\./);
    });

    test('a name with spaces', () => {
      expect(attempt({ name: 'my alerts' })).toThrow(/^Invalid name: "my alerts"\. Expected 1 to 200 letters/);
    });

    test('a Container Insights level that does not exist', () => {
      expect(attempt({ containerInsights: 'on' as any })).toThrow(/^Invalid containerInsights: "on"\. Expected one of disabled, enabled, enhanced/);
    });

    test('two alarm sets with one name in a stack', () => {
      const stack = newStack();
      const service = new TunnelFargateService(stack, 'web', serviceProps());
      new ServiceAlarms(stack, 'a', { name: 'web', service, target: AwsAlertTarget.snsTopic(TOPIC_ARN) });
      expect(() => new ServiceAlarms(stack, 'b', { name: 'web', service, target: AwsAlertTarget.snsTopic(TOPIC_ARN) }))
        .toThrow(/^Invalid name: "web-deployment-failed"\. The EventBridge rule name is already taken/);
    });
  });
});
