// Public API of the pattern: the one construct most users reach for.
export * from './options';
export * from './zero-trust-fargate-service';
