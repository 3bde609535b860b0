/**
 * What the service checks of a log group it did not create. Not exported from the module's index: the
 * service uses it, the public API does not include it.
 */
import { Precondition } from 'cdktf';
import { Construct } from 'constructs';
import { ILogGroup } from './service-log-group';
import { arnField } from '../core/arn';
import { sameAccountPreconditions } from '../core/same-account';

/**
 * The region of an existing log group, from its ARN: the containers' `awslogs-region`. The awslogs driver
 * writes to a log group of another region than the task's when told that region.
 */
export function logGroupRegion(logGroup: ILogGroup): string {
  return arnField(logGroup.logGroupArn, 3);
}

/**
 * Plan-time checks that an existing log group is in the account Terraform deploys to: the execution role
 * of this account could not write to another account's log group, and the tasks would not start.
 *
 * @param scope where the `Account` data source is (or is made)
 */
export function logGroupAccountPreconditions(scope: Construct, logGroup: ILogGroup): Precondition[] {
  return sameAccountPreconditions(scope, logGroup.logGroupArn, 'existingLogGroup (service.existingLogGroup of a ZeroTrustFargateService)', false);
}
