/**
 * Conditions that narrow a KMS permission to one AWS service and one secret. Internal: not part of the
 * public API. Shared by the task execution role's policy and the tunnel credential's key policy.
 */
import { DataAwsIamPolicyDocumentStatementCondition } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';

/** The encryption-context key SSM Parameter Store sets on every KMS call for a SecureString. */
export const SSM_PARAMETER_CONTEXT = 'PARAMETER_ARN';

/** The encryption-context key Secrets Manager sets on every KMS call for a secret. */
export const SECRET_CONTEXT = 'SecretARN';

/** KMS answers only when `service` (e.g. `ssm`) of the stack's region calls it on the principal's behalf. */
export function viaService(
  service: string, region: DataAwsRegion, partition: DataAwsPartition,
): DataAwsIamPolicyDocumentStatementCondition {
  return { test: 'StringEquals', variable: 'kms:ViaService', values: [`${service}.${region.region}.${partition.dnsSuffix}`] };
}

/**
 * KMS answers only for these ARNs in the encryption context, so a key shared by several parameters or
 * secrets decrypts just the ones named.
 */
export function encryptionContext(key: string, arns: string[]): DataAwsIamPolicyDocumentStatementCondition {
  return { test: 'StringEquals', variable: `kms:EncryptionContext:${key}`, values: arns };
}
