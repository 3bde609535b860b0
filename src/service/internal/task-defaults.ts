/** Defaults and fixed names shared by the task definition and its validation. */
import { PropPath } from '../../core/prop-path';

/** Where the app container's options are: the `app` prop, of the service and of the pattern alike. */
export const APP_PATH = PropPath.root().child('app');

/** Default task CPU units: the smallest Fargate size. */
export const DEFAULT_CPU = 256;


/** Default name of the app container. */
export const DEFAULT_APP_CONTAINER_NAME = 'app';

/** Fixed name of the tunnel sidecar container. */
export const CLOUDFLARED_CONTAINER_NAME = 'cloudflared';

/** Fixed name of the optional CloudWatch agent container that ships cloudflared's metrics. */
export const METRICS_AGENT_CONTAINER_NAME = 'cloudwatch-agent';

/** Port of the cloudflared metrics server (bound to loopback); its health check asks it for /ready. */
export const CLOUDFLARED_METRICS_PORT = 2000;

/** Address of the cloudflared metrics server; fixed so that the health check knows where to ask. */
export const CLOUDFLARED_METRICS_ADDRESS = `127.0.0.1:${CLOUDFLARED_METRICS_PORT}`;

/** Non-root user of the official (distroless) cloudflared image. */
export const CLOUDFLARED_USER = '65532';

/** Paths the SSM agent writes to for ECS Exec; they need volumes when the root filesystem is read-only. */
export const ECS_EXEC_AGENT_PATHS = ['/var/lib/amazon', '/var/log/amazon'];
