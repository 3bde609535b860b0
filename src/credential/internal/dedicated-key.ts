/**
 * A customer-managed KMS key for exactly one tunnel credential parameter. Internal: not part of the
 * public API; users choose it with `CredentialEncryption.dedicatedKey()`.
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import {
  DataAwsIamPolicyDocument,
  DataAwsIamPolicyDocumentStatement,
  DataAwsIamPolicyDocumentStatementCondition,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsIamSessionContext } from '@cdktf/provider-aws/lib/data-aws-iam-session-context';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Fn, Op, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import { CredentialKey, CredentialKeyTarget } from './credential-key';
import { encryptionContext, SSM_PARAMETER_CONTEXT, viaService } from '../../core/kms-conditions';
import { isToken } from '../../core/validation';

/**
 * What the account may do with the key through IAM: manage it, never use it. Without Encrypt, Decrypt,
 * GenerateDataKey, ReEncrypt or CreateGrant here, no IAM policy alone decrypts the credential;
 * PutKeyPolicy keeps the key manageable and passes KMS's lockout safety check (so a key administrator
 * could still rewrite the policy to give itself access).
 */
const ADMIN_ACTIONS = [
  'kms:DescribeKey',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListResourceTags',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListGrants',
  'kms:PutKeyPolicy',
  'kms:EnableKey',
  'kms:DisableKey',
  'kms:EnableKeyRotation',
  'kms:DisableKeyRotation',
  'kms:RotateKeyOnDemand',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateKeyDescription',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:RevokeGrant',
  'kms:RetireGrant',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:UpdateAlias',
];

/** Properties of a `DedicatedKey`. */
export interface DedicatedKeyProps extends CredentialKeyTarget {
  /** IAM roles or users that write and read back the value; empty: the principal running Terraform. */
  readonly deployerRoleArns: string[];
}

/**
 * The key and its policy. Only three kinds of principal appear in the policy: the account (to administer
 * the key, not to use it), the deployers (to write the value and read it back) and the roles granted
 * with `grantDecrypt()` (to decrypt it). The last two use the key only through SSM and only for
 * this parameter.
 */
export class DedicatedKey extends Construct implements CredentialKey {
  /** ARN of the key, for the parameter's `key_id`. */
  public readonly kmsKeyArn: string;

  /** The key policy; rewritten by each grant. */
  private readonly policy: DataAwsIamPolicyDocument;

  /** The statements every key policy of this kind has. */
  private readonly fixedStatements: DataAwsIamPolicyDocumentStatement[];

  /** Use only through SSM and only for this parameter. */
  private readonly throughSsm: DataAwsIamPolicyDocumentStatementCondition[];

  /** Roles granted decryption, in the order granted. */
  private readonly decrypters: string[] = [];

  constructor(scope: Construct, id: string, props: DedicatedKeyProps) {
    super(scope, id);

    const account = new DataAwsCallerIdentity(this, 'Account');
    const partition = new DataAwsPartition(this, 'Partition');
    const region = new DataAwsRegion(this, 'Region');
    // issuer_arn: the role behind an assumed-role session, which outlives the session.
    const current = new DataAwsIamSessionContext(this, 'Deployer', { arn: account.arn }).issuerArn;
    // A given list is the whole list, so the policy does not follow whoever applied last.
    const listed = props.deployerRoleArns.length > 0;
    const deployers = listed ? props.deployerRoleArns : [current];

    // Built from the name: the parameter's own `arn` would be a cycle (parameter -> key -> policy -> parameter).
    const parameterArn = `arn:${partition.partition}:ssm:${region.region}:${account.accountId}:parameter/${withoutLeadingSlash(props.parameterName)}`;
    this.throughSsm = [viaService('ssm', region, partition), encryptionContext(SSM_PARAMETER_CONTEXT, [parameterArn])];
    this.fixedStatements = [
      allow('KeyAdministration', [`arn:${partition.partition}:iam::${account.accountId}:root`], ADMIN_ACTIONS),
      // The AWS provider reads a SecureString back with decryption on every refresh, so deployers need Decrypt.
      allow('DeployerWriteAndRead', deployers,
        ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], this.throughSsm),
    ];
    // No ExecutionRoleDecrypt statement until a role is granted: nobody else decrypts (fail closed).
    this.policy = new DataAwsIamPolicyDocument(this, 'KeyPolicy', { statement: this.fixedStatements });

    const key = new KmsKey(this, 'Key', {
      description: `Encrypts the Cloudflare Tunnel credential in SSM parameter ${props.parameterName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: this.policy.json,
      tags: props.tags,
      lifecycle: { precondition: deployerPreconditions(deployers, current, listed) },
    });
    this.kmsKeyArn = key.arn;
  }

  /**
   * Adds the role to the key policy's `ExecutionRoleDecrypt` statement. Roles are granted after the key
   * exists (a service is built after the credential it reads), so each grant rewrites the statement list
   * rather than a token resolving it at synth: a token in place of the nested blocks would bypass the
   * provider's block mapping (and break `cdktf synth --hcl`).
   */
  public grantDecrypt(roleArn: string): void {
    if (!this.decrypters.includes(roleArn)) {
      this.decrypters.push(roleArn);
    }
    this.policy.putStatement([
      ...this.fixedStatements,
      allow('ExecutionRoleDecrypt', [...this.decrypters], ['kms:Decrypt'], this.throughSsm),
    ]);
  }
}

/**
 * What the plan checks of the deployers, where only Terraform knows who runs it. The account root is
 * never a deployer: in a key policy, the root principal delegates to every IAM principal of the
 * account whose own policies allow the action, so the credential would be as open as the account's
 * broadest IAM policy. A given list must name whoever applies, or it would lock itself out.
 */
function deployerPreconditions(deployers: string[], current: string, listed: boolean): TerraformResourceLifecycle['precondition'] {
  return [
    {
      // The root in any form a key policy reads as the root: `...:root`, a bare account id, or `*`.
      condition: Op.not(Fn.anytrue(deployers.map((deployer) =>
        Op.or(Op.or(Fn.endswith(deployer, ':root'), Fn.can(Fn.regex('^[0-9]{12}$', deployer))), Op.eq(deployer, '*'))))),
      errorMessage: `Terraform runs as (or deployerRoleArns names) the account root (${current}): as a principal of the tunnel `
        + 'credential\'s key policy, the root lets every IAM principal of the account whose own policies allow kms:Decrypt decrypt '
        + 'the credential through SSM. Run Terraform as an IAM role, or name the deploying roles in '
        + 'CredentialEncryption.dedicatedKey({ deployerRoleArns: [...] }).',
    },
    ...(listed ? [{
      condition: Fn.contains(deployers, current),
      errorMessage: `The principal running Terraform (${current}) is not in deployerRoleArns: it could not write the tunnel `
        + 'credential or read it back on the next refresh. Add its role (or user) ARN to deployerRoleArns, or run Terraform as one '
        + 'of them. If a listed deployer role was deleted, see "Recovering the credential key" in docs/security.md.',
    }] : []),
  ];
}

/** An Allow statement of a key policy (whose only resource is the key itself, `*`). */
function allow(
  sid: string, principals: string[], actions: string[], condition?: DataAwsIamPolicyDocumentStatementCondition[],
): DataAwsIamPolicyDocumentStatement {
  return { sid, effect: 'Allow', principals: [{ type: 'AWS', identifiers: principals }], actions, resources: ['*'], condition };
}

/** The name as it appears in the parameter's ARN. */
function withoutLeadingSlash(name: string): string {
  return isToken(name) ? Fn.trimprefix(name, '/') : name.replace(/^\//, '');
}
