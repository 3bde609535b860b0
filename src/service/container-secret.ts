import { ArgumentProblem, checkArguments } from '../core/argument-problem';
import { invalid, isToken } from '../core/validation';
import { ContainerSecretSource } from './internal/container-secret-source';
import { KMS_KEY_ARN, requireArn, SECRET_ARN, SSM_PARAMETER_ARN } from '../core/arn';

/** Options for `ContainerSecret.fromSsmParameter()`. */
export interface SsmParameterSecretOptions {
  /**
   * ARN of the customer managed KMS key that encrypts the SecureString parameter.
   * The task execution role is allowed to decrypt with exactly this key.
   *
   * @default - the parameter uses the AWS managed key `alias/aws/ssm`, which needs no grant
   */
  readonly kmsKeyArn?: string;
}

/** Options for `ContainerSecret.fromSecretsManager()`. */
export interface SecretsManagerSecretOptions {
  /**
   * Key inside a JSON secret whose value becomes the environment variable.
   *
   * @default - the whole secret string
   */
  readonly jsonKey?: string;

  /**
   * ARN of the customer managed KMS key that encrypts the secret.
   * The task execution role is allowed to decrypt with exactly this key.
   *
   * @default - the secret uses the AWS managed key `aws/secretsmanager`, which needs no grant
   */
  readonly kmsKeyArn?: string;
}


/**
 * A secret value injected into a container as an environment variable through
 * ECS `secrets`, so that the value never appears in the task definition, in
 * Terraform state or in the plan: ECS fetches it with the task execution role
 * when the task starts.
 *
 * @example
 * import { AppContainerOptions, ContainerImage, ContainerSecret } from 'cdktf-zero-trust-fargate';
 *
 * const app: AppContainerOptions = {
 *   image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'),
 *   port: 8080,
 *   secrets: {
 *     DATABASE_URL: ContainerSecret.fromSsmParameter('arn:aws:ssm:eu-west-1:123456789012:parameter/admin/database-url'),
 *     API_KEY: ContainerSecret.fromSecretsManager(
 *       'arn:aws:secretsmanager:eu-west-1:123456789012:secret:admin/api-AbCdEf',
 *       { jsonKey: 'apiKey' },
 *     ),
 *   },
 * };
 */
export class ContainerSecret {
  /**
   * A secret stored in an SSM Parameter Store parameter.
   *
   * @param parameterArn full ARN of the parameter (`arn:aws:ssm:<region>:<account>:parameter/<name>`)
   * @param options the KMS key of a customer managed key, if any
   */
  public static fromSsmParameter(parameterArn: string, options: SsmParameterSecretOptions = {}): ContainerSecret {
    const problem = checkArguments('ContainerSecret.fromSsmParameter', () => {
      requireArn('parameterArn', parameterArn, SSM_PARAMETER_ARN);
      requireKmsKey(options.kmsKeyArn);
    });
    return new ContainerSecret(ContainerSecretSource.SSM_PARAMETER, parameterArn, parameterArn, options.kmsKeyArn, problem);
  }

  /**
   * A secret stored in AWS Secrets Manager.
   *
   * @param secretArn full ARN of the secret, with the 6 random characters Secrets Manager appends to the name
   *   (`arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf`): IAM matches the full ARN, so an ARN
   *   without them would leave the task unable to read the secret
   * @param options a JSON key to pick one value, and the KMS key of a customer managed key
   */
  public static fromSecretsManager(secretArn: string, options: SecretsManagerSecretOptions = {}): ContainerSecret {
    const problem = checkArguments('ContainerSecret.fromSecretsManager', () => {
      requireArn('secretArn', secretArn, SECRET_ARN);
      requireKmsKey(options.kmsKeyArn);
      if (options.jsonKey !== undefined && !isToken(options.jsonKey) && !/^[^:]+$/.test(options.jsonKey)) {
        invalid('jsonKey', options.jsonKey, 'Expected a non-empty key without ":".');
      }
    });
    // ECS syntax: <secret-arn>:<json-key>:<version-stage>:<version-id>; empty parts mean "current".
    const valueFrom = options.jsonKey === undefined ? secretArn : `${secretArn}:${options.jsonKey}::`;
    return new ContainerSecret(ContainerSecretSource.SECRETS_MANAGER, valueFrom, secretArn, options.kmsKeyArn, problem);
  }

  /**
   * Where the secret lives: decides which IAM permission the execution role gets.
   * @internal
   */
  public readonly _source: ContainerSecretSource;

  /**
   * The `valueFrom` of the ECS container definition's `secrets` entry.
   * @internal
   */
  public readonly _valueFrom: string;

  /**
   * ARN of the parameter or secret that the task execution role is allowed to read.
   * @internal
   */
  public readonly _resourceArn: string;

  /**
   * Customer managed KMS key that encrypts the secret. The execution role may decrypt with it.
   *
   * @default - an AWS managed key
   */
  public readonly kmsKeyArn?: string;

  /**
   * What the factory found wrong with its arguments; the construct that receives the secret raises it
   * under the prop the user wrote (`app.secrets.DB_PASSWORD`).
   * @internal
   */
  public readonly _problem: ArgumentProblem;

  private constructor(
    source: ContainerSecretSource, valueFrom: string, resourceArn: string, kmsKeyArn: string | undefined, problem: ArgumentProblem,
  ) {
    this._problem = problem;
    this._source = source;
    this._valueFrom = valueFrom;
    this._resourceArn = resourceArn;
    this.kmsKeyArn = kmsKeyArn;
  }
}

/** Checks a KMS key; the service raises a problem before it creates any resource. */
function requireKmsKey(kmsKeyArn: string | undefined): void {
  if (kmsKeyArn !== undefined) {
    requireArn('kmsKeyArn', kmsKeyArn, KMS_KEY_ARN);
  }
}
