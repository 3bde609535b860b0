// Public API of the network area: where tasks run and what they may reach.
export * from './egress-mode';
export * from './task-network';
export * from './private-network';
export * from './existing-network';
export * from './vpc-endpoints';
export * from './egress-rule';
export * from './task-security-group';
