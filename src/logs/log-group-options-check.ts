/**
 * The check of a log group's retention and KMS key, run once by whoever owns
 * the options: the log group, or the service that takes them as its own
 * options. Not exported from the module's index.
 */
import { KMS_KEY_ARN, requireArn } from '../core/arn';
import { invalid, isToken } from '../core/validation';

/** Retention periods CloudWatch Logs accepts, in days. */
const ALLOWED_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * Checks the retention and the KMS key of a log group, named as the caller's
 * user wrote them (`retentionDays` here, `service.logRetentionDays` through the pattern).
 */
export function checkLogGroupOptions(retentionDays: number | undefined, kmsKeyArn: string | undefined,
  retentionProperty: string, kmsKeyProperty: string): void {
  if (retentionDays !== undefined && !isToken(retentionDays) && !ALLOWED_RETENTION_DAYS.includes(retentionDays)) {
    invalid(retentionProperty, retentionDays, `Expected one of the values CloudWatch Logs accepts: ${ALLOWED_RETENTION_DAYS.join(', ')}.`);
  }
  if (kmsKeyArn !== undefined) {
    requireArn(kmsKeyProperty, kmsKeyArn, KMS_KEY_ARN);
  }
}
