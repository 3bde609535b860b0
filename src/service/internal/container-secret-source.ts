/** Where a container secret lives; decides which IAM permission the execution role needs. Internal. */
export enum ContainerSecretSource {
  /** An SSM Parameter Store parameter (usually a SecureString). */
  SSM_PARAMETER = 'SSM_PARAMETER',
  /** An AWS Secrets Manager secret. */
  SECRETS_MANAGER = 'SECRETS_MANAGER',
}
