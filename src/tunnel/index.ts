// Public API of the tunnel area: the CloudflareTunnel construct and its ingress rule types.
export * from './ingress';
export * from './tunnel';
