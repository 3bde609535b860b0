import { Token } from 'cdktf';
import { ContainerDefinition, LogTarget, healthCheck, logConfiguration, nameValuePairs } from './container-parts';
import { stopTimes } from './graceful-stop';
import { CLOUDFLARED_CONTAINER_NAME, CLOUDFLARED_METRICS_ADDRESS, CLOUDFLARED_USER } from './task-defaults';
import { isToken } from '../../core/validation';
import { TunnelCredentialFormat } from '../../credential';
import { ContainerImage } from '../../image';
import { CloudflaredEdgeIpVersion, CloudflaredLogLevel, CloudflaredProtocol, SidecarStartCondition } from '../cloudflared-sidecar';
import { TunnelTaskOptions } from '../task-options';

/** The sidecar image: the user's choice or the official pinned image. */
export function sidecarImage(options: TunnelTaskOptions): ContainerImage {
  return options.sidecar?.image ?? ContainerImage.cloudflared();
}

/**
 * Renders the `cloudflared` container definition. Expects validated options.
 *
 * The image's entrypoint is `cloudflared --no-autoupdate`, so the command only
 * adds `tunnel run [<tunnel-id>]`. The credential comes only through `secrets`.
 */
export function renderSidecarContainer(options: TunnelTaskOptions, appContainerName: string, logs: LogTarget): ContainerDefinition {
  const sidecar = options.sidecar ?? {};
  const tokenFormat = options.credential.format === TunnelCredentialFormat.TOKEN;
  const command = tokenFormat ? ['tunnel', 'run'] : ['tunnel', 'run', options.tunnelId!];
  const secretName = tokenFormat ? 'TUNNEL_TOKEN' : 'TUNNEL_CRED_CONTENTS';
  const stop = stopTimes(options);

  return {
    name: CLOUDFLARED_CONTAINER_NAME,
    image: sidecarImage(options).imageUri,
    essential: true,
    command,
    environment: nameValuePairs({
      TUNNEL_METRICS: CLOUDFLARED_METRICS_ADDRESS,
      TUNNEL_LOGLEVEL: sidecar.logLevel ?? CloudflaredLogLevel.INFO,
      TUNNEL_TRANSPORT_PROTOCOL: sidecar.protocol ?? CloudflaredProtocol.AUTO,
      // Written out: cloudflared 2026.4.0 changed its default from 4 to auto (see edgeIpVersion's doc).
      TUNNEL_EDGE_IP_VERSION: sidecar.edgeIpVersion ?? CloudflaredEdgeIpVersion.IPV4,
      // On SIGTERM cloudflared takes no new requests and lets open ones finish for this long (see graceful-stop.ts).
      TUNNEL_GRACE_PERIOD: `${isToken(stop.gracePeriodSeconds) ? Token.asString(stop.gracePeriodSeconds) : stop.gracePeriodSeconds}s`,
    }),
    secrets: [{ name: secretName, valueFrom: options.credential.parameterArn }],
    // The image is distroless (no shell): exec form only; `ready` asks /ready on the metrics server.
    healthCheck: healthCheck({
      command: ['CMD', 'cloudflared', 'tunnel', '--metrics', CLOUDFLARED_METRICS_ADDRESS, 'ready'],
      startPeriodSeconds: 10,
    }),
    user: CLOUDFLARED_USER,
    readonlyRootFilesystem: true,
    // Depending on the app also makes ECS stop the sidecar first and the app only after it.
    dependsOn: [{ containerName: appContainerName, condition: sidecar.startCondition ?? SidecarStartCondition.START }],
    stopTimeout: stop.sidecarStopTimeoutSeconds,
    logConfiguration: logConfiguration(logs, CLOUDFLARED_CONTAINER_NAME),
  };
}
