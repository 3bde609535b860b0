// Public API of the cluster area: the ECS cluster a service runs in.
export * from './cluster';
export * from './container-insights';
export * from './fargate-capacity-provider';
export * from './fargate-cluster';
export * from './existing-cluster';
