// Public API of the Cloudflare Access area. Helpers (validation, policy checks) stay internal.
export * from './decision';
export * from './rule';
export * from './rule-set';
export * from './policy';
export * from './policy-reference';
export * from './group';
export * from './application-settings';
export * from './existing-application';
export * from './application';
export * from './identity-provider';
export * from './service-token';
export * from './access-audience';
export * from './access-report';
