/**
 * Versions this library pins by default.
 *
 * Images are pinned to an exact tag so that a deploy never changes what runs
 * without a change in code; override them per construct to upgrade.
 */
export class PinnedVersions {
  /**
   * Tag of the official `cloudflare/cloudflared` image used for the tunnel sidecar: the newest release
   * whose source this library was checked against (`TUNNEL_GRACE_PERIOD`, `tunnel ready`, the metrics
   * names, user 65532, entrypoint `cloudflared --no-autoupdate`). Pin its digest as well with
   * `ContainerImage.cloudflared(version, digest)` to run exactly the image you verified.
   */
  public static readonly CLOUDFLARED = '2026.8.2';

  /**
   * Oldest `cloudflared` release the sidecar accepts: its health check runs
   * `cloudflared tunnel ready`, a subcommand added in this release.
   */
  public static readonly CLOUDFLARED_MINIMUM = '2024.11.1';

  /**
   * Tag of the CloudWatch agent image (`public.ecr.aws/cloudwatch-agent/cloudwatch-agent`) that ships
   * `cloudflared`'s metrics when `sidecar.metrics` is set.
   */
  public static readonly CLOUDWATCH_AGENT = '1.300062.0b1304';

  private constructor() {}
}
