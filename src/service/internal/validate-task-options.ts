import { defaultMemory, validateFargateSize } from './fargate-size';
import { validateStopTimes } from './graceful-stop';
import { requireValidArguments } from '../../core/argument-problem';
import { isUuid } from '../../core/cloudflare-id';
import { PropPath } from '../../core/prop-path';
import { invalid, isToken, requireEnumValue, requireIntegerInRange, requireOptionalIntegerInRange } from '../../core/validation';
import { TunnelCredentialFormat } from '../../credential';
import { ContainerHealthCheck } from '../app-container';
import { CloudflaredEdgeIpVersion, CloudflaredLogLevel, CloudflaredProtocol, SidecarStartCondition } from '../cloudflared-sidecar';
import { CpuArchitecture, TunnelTaskOptions } from '../task-options';
import {
  APP_PATH, CLOUDFLARED_CONTAINER_NAME, CLOUDFLARED_METRICS_PORT, DEFAULT_APP_CONTAINER_NAME, DEFAULT_CPU, METRICS_AGENT_CONTAINER_NAME,
} from './task-defaults';

const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A CloudWatch namespace of our own: AWS keeps `AWS/` for itself. */
const METRICS_NAMESPACE = /^(?!AWS\/)[A-Za-z0-9.\-_/#: ]{1,255}$/;


/** The task options without the wiring to the tunnel. */
export type TaskOptionsToCheck = Omit<TunnelTaskOptions, 'credential' | 'tunnelId'>;

/**
 * Checks everything that describes a tunnel task, before any resource is created.
 * Values that are Terraform tokens are skipped. The task options are named
 * under `path` (`service.` through the pattern), the app container under `app.`.
 */
export function validateTaskOptions(options: TaskOptionsToCheck, path: PropPath): void {
  const cpu = options.cpu ?? DEFAULT_CPU;
  if (isToken(cpu) && options.memory === undefined) {
    invalid(path.of('memory'), options.memory, 'Set memory explicitly when cpu is only known at apply time.');
  }
  const memory = options.memory ?? defaultMemory(cpu);
  if (!isToken(cpu) && !isToken(memory)) {
    validateFargateSize(cpu, memory, path);
  }
  requireEnumValue(path.of('cpuArchitecture'), options.cpuArchitecture, CpuArchitecture, 'CpuArchitecture');
  validateApp(options);
  validateSidecar(options, path);
  validateStopTimes(options, path);
}

function validateApp(options: TaskOptionsToCheck): void {
  const app = options.app;
  const name = app.name ?? DEFAULT_APP_CONTAINER_NAME;
  if (!isToken(name)) {
    if (!CONTAINER_NAME.test(name)) {
      invalid(APP_PATH.of('name'), name, 'Expected 1-255 letters, digits, hyphens or underscores.');
    }
    if (name === CLOUDFLARED_CONTAINER_NAME) {
      invalid(APP_PATH.of('name'), name, `The name "${CLOUDFLARED_CONTAINER_NAME}" is taken by the tunnel sidecar; choose another.`);
    }
    if (name === METRICS_AGENT_CONTAINER_NAME && options.sidecar?.metrics !== undefined) {
      invalid(APP_PATH.of('name'), name, `The name "${METRICS_AGENT_CONTAINER_NAME}" is taken by the metrics agent of sidecar.metrics; choose another.`);
    }
  }
  if (!isToken(app.port)) {
    requireIntegerInRange(APP_PATH.of('port'), app.port, 1, 65535);
    if (app.port === CLOUDFLARED_METRICS_PORT) {
      invalid(APP_PATH.of('port'), app.port, `Port ${CLOUDFLARED_METRICS_PORT} is used by the cloudflared metrics server in the same task; choose another.`);
    }
  }

  const environment = app.environment ?? {};
  for (const key of Object.keys(environment)) {
    if (!isToken(key) && !ENV_NAME.test(key)) {
      invalid(APP_PATH.of('environment'), key, 'Environment variable names must match [A-Za-z_][A-Za-z0-9_]*.');
    }
  }
  if (app.image === undefined || app.image === null || typeof app.image !== 'object' || typeof app.image.imageUri !== 'string') {
    invalid(APP_PATH.of('image'), app.image, 'Expected a ContainerImage, e.g. ContainerImage.fromRegistry("ghcr.io/acme/app:1.4.2").');
  }
  requireValidArguments(APP_PATH.of('image'), app.image._problem);
  for (const [key, secret] of Object.entries(app.secrets ?? {})) {
    requireValidArguments(APP_PATH.of(`secrets.${key}`), secret?._problem);
    if (isToken(key)) {
      continue;
    }
    if (!ENV_NAME.test(key)) {
      invalid(APP_PATH.of('secrets'), key, 'Secret environment variable names must match [A-Za-z_][A-Za-z0-9_]*.');
    }
    if (key in environment) {
      invalid(APP_PATH.of('secrets'), key, 'This name is also a key of app.environment; a variable comes either from environment or from secrets, not both.');
    }
  }

  if (app.command !== undefined && !isToken(app.command) && app.command.length === 0) {
    invalid(APP_PATH.of('command'), app.command, 'Expected at least one element, or leave it out to use the image command.');
  }
  if (app.healthCheck !== undefined) {
    validateHealthCheck(APP_PATH.of('healthCheck'), app.healthCheck);
  }
  for (const path of app.writablePaths ?? []) {
    if (!isToken(path) && (!path.startsWith('/') || path === '/')) {
      invalid(APP_PATH.of('writablePaths'), path, 'Expected an absolute path below "/", e.g. "/tmp".');
    }
  }
  const paths = (app.writablePaths ?? []).filter((path) => !isToken(path));
  const duplicate = paths.find((path, index) => paths.indexOf(path) !== index);
  if (duplicate !== undefined) {
    invalid(APP_PATH.of('writablePaths'), duplicate, 'Each path may appear only once.');
  }
}

function validateHealthCheck(property: string, check: ContainerHealthCheck): void {
  const command = check.command;
  if (!isToken(command)) {
    if (command.length < 2 || (command[0] !== 'CMD' && command[0] !== 'CMD-SHELL')) {
      invalid(`${property}.command`, command, 'Expected ["CMD", "executable", ...args] or ["CMD-SHELL", "command line"].');
    }
  }
  requireOptionalIntegerInRange(`${property}.intervalSeconds`, check.intervalSeconds, 5, 300);
  requireOptionalIntegerInRange(`${property}.timeoutSeconds`, check.timeoutSeconds, 2, 60);
  requireOptionalIntegerInRange(`${property}.retries`, check.retries, 1, 10);
  requireOptionalIntegerInRange(`${property}.startPeriodSeconds`, check.startPeriodSeconds, 0, 300);
}

function validateSidecar(options: TaskOptionsToCheck, path: PropPath): void {
  const sidecar: unknown = options.sidecar;
  if (sidecar !== undefined && (sidecar === null || typeof sidecar !== 'object' || Array.isArray(sidecar))) {
    invalid(path.of('sidecar'), sidecar, 'Expected the sidecar settings as an object, e.g. { gracePeriodSeconds: 30 }, or leave it unset.');
  }
  requireValidArguments(path.of('sidecar.image'), options.sidecar?.image?._problem);
  requireValidArguments(path.of('sidecar.metrics.agentImage'), options.sidecar?.metrics?.agentImage?._problem);
  requireEnumValue(path.of('sidecar.startCondition'), options.sidecar?.startCondition, SidecarStartCondition, 'SidecarStartCondition');
  requireEnumValue(path.of('sidecar.logLevel'), options.sidecar?.logLevel, CloudflaredLogLevel, 'CloudflaredLogLevel');
  requireEnumValue(path.of('sidecar.protocol'), options.sidecar?.protocol, CloudflaredProtocol, 'CloudflaredProtocol');
  const edgeIpVersion = options.sidecar?.edgeIpVersion;
  if (edgeIpVersion !== undefined && !(Object.values(CloudflaredEdgeIpVersion) as string[]).includes(edgeIpVersion)) {
    invalid(path.of('sidecar.edgeIpVersion'), edgeIpVersion, 'Expected a CloudflaredEdgeIpVersion: IPV4 ("4"), IPV6 ("6") or AUTO ("auto").');
  }
  const namespace = options.sidecar?.metrics?.namespace;
  if (namespace !== undefined && !isToken(namespace) && !METRICS_NAMESPACE.test(namespace)) {
    invalid(path.of('sidecar.metrics.namespace'), namespace,
      'Expected 1 to 255 letters, digits or ".-_/#:" (spaces too), not starting with "AWS/", which AWS reserves for its own metrics.');
  }
  if (options.sidecar?.startCondition === SidecarStartCondition.HEALTHY && options.app.healthCheck === undefined) {
    invalid(path.of('sidecar.startCondition'), SidecarStartCondition.HEALTHY,
      'HEALTHY waits for the app health check, so app.healthCheck is required; set it or use START.');
  }
}

/**
 * Checks what ties the task to its tunnel: a CREDENTIALS_FILE credential needs the tunnel id. Both come
 * from the caller's wiring (the pattern passes its tunnel's), so this check always runs.
 */
export function validateTunnelWiring(options: Pick<TunnelTaskOptions, 'credential' | 'tunnelId'>): void {
  if (options.credential.format === TunnelCredentialFormat.CREDENTIALS_FILE) {
    if (options.tunnelId === undefined) {
      invalid('tunnelId', options.tunnelId,
        'A CREDENTIALS_FILE credential needs the tunnel ID (cloudflared tunnel run <tunnel-id>); set tunnelId or use a TOKEN credential.');
    }
    if (!isToken(options.tunnelId) && !isUuid(options.tunnelId)) {
      invalid('tunnelId', options.tunnelId, 'Expected the tunnel UUID, e.g. "c1744f8b-faa1-48a4-9e5c-02ac921467fa".');
    }
  }
}
