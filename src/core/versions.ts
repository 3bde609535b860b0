/**
 * Versions this library pins by default.
 *
 * Images are pinned to an exact tag so that a deploy never changes what runs
 * without a change in code; override them per construct to upgrade.
 */
export class PinnedVersions {
  /** Tag of the official `cloudflare/cloudflared` image used for the tunnel sidecar. */
  public static readonly CLOUDFLARED = '2025.10.1';

  /**
   * Oldest `cloudflared` release the sidecar accepts: its health check runs
   * `cloudflared tunnel ready`, a subcommand added in this release.
   */
  public static readonly CLOUDFLARED_MINIMUM = '2024.11.1';

  private constructor() {}
}
