import { Construct } from 'constructs';
import { CredentialKey, CredentialKeyTarget, UnmanagedKey } from './internal/credential-key';
import { DedicatedKey } from './internal/dedicated-key';
import { IAM_PRINCIPAL_ARN, KMS_KEY_ARN, requireArn, requireArns } from '../core/arn';

/** Options of `CredentialEncryption.dedicatedKey()`. */
export interface DedicatedKeyOptions {
  /**
   * Every IAM role or user that runs Terraform for this stack (e.g. the CI role and a break-glass admin
   * role), including the one running it now: they may write the credential and read it back through
   * SSM, which each refresh does. Give the complete list as soon as more than one principal runs
   * Terraform: without it, the key policy names whoever applied last, and everyone else's next plan
   * fails with AccessDenied on the parameter. A plan run by a principal missing from the list stops at
   * a precondition. A new principal must be added by an apply from one the key already allows. Each
   * must exist: KMS refuses a key policy naming an unknown principal.
   *
   * @default - the principal running Terraform (for an assumed-role session, its role)
   */
  readonly deployerRoleArns?: string[];
}

/**
 * The KMS key that encrypts the tunnel credential, which decides who can read it.
 *
 * Anyone who can decrypt the credential can run a connector of the tunnel and so serve the app's
 * hostname. The default, `CredentialEncryption.dedicatedKey()`, lets only the ECS task execution
 * role and the deployer decrypt it.
 *
 * @example
 * import { CredentialEncryption, ZeroTrustCredentialOptions } from 'cdktf-zero-trust-fargate';
 *
 * // The pattern's `credential`: a key of its own that only the task execution role and
 * // the roles that run Terraform may use (the default, here with the deployer role named).
 * const credential: ZeroTrustCredentialOptions = {
 *   encryption: CredentialEncryption.dedicatedKey({
 *     deployerRoleArns: ['arn:aws:iam::123456789012:role/terraform-deployer'],
 *   }),
 * };
 */
export class CredentialEncryption {
  /**
   * The default: a new customer-managed key (rotated yearly, 30 days deletion window) for this one
   * credential. Its key policy lets only these decrypt it, and only through SSM for this parameter: the
   * execution roles granted with `ITunnelCredential.grantDecrypt` (`TunnelFargateService` grants its
   * own), and the principals that run Terraform (`deployerRoleArns`, by default the current one; they
   * write the value and read it back). The account may administer the key but not use it, so no IAM
   * policy alone decrypts the credential; a key administrator (any principal allowed `kms:PutKeyPolicy`)
   * could still rewrite the key policy to give itself access. Costs about 1 USD a month per key (KMS adds 1 USD for
   * each of the first two yearly rotations, so at most 3 USD).
   *
   * The principal running Terraform needs `iam:GetRole` on its own role, to map its session to the role.
   * Do not run Terraform as the account's root user: the key policy would then name the whole account,
   * and any principal whose IAM policies allow `kms:Decrypt` could decrypt through SSM.
   *
   * @param options which principals run Terraform and so write and read back the value
   */
  public static dedicatedKey(options: DedicatedKeyOptions = {}): CredentialEncryption {
    const deployerRoleArns = [...(options.deployerRoleArns ?? [])];
    requireArns('deployerRoleArns', deployerRoleArns, IAM_PRINCIPAL_ARN);
    return new CredentialEncryption((scope, target) => new DedicatedKey(scope, 'Key', { ...target, deployerRoleArns }));
  }

  /**
   * Your own customer-managed key. Its key policy is yours to write: it must let the task execution role
   * decrypt through SSM (`kms:ViaService`), and the principal running Terraform encrypt and decrypt.
   * The execution role also gets an IAM `kms:Decrypt` statement on this key, limited to this parameter.
   *
   * @param kmsKeyArn ARN of the key (not an alias), e.g. `arn:aws:kms:eu-west-1:123456789012:key/1234abcd-...`
   */
  public static existingKey(kmsKeyArn: string): CredentialEncryption {
    requireArn('kmsKeyArn', kmsKeyArn, KMS_KEY_ARN);
    return new CredentialEncryption(() => new UnmanagedKey(kmsKeyArn));
  }

  /**
   * RISKY: the AWS-managed key `alias/aws/ssm`, about 1 USD a month cheaper than a dedicated key.
   *
   * Its key policy lets every principal of the account use it through SSM, so EVERY principal of the
   * account that has `ssm:GetParameter*` on this parameter (granted by any IAM policy, including
   * wildcards such as `ssm:Get*` or `ssm:*`) can decrypt the credential and run a rogue connector of the
   * tunnel: it is readable far beyond the task execution role. Choose it only if you accept that.
   */
  public static awsManagedKey(): CredentialEncryption {
    return new CredentialEncryption(() => new UnmanagedKey(undefined));
  }

  private constructor(private readonly bind: (scope: Construct, target: CredentialKeyTarget) => CredentialKey) {}

  /**
   * Makes or picks the key of one parameter, under `scope`.
   *
   * @internal
   */
  public _bind(scope: Construct, target: CredentialKeyTarget): CredentialKey {
    return this.bind(scope, target);
  }
}
