// Public API of the logs area: the log group the task's containers write to.
export * from './service-log-group';
export * from './existing-log-group';
