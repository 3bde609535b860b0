// Public API of the service area: the tunnel task definition, the ECS service and their options.
export * from './container-secret';
export * from './app-container';
export * from './cloudflared-sidecar';
export * from './cloudflared-metrics';
export * from './task-options';
export * from './service-tuning-options';
export * from './task-definition';
export * from './capacity-provider-strategy';
export * from './autoscaling';
export * from './tunnel-fargate-service';
