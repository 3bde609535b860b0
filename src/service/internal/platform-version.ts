/**
 * Which Fargate platform version a task can run on. Internal: not part of the public API.
 *
 * Sources (see docs/constraints.md): the ECS API reference of `CapacityProviderStrategyItem` (and the
 * ECS API model of the AWS SDKs, generated from the same model) says that FARGATE_SPOT supports X86_64
 * Linux tasks on platform version 1.3.0 or later and ARM64 Linux tasks on 1.4.0 or later; the Fargate
 * platform version page says ARM64 (Graviton) tasks, ECS Exec and ephemeral storage volumes need
 * 1.4.0 or later. `LATEST` is 1.4.0 for Linux.
 */
import { invalid, isToken } from '../../core/validation';
import { CpuArchitecture } from '../task-options';

/** `LATEST` or a version such as `1.4.0`. */
const PLATFORM_VERSION = /^(?:LATEST|(\d+)\.(\d+)\.(\d+))$/;

/** The oldest platform version that runs ARM64 tasks (on Fargate and Fargate Spot) and ECS Exec. */
const ARM64_MINIMUM = [1, 4, 0];

/** Fails when `platformVersion` cannot run what the task asks for. Tokens pass. */
export function requirePlatformVersion(property: string, platformVersion: string | undefined, needs: {
  readonly cpuArchitecture?: CpuArchitecture;
  readonly enableExecuteCommand?: boolean;
  readonly writablePaths: boolean;
}): void {
  if (platformVersion === undefined || isToken(platformVersion)) {
    return;
  }
  const match = PLATFORM_VERSION.exec(platformVersion);
  if (!match) {
    invalid(property, platformVersion, 'Expected "LATEST" or a Fargate platform version such as "1.4.0".');
  }
  if (platformVersion === 'LATEST') {
    return;
  }
  const version = match.slice(1).map(Number);
  const index = version.findIndex((n, i) => n !== ARM64_MINIMUM[i]);
  if (index < 0 || version[index] > ARM64_MINIMUM[index]) {
    return;
  }
  const reasons = [
    needs.cpuArchitecture === CpuArchitecture.ARM64 ? 'cpuArchitecture ARM64 (on Fargate and on Fargate Spot)' : undefined,
    needs.enableExecuteCommand === true ? 'enableExecuteCommand' : undefined,
    needs.writablePaths ? 'app.writablePaths (task-scoped ephemeral volumes)' : undefined,
  ].filter((reason) => reason !== undefined);
  if (reasons.length > 0) {
    invalid(property, platformVersion,
      `Expected "LATEST" or 1.4.0 or later: ${reasons.join(' and ')} need${reasons.length === 1 ? 's' : ''} Fargate platform version 1.4.0 `
      + '(ECS API reference, CapacityProviderStrategyItem; AWS Fargate platform versions).');
  }
}
