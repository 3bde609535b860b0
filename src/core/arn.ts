/**
 * ARN checks shared by the image, credential, IAM, log and service constructs. Internal: not part of the public API.
 *
 * The execution role is scoped to exactly the ARNs it is given, so a malformed or wildcard ARN would
 * either grant nothing (the task fails to start) or too much; both are caught here instead.
 */
import { Fn } from 'cdktf';
import { invalid, isToken } from './validation';

/** The forms of ARN this library accepts, with a pattern and an example for error messages. */
export interface ArnKind {
  /** What the ARN names, for messages. */
  readonly what: string;
  /** Pattern of a full, exact ARN of this kind. */
  readonly pattern: RegExp;
  /** An example of a valid ARN. */
  readonly example: string;
  /** Why the form matters, when that is not obvious; appended to the error. */
  readonly reason?: string;
}

const PARTITION = 'arn:aws(?:-[a-z]+)*';
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d';
const ACCOUNT = '\\d{12}';

/** An ECR repository: `arn:aws:ecr:<region>:<account>:repository/<name>`. */
export const ECR_REPOSITORY_ARN: ArnKind = {
  what: 'an ECR repository ARN',
  pattern: new RegExp(`^${PARTITION}:ecr:${REGION}:${ACCOUNT}:repository/[a-z0-9][a-z0-9._/-]*$`),
  example: 'arn:aws:ecr:eu-west-1:123456789012:repository/my-app',
};

/** A CloudWatch log group, without the `:*` suffix some APIs append. */
export const LOG_GROUP_ARN: ArnKind = {
  what: 'a CloudWatch Logs log group ARN without a ":*" suffix',
  pattern: new RegExp(`^${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:[.\\-_/#A-Za-z0-9]+$`),
  example: 'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/my-app',
};

/** An SSM parameter: `arn:aws:ssm:<region>:<account>:parameter/<name without leading slash>`. */
export const SSM_PARAMETER_ARN: ArnKind = {
  what: 'an SSM parameter ARN',
  pattern: new RegExp(`^${PARTITION}:ssm:${REGION}:${ACCOUNT}:parameter/[A-Za-z0-9_.\\-/]+$`),
  example: 'arn:aws:ssm:eu-west-1:123456789012:parameter/my-app/db-password',
};

/**
 * A Secrets Manager secret (the secret itself, without an ECS `:json-key:stage:version` suffix), in full:
 * the name followed by `-` and the 6 random characters Secrets Manager appends. A name that itself ends
 * in `-` and 6 letters or digits (`db-backup`) cannot be told apart from a full ARN and passes.
 */
export const SECRET_ARN: ArnKind = {
  what: 'a full Secrets Manager secret ARN, whose name ends in "-" and the 6 random characters Secrets Manager adds',
  pattern: new RegExp(`^${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$`),
  example: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:my-app/db-AbCdEf',
  reason: 'IAM matches the full ARN, suffix included, so a permission for an ARN without it never matches the secret '
    + 'and the task cannot read it. Copy the ARN from the console or `aws secretsmanager describe-secret`.',
};

/**
 * A KMS key. Aliases are refused: IAM matches `kms:Decrypt` against the key ARN, so a policy naming an
 * alias ARN would not let the role decrypt anything.
 */
export const KMS_KEY_ARN: ArnKind = {
  what: 'a KMS key ARN (not an alias)',
  pattern: new RegExp(`^${PARTITION}:kms:${REGION}:${ACCOUNT}:key/(?:mrk-)?[a-f0-9-]+$`),
  example: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
};

/**
 * An IAM role or user, as a key policy names a principal. Session ARNs (`arn:aws:sts::...:assumed-role/...`)
 * are refused: a key policy naming one stops matching when the session ends.
 */
export const IAM_PRINCIPAL_ARN: ArnKind = {
  what: 'an IAM role or user ARN (not an STS session ARN)',
  pattern: new RegExp(`^${PARTITION}:iam::${ACCOUNT}:(?:role|user)/[\\w+=,.@/-]+$`),
  example: 'arn:aws:iam::123456789012:role/ci-deployer',
};

/** An IAM role: `arn:aws:iam::<account>:role/<optional path/><name>`. */
export const IAM_ROLE_ARN: ArnKind = {
  what: 'an IAM role ARN (not an STS session ARN)',
  pattern: new RegExp(`^${PARTITION}:iam::${ACCOUNT}:role/[\\w+=,.@/-]+$`),
  example: 'arn:aws:iam::123456789012:role/app-task',
};

/** An IAM managed policy, AWS managed or customer managed. */
export const MANAGED_POLICY_ARN: ArnKind = {
  what: 'an IAM managed policy ARN',
  pattern: new RegExp(`^${PARTITION}:iam::(?:aws|${ACCOUNT}):policy/[\\w+=,.@/-]+$`),
  example: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
};

/** Fails unless `value` is an exact ARN of the given kind; tokens are resolved later and not checked. */
export function requireArn(property: string, value: string, kind: ArnKind): void {
  if (isToken(value)) {
    return;
  }
  if (!kind.pattern.test(value)) {
    invalid(property, value, `Expected ${kind.what}, e.g. "${kind.example}".${kind.reason ? ` ${kind.reason}` : ''}`);
  }
}

/** Checks each ARN of a list, naming its index in the error. */
export function requireArns(property: string, values: readonly string[], kind: ArnKind): void {
  values.forEach((value, i) => requireArn(`${property}[${i}]`, value, kind));
}

/** Field `index` of an ARN (1 partition, 3 region, 4 account), as a literal or a Terraform expression. */
export function arnField(arn: string, index: number): string {
  return isToken(arn) ? Fn.element(Fn.split(':', arn), index) : arn.split(':')[index];
}

/** The last `:`-separated field of a concrete ARN, or undefined for a token. */
export function arnResource(arn: string): string | undefined {
  if (isToken(arn)) {
    return undefined;
  }
  return arn.split(':').slice(5).join(':');
}
