/**
 * The Terraform outputs a `TunnelFargateService` writes, behind its
 * `outputPrefix`, in the order it writes them: for an outer construct that
 * checks they are free before it creates anything. Not exported from the
 * module's index.
 */
export const SERVICE_OUTPUT_IDS = [
  'service-name',
  'cluster-name',
  'task-definition-arn',
  'task-definition-family',
  'execution-role-arn',
  'task-role-arn',
  'task-role-name',
  'log-group-name',
  'credential-parameter-name',
] as const;

/** The id of one of the service's outputs. */
export type ServiceOutputId = typeof SERVICE_OUTPUT_IDS[number];
