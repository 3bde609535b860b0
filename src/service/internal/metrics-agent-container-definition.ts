/**
 * The CloudWatch agent container that scrapes cloudflared's metrics server inside the task and ships
 * the metrics as CloudWatch embedded metric format (EMF) events. Internal: not part of the public API.
 */

import { ContainerDefinition, LogTarget, logConfiguration, nameValuePairs } from './container-parts';
import { CLOUDFLARED_METRICS_ADDRESS, METRICS_AGENT_CONTAINER_NAME } from './task-defaults';
import { jsonencode } from '../../core/jsonencode';
import { PinnedVersions } from '../../core/versions';
import { ContainerImage } from '../../image';
import { CloudflaredMetricsOptions } from '../cloudflared-metrics';

/** Default CloudWatch namespace of cloudflared's metrics. */
export const DEFAULT_METRICS_NAMESPACE = 'CloudflareTunnel';

/** What the agent keeps: the request, error and edge connection series (each a billed custom metric). */
export const CLOUDFLARED_METRIC_NAMES = [
  'cloudflared_tunnel_total_requests',
  'cloudflared_tunnel_request_errors',
  'cloudflared_tunnel_ha_connections',
  'cloudflared_tunnel_concurrent_requests_per_tunnel',
];

/** Label (and CloudWatch dimension) that names the task definition family. */
const FAMILY_LABEL = 'TaskDefinitionFamily';

/** Prometheus job name, matched again by the EMF declaration. */
const JOB = 'cloudflared';

/** The agent image: the user's choice or the official pinned image on ECR Public. */
export function metricsAgentImage(options: CloudflaredMetricsOptions): ContainerImage {
  return options.agentImage
    ?? ContainerImage.fromRegistry(`public.ecr.aws/cloudwatch-agent/cloudwatch-agent:${PinnedVersions.CLOUDWATCH_AGENT}`);
}

/**
 * Renders the agent container. Both configurations travel in environment variables, so neither a
 * custom image nor an SSM parameter is needed. Each is a Terraform `jsonencode` of its own: the task
 * definition's `jsonencode` does not escape quotes inside a string, and it keeps the log group
 * reference valid. The Prometheus configuration is YAML, of which JSON is a subset.
 */
export function renderMetricsAgentContainer(options: CloudflaredMetricsOptions, family: string, logs: LogTarget): ContainerDefinition {
  return {
    name: METRICS_AGENT_CONTAINER_NAME,
    image: metricsAgentImage(options).imageUri,
    // Losing metrics must never stop the tunnel.
    essential: false,
    environment: nameValuePairs({
      CW_CONFIG_CONTENT: jsonencode(agentConfig(options, logs)),
      PROMETHEUS_CONFIG_CONTENT: jsonencode(prometheusConfig(family)),
    }),
    // It holds no requests: a short stop keeps the task's stop within a Spot interruption's 120 seconds.
    stopTimeout: 10,
    logConfiguration: logConfiguration(logs, METRICS_AGENT_CONTAINER_NAME),
  };
}

/** Agent configuration: Prometheus scrape results become EMF events in the service's log group. */
function agentConfig(options: CloudflaredMetricsOptions, logs: LogTarget): object {
  return {
    // The log group's region, written out rather than left to the agent's discovery.
    agent: { region: logs.region },
    logs: {
      metrics_collected: {
        prometheus: {
          log_group_name: logs.logGroupName,
          prometheus_config_path: 'env:PROMETHEUS_CONFIG_CONTENT',
          emf_processor: {
            metric_declaration_dedup: true,
            metric_namespace: options.namespace ?? DEFAULT_METRICS_NAMESPACE,
            metric_declaration: [{
              source_labels: ['job'],
              label_matcher: `^${JOB}$`,
              // One series per family, not per task: the bill does not grow with the task count.
              dimensions: [[FAMILY_LABEL]],
              metric_selectors: CLOUDFLARED_METRIC_NAMES.map((name) => `^${name}$`),
            }],
          },
        },
      },
      force_flush_interval: 5,
    },
  };
}

/** Scrape configuration: only the sidecar's metrics server on the task's loopback interface. */
function prometheusConfig(family: string): object {
  return {
    global: { scrape_interval: '1m', scrape_timeout: '10s' },
    scrape_configs: [{
      job_name: JOB,
      static_configs: [{ targets: [CLOUDFLARED_METRICS_ADDRESS], labels: { [FAMILY_LABEL]: family } }],
    }],
  };
}
