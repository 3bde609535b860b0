// Public API of the image area: pinned container images and the ECR repositories they come from.
export * from './container-image';
export * from './ecr-repository';
export * from './docker-build-image';
