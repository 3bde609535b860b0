import { TerraformVariable } from 'cdktf';
import { ContainerSecret } from '../../src/service';
import { ContainerSecretSource } from '../../src/service/internal/container-secret-source';
import { newStack, raisedAs } from '../helpers';

const SSM_ARN = 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/db';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-AbCdEf';
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('ContainerSecret', () => {
  test('from an SSM parameter: valueFrom and resource are the parameter ARN', () => {
    const secret = ContainerSecret.fromSsmParameter(SSM_ARN, { kmsKeyArn: KEY_ARN });
    expect(secret._source).toBe(ContainerSecretSource.SSM_PARAMETER);
    expect(secret._valueFrom).toBe(SSM_ARN);
    expect(secret._resourceArn).toBe(SSM_ARN);
    expect(secret.kmsKeyArn).toBe(KEY_ARN);
  });

  test('from Secrets Manager: the whole secret', () => {
    const secret = ContainerSecret.fromSecretsManager(SECRET_ARN);
    expect(secret._source).toBe(ContainerSecretSource.SECRETS_MANAGER);
    expect(secret._valueFrom).toBe(SECRET_ARN);
    expect(secret._resourceArn).toBe(SECRET_ARN);
    expect(secret.kmsKeyArn).toBeUndefined();
  });

  test('from Secrets Manager: one JSON key', () => {
    const secret = ContainerSecret.fromSecretsManager(SECRET_ARN, { jsonKey: 'password' });
    expect(secret._valueFrom).toBe(`${SECRET_ARN}:password::`);
    expect(secret._resourceArn).toBe(SECRET_ARN);
  });

  test('rejects an SSM parameter name instead of an ARN', () => {
    expect(raisedAs('value', ContainerSecret.fromSsmParameter('/app/db'))).toThrow(/Invalid value: "\/app\/db"\. Expected an SSM parameter ARN/);
  });

  test('rejects a Secrets Manager ARN given as SSM parameter', () => {
    expect(raisedAs('value', ContainerSecret.fromSsmParameter(SECRET_ARN))).toThrow(/Invalid value: .*Given to ContainerSecret\.fromSsmParameter\(parameterArn\)\./);
  });

  test('rejects a non Secrets Manager ARN', () => {
    expect(raisedAs('value', ContainerSecret.fromSecretsManager(SSM_ARN))).toThrow(/Invalid value: .*Expected a full Secrets Manager secret ARN/);
  });

  test.each([
    ['no suffix', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db'],
    ['a path name without suffix', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:my-app/db'],
    ['a suffix too short', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdE'],
    ['a suffix with a symbol', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC_Ef'],
  ])('rejects a Secrets Manager ARN with %s, showing the full form and why', (_what, arn) => {
    expect(raisedAs('value', ContainerSecret.fromSecretsManager(arn))).toThrow(new RegExp(
      `^Invalid value: "${arn.replace(/[/.]/g, '\\$&')}"\\. Expected a full Secrets Manager secret ARN, whose name ends in "-" and the 6 random characters`
      + '.* e\\.g\\. "arn:aws:secretsmanager:eu-west-1:123456789012:secret:my-app/db-AbCdEf"\\. IAM matches the full ARN, suffix included'));
  });

  test('accepts a path name with the suffix, and a Terraform reference unchecked', () => {
    const full = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:my-app/db-AbCdEf';
    expect(ContainerSecret.fromSecretsManager(full)._resourceArn).toBe(full);
    const secretArn = new TerraformVariable(newStack(), 'secret_arn', { type: 'string' }).stringValue;
    expect(ContainerSecret.fromSecretsManager(secretArn)._resourceArn).toBe(secretArn);
  });

  test('rejects a KMS alias instead of a key ARN', () => {
    expect(raisedAs('value', ContainerSecret.fromSsmParameter(SSM_ARN, { kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:alias/app' })))
      .toThrow(/Invalid value: .*Expected a KMS key ARN \(not an alias\)/);
  });

  test('rejects a JSON key with a colon', () => {
    expect(raisedAs('value', ContainerSecret.fromSecretsManager(SECRET_ARN, { jsonKey: 'a:b' }))).toThrow(/Invalid value: "a:b"/);
  });
});
