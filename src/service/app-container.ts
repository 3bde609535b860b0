import { ContainerSecret } from './container-secret';
import { ContainerImage } from '../image';

/**
 * A container health check, run by the ECS agent inside the container.
 *
 * The command uses the Docker form: `["CMD", "executable", "arg", ...]` runs the
 * executable directly; `["CMD-SHELL", "command line"]` needs a shell in the image.
 */
export interface ContainerHealthCheck {
  /**
   * The command, starting with `CMD` or `CMD-SHELL`, e.g.
   * `["CMD-SHELL", "curl -fs http://localhost:8080/health || exit 1"]`.
   */
  readonly command: string[];

  /**
   * Seconds between two checks (5-300).
   *
   * @default 30
   */
  readonly intervalSeconds?: number;

  /**
   * Seconds a check may take before it counts as failed (2-60).
   *
   * @default 5
   */
  readonly timeoutSeconds?: number;

  /**
   * Failed checks in a row before the container is unhealthy (1-10).
   *
   * @default 3
   */
  readonly retries?: number;

  /**
   * Seconds after start during which failed checks do not count (0-300).
   *
   * @default - no start period
   */
  readonly startPeriodSeconds?: number;
}

/**
 * The application container: the private web app that `cloudflared` forwards
 * requests to on `localhost:<port>` (both containers share the task's network namespace).
 */
export interface AppContainerOptions {
  /**
   * Container name. Must differ from the sidecar's name `cloudflared`.
   *
   * @default 'app'
   */
  readonly name?: string;

  /** The image to run. */
  readonly image: ContainerImage;

  /**
   * The TCP port the app listens on (1-65535). It is only reachable inside the
   * task (by `cloudflared` on `localhost`); no security group opens it.
   */
  readonly port: number;

  /**
   * Plain (non-secret) environment variables. Put secrets in `secrets` instead.
   *
   * @default - none
   */
  readonly environment?: { [key: string]: string };

  /**
   * Secret environment variables, fetched by ECS from SSM Parameter Store or
   * Secrets Manager at task start. The values never appear in the task definition.
   * Names must be valid environment variable names and must not repeat an `environment` key.
   *
   * @default - none
   */
  readonly secrets?: { [envName: string]: ContainerSecret };

  /**
   * Overrides the image's default command (`CMD`).
   *
   * @default - the image's command
   */
  readonly command?: string[];

  /**
   * Container health check. Required when the sidecar waits for a HEALTHY app
   * (`SidecarStartCondition.HEALTHY`); recommended in any case so ECS replaces a hung app.
   *
   * @default - no health check
   */
  readonly healthCheck?: ContainerHealthCheck;

  /**
   * User (name, uid or uid:gid) the app runs as.
   *
   * @default - the image's user
   */
  readonly user?: string;

  /**
   * Mount the container's root filesystem read-only. Combine with `writablePaths`
   * for the directories the app must write to (for example `/tmp`).
   *
   * @default false
   */
  readonly readonlyRootFilesystem?: boolean;

  /**
   * Absolute paths that get a writable, task-scoped volume (Fargate ephemeral
   * storage, never a host path), so that an app with a read-only root filesystem
   * can still write there. The volume lives as long as the task.
   *
   * @default - none
   */
  readonly writablePaths?: string[];

  /**
   * Seconds ECS waits, after it stops the app with SIGTERM, before it kills it (the container's
   * `stopTimeout`, 1-120). ECS sends that SIGTERM only after the `cloudflared` sidecar has exited
   * (the sidecar depends on the app, and ECS stops containers in reverse dependency order), so no
   * request reaches the app any more: this is time to close connections and flush, not to drain
   * requests, and it need not exceed the sidecar's grace period. With `FARGATE_SPOT` in the capacity
   * provider strategy, the sidecar's grace period plus 5 plus this must be at most 120 (Spot's
   * two-minute notice).
   *
   * @default 20
   */
  readonly stopTimeoutSeconds?: number;
}
