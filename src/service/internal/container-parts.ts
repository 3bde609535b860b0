import { ContainerHealthCheck } from '../app-container';

/** A container definition as ECS expects it in `container_definitions` (camelCase JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECS's container definition JSON, written as ECS documents it.
export type ContainerDefinition = { [key: string]: any };

/** Where containers send their logs. */
export interface LogTarget {
  /** CloudWatch log group name. */
  readonly logGroupName: string;
  /** Region of the log group (a token from the `aws_region` data source). */
  readonly region: string;
}

/** awslogs driver settings; the stream prefix keeps each container's streams apart. */
export function logConfiguration(target: LogTarget, streamPrefix: string): ContainerDefinition {
  return {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': target.logGroupName,
      'awslogs-region': target.region,
      'awslogs-stream-prefix': streamPrefix,
    },
  };
}

/**
 * ECS health check with ECS's own defaults written out, so plans show what runs. The start period
 * has no default in ECS and is left out unless given, so the stored definition matches ours.
 */
export function healthCheck(check: ContainerHealthCheck): ContainerDefinition {
  const rendered: ContainerDefinition = {
    command: check.command,
    interval: check.intervalSeconds ?? 30,
    timeout: check.timeoutSeconds ?? 5,
    retries: check.retries ?? 3,
  };
  if (check.startPeriodSeconds !== undefined) {
    rendered.startPeriod = check.startPeriodSeconds;
  }
  return rendered;
}

/** `{name, value}` pairs sorted by name, so the rendered JSON does not depend on key order. */
export function nameValuePairs(values: { [name: string]: string }): ContainerDefinition[] {
  return Object.keys(values).sort().map((name) => ({ name, value: values[name] }));
}
