// Public API of the alerts area: where alerts go, the AWS alarms on the service and Cloudflare's tunnel health notification.
export * from './aws-alert-target';
export * from './cloudflare-alert-target';
export * from './service-alarms';
export * from './tunnel-health-alert';
