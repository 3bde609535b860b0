/**
 * EventBridge rules for what ECS reports about a service as events rather than metrics: a deployment
 * the circuit breaker rolled back, and a task stopped for a failed health check (the sidecar's
 * `cloudflared tunnel ready` or the app's) or a crashed essential container. ECS sends these events to
 * the default bus for free. Internal: not part of the public API.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';

import { Construct } from 'constructs';
import { boundedName } from './bounded-name';
import { jsonencode } from '../../core/jsonencode';
import { claimPhysicalName } from '../../core/physical-names';

/** EventBridge's limit on rule names. */
const RULE_NAME_MAX = 64;

/** What the rules match: one ECS service. */
export interface EcsServiceRef {
  /** Base of the rule names. */
  readonly name: string;
  /** Name of the service (its task group is `service:<name>`). */
  readonly serviceName: string;
  /** ARN of the service, the `resources` entry of its deployment events. */
  readonly serviceArn: string;
  /** Name of the cluster that runs it. */
  readonly clusterName: string;
}

/** `stoppedReason` prefixes ECS writes when a task fails rather than being stopped on purpose. */
const FAILED_TASK_REASONS = ['Task failed container health checks', 'Essential container in task exited'];

/** The two rules, before they get a target (the topic's policy names them, so they come first). */
export function newEcsEventRules(scope: Construct, ref: EcsServiceRef): { deploymentFailed: CloudwatchEventRule; taskFailed: CloudwatchEventRule } {
  const rule = (id: string, suffix: string, description: string, pattern: object) => {
    const name = boundedName(ref.name, suffix, RULE_NAME_MAX);
    claimPhysicalName(scope, 'EventBridge rule', name, 'name');
    // jsonencode keeps the ARN references valid inside the pattern.
    return new CloudwatchEventRule(scope, id, { name, description, eventPattern: jsonencode(pattern) });
  };
  return {
    deploymentFailed: rule('DeploymentFailed', 'deployment-failed',
      `A deployment of ECS service ${ref.serviceName} failed; the circuit breaker rolled it back`, {
        'source': ['aws.ecs'],
        'detail-type': ['ECS Deployment State Change'],
        'resources': [ref.serviceArn],
        'detail': { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
      }),
    taskFailed: rule('TaskFailed', 'task-failed',
      `A task of ECS service ${ref.serviceName} failed a container health check or lost an essential container`, {
        'source': ['aws.ecs'],
        'detail-type': ['ECS Task State Change'],
        'detail': {
          // By name: the service may have been given the cluster's name rather than its ARN.
          clusterArn: [{ suffix: `:cluster/${ref.clusterName}` }],
          group: [`service:${ref.serviceName}`],
          lastStatus: ['STOPPED'],
          stoppedReason: FAILED_TASK_REASONS.map((prefix) => ({ prefix })),
        },
      }),
  };
}

/** Sends what a rule matches to the topic, as the raw event (it names the containers and their health). */
export function sendToTopic(scope: Construct, id: string, rule: CloudwatchEventRule, topicArn: string): CloudwatchEventTarget {
  return new CloudwatchEventTarget(scope, id, { rule: rule.name, arn: topicArn });
}
