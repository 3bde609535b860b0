// Operating the pattern: alerts, graceful stop, metrics and the replica limit through
// ZeroTrustFargateService, with errors that name the props as its user wrote them.
import {
  AwsAlertTarget, CapacityProviderStrategy, CloudflareAlertTarget, ContainerInsights, ExistingCluster, FargateCluster, ValidationErrors,
  ZeroTrustFargateService, ZeroTrustFargateServiceProps,
} from '../../src';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';
import { decodeJsonencode } from '../service/decode';

const BOTH = { aws: AwsAlertTarget.email('ops@example.com'), cloudflare: CloudflareAlertTarget.email('ops@example.com') };

function build(overrides: Partial<ZeroTrustFargateServiceProps>) {
  let pattern: ZeroTrustFargateService | undefined;
  const result = synth((stack) => {
    pattern = new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, name: 'admin', ...overrides });
  });
  const alarmNames = Object.values<any>(resources(result.doc, 'aws_cloudwatch_metric_alarm')).map((a) => a.alarm_name).sort();
  return { ...result, pattern: pattern!, alarmNames };
}

describe('alerts', () => {
  test('are off unless asked for', () => {
    const { doc, pattern } = build({});
    for (const type of ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_event_rule', 'aws_sns_topic', 'cloudflare_notification_policy']) {
      expect(resources(doc, type)).toEqual({});
    }
    expect([pattern.serviceAlarms, pattern.tunnelHealthAlert]).toEqual([undefined, undefined]);
  });

  test('on both sides: alarms, ECS event rules and a topic named after the service, and the tunnel\'s notification', () => {
    const { doc, pattern, alarmNames } = build({ alerts: BOTH });
    expect(alarmNames).toEqual(['admin-no-running-task']);
    expect(Object.values<any>(resources(doc, 'aws_cloudwatch_event_rule')).map((r) => r.name).sort())
      .toEqual(['admin-deployment-failed', 'admin-task-failed']);
    expect(onlyResource(doc, 'aws_sns_topic').name).toBe('admin-alerts');
    expect(onlyResource(doc, 'cloudflare_notification_policy').filters.tunnel_id)
      .toEqual([`\${cloudflare_zero_trust_tunnel_cloudflared.${Object.keys(resources(doc, 'cloudflare_zero_trust_tunnel_cloudflared'))[0]}.id}`]);
    expect(pattern.serviceAlarms).toBeDefined();
    expect(pattern.tunnelHealthAlert).toBeDefined();
  });

  test('only Cloudflare: no AWS alarm resources', () => {
    const { doc } = build({ alerts: { cloudflare: CloudflareAlertTarget.webhook('b115d5ec15c641ee8b7692c449b5227b') } });
    expect(resources(doc, 'aws_cloudwatch_metric_alarm')).toEqual({});
    expect(resources(doc, 'aws_sns_topic')).toEqual({});
    expect(onlyResource(doc, 'cloudflare_notification_policy').mechanisms).toEqual({ webhooks: [{ id: 'b115d5ec15c641ee8b7692c449b5227b' }] });
  });

  test('only AWS, to an existing topic: no notification policy and no topic of our own', () => {
    const { doc } = build({ alerts: { aws: AwsAlertTarget.snsTopic('arn:aws:sns:eu-west-1:123456789012:ops') } });
    expect(resources(doc, 'cloudflare_notification_policy')).toEqual({});
    expect(resources(doc, 'aws_sns_topic')).toEqual({});
    expect(Object.values<any>(resources(doc, 'aws_cloudwatch_metric_alarm'))[0].alarm_actions).toEqual(['arn:aws:sns:eu-west-1:123456789012:ops']);
  });

  test('the "below desired" alarm comes with Container Insights on the new cluster', () => {
    expect(build({ alerts: BOTH, cluster: { containerInsights: ContainerInsights.ENABLED } }).alarmNames)
      .toEqual(['admin-no-running-task', 'admin-tasks-below-desired']);
  });

  test('and with Container Insights on a FargateCluster passed in', () => {
    const { doc } = synth((stack) => {
      const cluster = new FargateCluster(stack, 'cluster', { name: 'shared', containerInsights: ContainerInsights.ENHANCED });
      new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, name: 'admin', existingCluster: cluster, alerts: BOTH });
    });
    expect(Object.values<any>(resources(doc, 'aws_cloudwatch_metric_alarm')).map((a) => a.alarm_name)).toContain('admin-tasks-below-desired');
  });

  test('a cluster known only by name is assumed to have no Container Insights', () => {
    const { doc } = synth((stack) => {
      const cluster = ExistingCluster.fromArn('arn:aws:ecs:eu-west-1:123456789012:cluster/shared');
      new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, name: 'admin', existingCluster: cluster, alerts: BOTH });
    });
    expect(Object.values<any>(resources(doc, 'aws_cloudwatch_metric_alarm')).map((a) => a.alarm_name)).toEqual(['admin-no-running-task']);
  });

  test('a cluster passed in whose containerInsights is not a ContainerInsights is refused, as it is by ServiceAlarms itself', () => {
    // Any ICluster will do: one written by hand says what it likes; the alarms would wait on metrics it may not have.
    const cluster = { clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/shared', clusterName: 'shared', containerInsights: 'on' as any };
    const stack = newStack();
    let error: any;
    try {
      new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, name: 'admin', existingCluster: cluster, alerts: BOTH });
    } catch (e) {
      error = e;
    }
    expect(ValidationErrors.propertyOf(error)).toBe('existingCluster.containerInsights');
    expect(error.message).toMatch(/"on"\. Expected one of disabled, enabled, enhanced/);
    expect(stack.node.findAll().filter((c) => c.node.path.includes('/admin'))).toEqual([]);
  });

  test('alarmAfterMinutes reaches the alarms', () => {
    const { doc } = build({ alerts: { ...BOTH, alarmAfterMinutes: 3 } });
    expect(Object.values<any>(resources(doc, 'aws_cloudwatch_metric_alarm'))[0].evaluation_periods).toBe(3);
  });
});

describe('graceful stop and metrics through the pattern', () => {
  test('service.sidecar.gracePeriodSeconds and app.stopTimeoutSeconds reach the containers', () => {
    const { doc } = build({
      app: { ...PATTERN_PROPS.app, stopTimeoutSeconds: 100 },
      service: { sidecar: { gracePeriodSeconds: 90, metrics: {} } },
    });
    const containers: any[] = decodeJsonencode(onlyResource(doc, 'aws_ecs_task_definition').container_definitions);
    expect(containers.map((c) => [c.name, c.stopTimeout])).toEqual([['app', 100], ['cloudflared', 95], ['cloudwatch-agent', 10]]);
  });
});

describe('errors name the prop as written, and leave nothing behind', () => {
  test.each<[string, Partial<ZeroTrustFargateServiceProps>, string, RegExp]>([
    ['alerts without a target', { alerts: {} }, 'alerts', /Give alerts\.aws, alerts\.cloudflare or both/],
    ['an AWS target that is a plain string', { alerts: { aws: 'ops@example.com' as any } }, 'alerts.aws', /Expected AwsAlertTarget\.email/],
    ['a Cloudflare target that is a plain string', { alerts: { cloudflare: 'ops@example.com' as any } }, 'alerts.cloudflare', /Expected CloudflareAlertTarget\.email/],
    ['zero alarm minutes', { alerts: { ...BOTH, alarmAfterMinutes: 0 } }, 'alerts.alarmAfterMinutes', /0\. Expected a whole number from 1 to 60/],
    ['alarm minutes without AWS alarms', { alerts: { cloudflare: BOTH.cloudflare, alarmAfterMinutes: 5 } }, 'alerts.alarmAfterMinutes', /Only the AWS alarms use it/],
    ['13 tasks', { service: { desiredCount: 13 } }, 'service.desiredCount', /13\. Expected at most 12 tasks/],
    ['autoscaling to 20 tasks', { service: { autoscaling: { minCapacity: 1, maxCapacity: 20 } } }, 'service.autoscaling.maxCapacity', /20\. Expected at most 12 tasks/],
    ['a grace period over 115 s', { service: { sidecar: { gracePeriodSeconds: 200 } } }, 'service.sidecar.gracePeriodSeconds', /200\. Expected a whole number from 0 to 115/],
    ['a stop longer than Fargate Spot\'s notice', { service: { capacityProviderStrategy: CapacityProviderStrategy.fargateSpot(), sidecar: { gracePeriodSeconds: 100 } } }, 'service.sidecar.gracePeriodSeconds', /100\. With FARGATE_SPOT in capacityProviderStrategy/],
    ['a metrics namespace AWS reserves', { service: { sidecar: { metrics: { namespace: 'AWS/Tunnel' } } } }, 'service.sidecar.metrics.namespace', /"AWS\/Tunnel"/],
  ])('%s', (_case, overrides, property, message) => {
    const stack = newStack();
    let error: any;
    try {
      new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, ...overrides });
    } catch (e) {
      error = e;
    }
    expect(ValidationErrors.propertyOf(error)).toBe(property);
    expect(error.message.startsWith(`Invalid ${property}: `)).toBe(true);
    expect(error.message).toMatch(message);
    expect(stack.node.findAll().filter((c) => c.node.path.includes('/admin'))).toHaveLength(0);
  });
});
