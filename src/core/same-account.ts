/**
 * The plan-time check that a resource made elsewhere (an existing role or log group) is in the account
 * Terraform deploys to. Shared by the IAM roles and the service's log group check. Internal: not part of
 * the public API.
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { Op, Precondition } from 'cdktf';
import { Construct } from 'constructs';
import { arnField } from './arn';

/** The data source named `id` under `scope`, created on first use. */
function dataSource<T extends Construct>(scope: Construct, id: string, create: () => T): T {
  return (scope.node.tryFindChild(id) as T | undefined) ?? create();
}

/**
 * Plan-time checks that the existing resource `arn` is in the account (and, with `checkPartition`, the
 * partition) Terraform deploys to, using the `Account` and `Partition` data sources under `scope`.
 *
 * @param what how the user gave the resource, for the message, e.g. `existingExecutionRole`
 */
export function sameAccountPreconditions(scope: Construct, arn: string, what: string, checkPartition: boolean): Precondition[] {
  const account = dataSource(scope, 'Account', () => new DataAwsCallerIdentity(scope, 'Account'));
  const checks: Precondition[] = [{
    condition: Op.eq(arnField(arn, 4), account.accountId),
    errorMessage: `${what} (${arn}) is in another account than the one Terraform deploys to (${account.accountId}). `
      + 'The library attaches permissions by name in this account, so they would land on another resource, and '
      + 'a dedicated credential key would trust a foreign principal. Give a role or log group of this account.',
  }];
  if (checkPartition) {
    const partition = dataSource(scope, 'Partition', () => new DataAwsPartition(scope, 'Partition'));
    checks.push({
      condition: Op.eq(arnField(arn, 1), partition.partition),
      errorMessage: `${what} (${arn}) is in another partition than the one Terraform deploys to (${partition.partition}).`,
    });
  }
  return checks;
}
