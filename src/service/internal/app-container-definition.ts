import { ContainerDefinition, LogTarget, healthCheck, logConfiguration, nameValuePairs } from './container-parts';
import { DEFAULT_APP_CONTAINER_NAME, ECS_EXEC_AGENT_PATHS } from './task-defaults';
import { AppContainerOptions } from '../app-container';

/** A task volume without host path: Fargate backs it with the task's ephemeral storage. */
export interface TaskVolume {
  /** Volume name, referenced by the container's mount point. */
  readonly name: string;
}

/** The app container definition and the task volumes it mounts. */
export interface RenderedAppContainer {
  readonly definition: ContainerDefinition;
  readonly volumes: TaskVolume[];
}

/**
 * The paths that get a writable volume: the user's, plus the SSM agent's paths
 * when ECS Exec is on and the root filesystem is read-only (else the agent cannot start).
 */
export function writablePaths(app: AppContainerOptions, enableExecuteCommand: boolean): string[] {
  const paths = [...(app.writablePaths ?? [])];
  if (enableExecuteCommand && app.readonlyRootFilesystem === true) {
    paths.push(...ECS_EXEC_AGENT_PATHS.filter((path) => !paths.includes(path)));
  }
  return paths;
}

/** Volume name from a path: "/var/lib/amazon" -> "app-writable-var-lib-amazon" (made unique if needed). */
function volumeNames(containerName: string, paths: string[]): string[] {
  const names: string[] = [];
  for (const path of paths) {
    const base = `${containerName}-writable-${path.replace(/^\/+/, '').replace(/[^A-Za-z0-9_-]+/g, '-')}`.slice(0, 250);
    let name = base;
    for (let n = 2; names.includes(name); n++) {
      name = `${base}-${n}`;
    }
    names.push(name);
  }
  return names;
}

/**
 * Renders the app container definition. Expects validated options. `stopTimeoutSeconds` comes from
 * graceful-stop.ts: longer than the sidecar's grace period, so draining requests reach a live app.
 */
export function renderAppContainer(
  app: AppContainerOptions, enableExecuteCommand: boolean, logs: LogTarget, stopTimeoutSeconds: number,
): RenderedAppContainer {
  const name = app.name ?? DEFAULT_APP_CONTAINER_NAME;
  const paths = writablePaths(app, enableExecuteCommand);
  const names = volumeNames(name, paths);
  const secrets = app.secrets ?? {};

  const definition: ContainerDefinition = {
    name,
    image: app.image.imageUri,
    essential: true,
    portMappings: [{ containerPort: app.port, protocol: 'tcp' }],
    readonlyRootFilesystem: app.readonlyRootFilesystem ?? false,
    stopTimeout: stopTimeoutSeconds,
    logConfiguration: logConfiguration(logs, 'app'),
  };
  if (app.environment !== undefined && Object.keys(app.environment).length > 0) {
    definition.environment = nameValuePairs(app.environment);
  }
  if (Object.keys(secrets).length > 0) {
    definition.secrets = Object.keys(secrets).sort().map((envName) => ({ name: envName, valueFrom: secrets[envName]._valueFrom }));
  }
  if (app.command !== undefined) {
    definition.command = app.command;
  }
  if (app.healthCheck !== undefined) {
    definition.healthCheck = healthCheck(app.healthCheck);
  }
  if (app.user !== undefined) {
    definition.user = app.user;
  }
  if (paths.length > 0) {
    definition.mountPoints = paths.map((containerPath, i) => ({ sourceVolume: names[i], containerPath, readOnly: false }));
  }
  if (enableExecuteCommand) {
    // An init process reaps the SSM agent's child processes of exec sessions.
    definition.linuxParameters = { initProcessEnabled: true };
  }
  return { definition, volumes: names.map((volumeName) => ({ name: volumeName })) };
}
