import { AppContainerOptions } from './app-container';
import { CloudflaredSidecarOptions } from './cloudflared-sidecar';
import { ITunnelCredential } from '../credential';

/** CPU architecture of the Fargate task. */
export enum CpuArchitecture {
  /** Intel/AMD 64-bit. */
  X86_64 = 'X86_64',
  /** AWS Graviton (64-bit ARM). Usually cheaper. All images must have an arm64 variant. */
  ARM64 = 'ARM64',
}

/**
 * The tuning of a tunnel task: its size, CPU architecture, `cloudflared`
 * sidecar and ECS Exec. Shared by `TunnelTaskOptions` and
 * `TunnelServiceTuningOptions` (so by the service and the pattern's `service`).
 */
export interface TunnelTaskTuningOptions {
  /**
   * The `cloudflared` sidecar.
   *
   * @default - the official pinned image, started once the app container has started
   */
  readonly sidecar?: CloudflaredSidecarOptions;

  /**
   * Task CPU units. Valid values: 256, 512, 1024, 2048, 4096, 8192, 16384.
   *
   * @default 256
   */
  readonly cpu?: number;

  /**
   * Task memory in MiB. Must be a value Fargate accepts for `cpu`
   * (for 256: 512, 1024 or 2048; for 512: 1024-4096 in steps of 1024; ...).
   *
   * @default - the smallest value for `cpu` (twice the CPU units: 512 for 256)
   */
  readonly memory?: number;

  /**
   * CPU architecture.
   *
   * @default CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: CpuArchitecture;

  /**
   * Prepare the task for ECS Exec (`aws ecs execute-command`). When the app's root
   * filesystem is read-only, writable volumes are mounted at the SSM agent's
   * paths `/var/lib/amazon` and `/var/log/amazon` in the app container. Sessions work in
   * the app container only: the `cloudflared` image has no shell and a read-only root
   * filesystem, so the agent ECS adds to it cannot start (the task still runs).
   *
   * @default false
   */
  readonly enableExecuteCommand?: boolean;
}

/**
 * What runs in a tunnel task: the app container and the tunnel credential,
 * with the task's tuning. Shared by `TunnelTaskDefinitionProps`
 * and `TunnelFargateServiceProps`.
 */
export interface TunnelTaskOptions extends TunnelTaskTuningOptions {
  /** The application container. */
  readonly app: AppContainerOptions;

  /**
   * The tunnel credential (an SSM parameter). Its value reaches `cloudflared`
   * only through ECS `secrets`: as `TUNNEL_TOKEN` for `TOKEN`, as
   * `TUNNEL_CRED_CONTENTS` for `CREDENTIALS_FILE`.
   */
  readonly credential: ITunnelCredential;

  /**
   * ID (UUID) of the tunnel. Required when the credential format is
   * `CREDENTIALS_FILE` (`cloudflared tunnel run <tunnel-id>`); ignored for `TOKEN`,
   * which already names the tunnel.
   *
   * @default - none
   */
  readonly tunnelId?: string;
}
