// cloudflared's metrics into CloudWatch: an optional CloudWatch agent container scrapes the metrics
// server on the task's loopback interface; nothing opens the port beyond the task.
import { decodeJsonencode } from './decode';
import { app, serviceProps } from './fixtures';
import { ContainerImage, PinnedVersions } from '../../src';
import { EcrRepository } from '../../src/image';
import { TunnelFargateService, TunnelFargateServiceProps } from '../../src/service';
import { newStack, onlyResource, resources, synth } from '../helpers';
import { statementsOf } from '../iam/policy-document';

function build(overrides: Partial<TunnelFargateServiceProps> = {}) {
  const result = synth((stack) => new TunnelFargateService(stack, 'web', serviceProps(overrides)));
  const containers: any[] = decodeJsonencode(onlyResource(result.doc, 'aws_ecs_task_definition').container_definitions);
  const agent = containers.find((c) => c.name === 'cloudwatch-agent');
  const env = (name: string) => JSON.parse(agent.environment.find((e: any) => e.name === name).value);
  return { ...result, containers, agent, env };
}

const logGroupRef = (doc: any) => `\${aws_cloudwatch_log_group.${Object.keys(resources(doc, 'aws_cloudwatch_log_group'))[0]}`;

describe('cloudflared metrics', () => {
  test('are off by default: two containers and a task role without permissions', () => {
    const { containers, doc } = build();
    expect(containers.map((c) => c.name)).toEqual(['app', 'cloudflared']);
    expect(Object.keys(resources(doc, 'aws_iam_role_policy')).filter((id) => id.includes('task-role'))).toEqual([]);
  });

  test('add a non-essential CloudWatch agent on the pinned image', () => {
    const { agent } = build({ sidecar: { metrics: {} } });
    expect(agent.image).toBe(`public.ecr.aws/cloudwatch-agent/cloudwatch-agent:${PinnedVersions.CLOUDWATCH_AGENT}`);
    expect(agent.essential).toBe(false);
    expect(agent.stopTimeout).toBe(10);
    expect(agent.logConfiguration.options['awslogs-stream-prefix']).toBe('cloudwatch-agent');
  });

  test('scrape only the sidecar\'s metrics server on loopback, and open no port', () => {
    const { containers, env } = build({ sidecar: { metrics: {} } });
    const prometheus = env('PROMETHEUS_CONFIG_CONTENT');
    expect(prometheus.global).toEqual({ scrape_interval: '1m', scrape_timeout: '10s' });
    expect(prometheus.scrape_configs).toEqual([{
      job_name: 'cloudflared',
      static_configs: [{ targets: ['127.0.0.1:2000'], labels: { TaskDefinitionFamily: 'app' } }],
    }]);
    const sidecar = containers.find((c) => c.name === 'cloudflared');
    expect(sidecar.environment).toContainEqual({ name: 'TUNNEL_METRICS', value: '127.0.0.1:2000' });
    // Only the app's own port is mapped; the metrics port stays inside the task.
    expect(containers.flatMap((c) => c.portMappings ?? [])).toEqual([{ containerPort: 8080, protocol: 'tcp' }]);
  });

  test('keep requests, errors, edge connections and concurrency, one series per family', () => {
    const { env, doc } = build({ sidecar: { metrics: {} } });
    const config = env('CW_CONFIG_CONTENT');
    expect(config.agent.region).toMatch(/^\$\{data\.aws_region\..+\.region\}$/);
    const prometheus = config.logs.metrics_collected.prometheus;
    expect(prometheus.log_group_name).toBe(`${logGroupRef(doc)}.name}`);
    expect(prometheus.prometheus_config_path).toBe('env:PROMETHEUS_CONFIG_CONTENT');
    expect(prometheus.emf_processor).toEqual({
      metric_declaration_dedup: true,
      metric_namespace: 'CloudflareTunnel',
      metric_declaration: [{
        source_labels: ['job'],
        label_matcher: '^cloudflared$',
        dimensions: [['TaskDefinitionFamily']],
        metric_selectors: [
          '^cloudflared_tunnel_total_requests$',
          '^cloudflared_tunnel_request_errors$',
          '^cloudflared_tunnel_ha_connections$',
          '^cloudflared_tunnel_concurrent_requests_per_tunnel$',
        ],
      }],
    });
  });

  test('take a namespace of their own', () => {
    const { env } = build({ sidecar: { metrics: { namespace: 'Acme/Tunnels' } } });
    expect(env('CW_CONFIG_CONTENT').logs.metrics_collected.prometheus.emf_processor.metric_namespace).toBe('Acme/Tunnels');
  });

  test('let the task role write log streams of the service\'s log group, and nothing else', () => {
    const { doc } = build({ sidecar: { metrics: {} } });
    expect(statementsOf(doc, 'task-role_PolicyDocument')).toEqual([{
      sid: 'CloudflaredMetrics',
      effect: 'Allow',
      actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
      resources: [`${logGroupRef(doc)}.arn}:*`],
    }]);
  });

  test('let the execution role pull an agent image from ECR', () => {
    const { doc } = synth((stack) => {
      const repository = new EcrRepository(stack, 'agent', { name: 'cloudwatch-agent' });
      new TunnelFargateService(stack, 'web', serviceProps({
        sidecar: { metrics: { agentImage: ContainerImage.fromEcrRepository(repository, '1.300062.0b1304') } },
      }));
    });
    expect(JSON.stringify(doc.data.aws_iam_policy_document)).toContain('${aws_ecr_repository.agent_Repository');
  });

  describe('rejects', () => {
    const attempt = (overrides: Partial<TunnelFargateServiceProps>) => () => new TunnelFargateService(newStack(), 'web', serviceProps(overrides));

    test('a namespace AWS reserves', () => {
      expect(attempt({ sidecar: { metrics: { namespace: 'AWS/ECS' } } })).toThrow(/^Invalid sidecar\.metrics\.namespace: "AWS\/ECS"\. Expected 1 to 255/);
    });

    test('an empty namespace', () => {
      expect(attempt({ sidecar: { metrics: { namespace: '' } } })).toThrow(/^Invalid sidecar\.metrics\.namespace: ""\./);
    });

    test('an app container named like the agent', () => {
      expect(attempt({ app: app({ name: 'cloudwatch-agent' }), sidecar: { metrics: {} } }))
        .toThrow(/^Invalid app\.name: "cloudwatch-agent"\. The name "cloudwatch-agent" is taken by the metrics agent/);
    });
  });
});
