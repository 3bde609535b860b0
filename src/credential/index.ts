// Public API of the credential area: the tunnel credential in SSM Parameter Store and its KMS key.
export * from './credential-encryption';
export * from './tunnel-credential-parameter';
