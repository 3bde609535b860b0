// Public API of the IAM area: the task execution role (used by ECS) and the task role (used by the app).
export * from './existing-role';
export * from './policy-statement-options';
export * from './task-execution-role';
export * from './task-role';
