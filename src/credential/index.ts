// Public API of the credential area: the tunnel credential in SSM Parameter Store.
export * from './tunnel-credential-parameter';
