import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { CredentialEncryption } from './credential-encryption';
import { CredentialKey } from './internal/credential-key';
import { PARAMETER_NAME_CHAR, requireParameterName } from './parameter-name';
import { arnResource, KMS_KEY_ARN, requireArn, SSM_PARAMETER_ARN } from '../core/arn';
import { pathSegments } from '../core/default-name';
import { warnIfLiteralSecret } from '../core/literal-secrets';
import { claimPhysicalName, PHYSICAL_NAME_KIND } from '../core/physical-names';
import { wasChecked } from '../core/prop-path';
import { invalid, isToken } from '../core/validation';

/** What the tunnel credential parameter holds, which decides how the `cloudflared` sidecar reads it. */
export enum TunnelCredentialFormat {
  /**
   * A tunnel token (base64 of `{"a": account, "t": tunnel id, "s": secret}`). The sidecar gets it as
   * `TUNNEL_TOKEN` and runs `tunnel run`.
   */
  TOKEN = 'TOKEN',

  /**
   * A credentials file's JSON `{"AccountTag", "TunnelSecret", "TunnelID"}`. The sidecar gets it as
   * `TUNNEL_CRED_CONTENTS` and runs `tunnel run <tunnel-id>`.
   */
  CREDENTIALS_FILE = 'CREDENTIALS_FILE',
}

/** An SSM SecureString parameter holding a tunnel credential, new or existing. */
export interface ITunnelCredential {
  /** ARN of the parameter. The task execution role may read exactly this parameter. */
  readonly parameterArn: string;

  /** Name of the parameter. */
  readonly parameterName: string;

  /** What the parameter holds. */
  readonly format: TunnelCredentialFormat;

  /**
   * ARN of the customer-managed KMS key the parameter is encrypted with (for a dedicated key, the new
   * key's ARN). The execution role then may decrypt with it (through SSM only). Undefined for the
   * AWS-managed key `alias/aws/ssm`.
   */
  readonly kmsKeyArn?: string;

  /**
   * Version of the parameter's value, which SSM raises each time the value is written (e.g. on a
   * secret rotation). `TunnelFargateService` starts a new deployment when it changes, because ECS
   * reads secrets only when a task starts.
   *
   * @default - unknown (a parameter made elsewhere): redeploy the service yourself after a rotation
   */
  readonly valueVersion?: string;

  /**
   * Lets this role decrypt the credential through SSM. For a dedicated key it adds the role to the key
   * policy, for other keys it does nothing: you manage that key's policy.
   *
   * @param roleArn ARN of the role, usually the task execution role
   */
  grantDecrypt(roleArn: string): void;
}

/** Properties of a `TunnelCredentialParameter`. */
export interface TunnelCredentialParameterProps {
  /**
   * The credential, usually `CloudflareTunnel.tunnelToken`. Sensitive: it is stored only in the
   * parameter, marked sensitive, and never appears in an output.
   */
  readonly value: string;

  /**
   * What `value` holds.
   *
   * @default TunnelCredentialFormat.TOKEN
   */
  readonly format?: TunnelCredentialFormat;

  /**
   * Name of the parameter: letters, digits and `_.-/`; a hierarchical name starts with `/`; at most 15
   * levels and 1011 characters; must not start with `aws` or `ssm`.
   *
   * @default - `/cloudflared/<stack id>/<construct path>/tunnel-token` (or `/tunnel-credentials` for
   * CREDENTIALS_FILE)
   */
  readonly name?: string;

  /**
   * The KMS key that encrypts the parameter, which decides who can read the credential. See
   * `CredentialEncryption.awsManagedKey()` for what the cheaper AWS-managed key risks.
   *
   * @default CredentialEncryption.dedicatedKey()
   */
  readonly encryption?: CredentialEncryption;

  /**
   * Description of the parameter.
   *
   * @default 'Cloudflare Tunnel credential for the cloudflared sidecar'
   */
  readonly description?: string;

  /**
   * Tags for the parameter, and for its dedicated KMS key if it has one.
   *
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** An SSM parameter made outside this library that holds a tunnel credential. */
export interface ExistingTunnelCredentialProps {
  /** ARN of the parameter, e.g. `arn:aws:ssm:eu-west-1:123456789012:parameter/cloudflared/tunnel-token`. */
  readonly parameterArn: string;

  /** Name of the parameter, e.g. `/cloudflared/tunnel-token`. */
  readonly parameterName: string;

  /**
   * What the parameter holds.
   *
   * @default TunnelCredentialFormat.TOKEN
   */
  readonly format?: TunnelCredentialFormat;

  /**
   * ARN of the customer-managed KMS key the parameter is encrypted with.
   *
   * @default - the AWS-managed key `alias/aws/ssm`, which needs no extra permission
   */
  readonly kmsKeyArn?: string;
}

/** The fields a credentials file holds; the Flask article's JSON. */
const CREDENTIALS_FILE_FIELDS = ['AccountTag', 'TunnelSecret', 'TunnelID'];

/**
 * The tunnel credential as an SSM Parameter Store SecureString (Standard tier), by default encrypted
 * with a KMS key of its own that only the deployer and the granted execution roles can use.
 *
 * ECS reads it at task start through the container's `secrets`, with the task execution role; the app
 * and the task role never see it.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { CloudflareTunnel, CredentialEncryption, TunnelCredentialParameter } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 * declare const tunnel: CloudflareTunnel;
 *
 * const credential = new TunnelCredentialParameter(stack, 'credential', {
 *   value: tunnel.tunnelToken,
 *   name: '/cloudflared/admin/tunnel-token',
 *   encryption: CredentialEncryption.dedicatedKey(),
 * });
 *
 * // Or a parameter made elsewhere.
 * const existing = TunnelCredentialParameter.fromExisting({
 *   parameterArn: 'arn:aws:ssm:eu-west-1:123456789012:parameter/cloudflared/admin/tunnel-token',
 *   parameterName: '/cloudflared/admin/tunnel-token',
 * });
 */
export class TunnelCredentialParameter extends Construct implements ITunnelCredential {
  /**
   * Refers to a parameter made elsewhere.
   *
   * @param props The ARN and name of the parameter, and optionally its format and KMS key.
   */
  public static fromExisting(props: ExistingTunnelCredentialProps): ITunnelCredential {
    requireArn('parameterArn', props.parameterArn, SSM_PARAMETER_ARN);
    requireParameterName('parameterName', props.parameterName);
    if (props.kmsKeyArn !== undefined) {
      requireArn('kmsKeyArn', props.kmsKeyArn, KMS_KEY_ARN);
    }
    const arnName = arnResource(props.parameterArn)?.replace(/^parameter\/?/, '');
    if (arnName !== undefined && !isToken(props.parameterName)
        && arnName !== props.parameterName.replace(/^\//, '')) {
      invalid('parameterName', props.parameterName,
        `Expected the name of the parameter in parameterArn ("/${arnName}" or "${arnName}").`);
    }
    return new ExistingTunnelCredential(
      props.parameterArn, props.parameterName, props.format ?? TunnelCredentialFormat.TOKEN, props.kmsKeyArn);
  }

  /** ARN of the parameter. */
  public readonly parameterArn: string;

  /** Name of the parameter. */
  public readonly parameterName: string;

  /** What the parameter holds. */
  public readonly format: TunnelCredentialFormat;

  /** ARN of the customer-managed KMS key: the dedicated key, or the existing key given. */
  public readonly kmsKeyArn?: string;

  /** Version of the parameter's value. It rises each time the value is rewritten. */
  public readonly valueVersion?: string;

  /** The underlying `aws_ssm_parameter`. */
  public readonly parameter: SsmParameter;

  /** The key that encrypts the parameter, which decides who may decrypt it. */
  private readonly key: CredentialKey;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the TunnelCredentialParameter, described by `TunnelCredentialParameterProps`.
   */
  constructor(scope: Construct, id: string, props: TunnelCredentialParameterProps) {
    super(scope, id);

    const format = props.format ?? TunnelCredentialFormat.TOKEN;
    const checked = wasChecked(props);
    if (!checked) {
      validateValue(props.value, format);
    }
    warnIfLiteralSecret(this, 'value', props.value);
    const name = props.name ?? defaultName(this, format);
    if (!checked || props.name === undefined) {
      requireParameterName('name', name); // a default name is this construct's own value
    }
    claimPhysicalName(this, PHYSICAL_NAME_KIND.ssmParameter, name, 'name');

    this.key = (props.encryption ?? CredentialEncryption.dedicatedKey())._bind(this, { parameterName: name, tags: props.tags });
    this.parameter = new SsmParameter(this, 'Parameter', {
      name,
      type: 'SecureString',
      tier: 'Standard',
      keyId: this.key.kmsKeyArn,
      // The provider marks `value` sensitive already; sensitive() also covers values that come from an
      // attribute the Cloudflare provider does not mark, so plans never print the credential.
      value: Fn.sensitive(props.value),
      description: props.description ?? 'Cloudflare Tunnel credential for the cloudflared sidecar',
      tags: props.tags,
    });

    this.parameterArn = this.parameter.arn;
    this.parameterName = this.parameter.name;
    this.format = format;
    this.kmsKeyArn = this.key.kmsKeyArn;
    this.valueVersion = Token.asString(this.parameter.version);
  }

  /**
   * Lets this role decrypt the credential through SSM. For a dedicated key it adds the role to the key
   * policy, for other keys it does nothing: you manage that key's policy.
   *
   * @param roleArn ARN of the role, usually the task execution role
   */
  public grantDecrypt(roleArn: string): void {
    this.key.grantDecrypt(roleArn);
  }
}

/** A parameter made elsewhere: its key, if any, is not managed here, so granting is left to its owner. */
class ExistingTunnelCredential implements ITunnelCredential {
  constructor(
    public readonly parameterArn: string,
    public readonly parameterName: string,
    public readonly format: TunnelCredentialFormat,
    public readonly kmsKeyArn: string | undefined,
  ) {}

  /** Does nothing: you manage the key policy of a parameter made elsewhere. */
  public grantDecrypt(_roleArn: string): void {}
}

/** Checks a credential given as plain text; a token is checked by Terraform and Cloudflare instead. */
function validateValue(value: string, format: TunnelCredentialFormat): void {
  if (isToken(value)) {
    return;
  }
  // The value itself is never echoed in these messages: it is a secret.
  if (value.trim().length === 0) {
    invalid('value', '<empty>', 'Expected the tunnel credential, usually CloudflareTunnel.tunnelToken.');
  }
  if (format === TunnelCredentialFormat.CREDENTIALS_FILE) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    const fields = typeof parsed === 'object' && parsed !== null ? Object.keys(parsed) : [];
    if (!CREDENTIALS_FILE_FIELDS.every((field) => fields.includes(field))) {
      invalid('value', '<redacted>',
        `Expected credentials-file JSON with the fields ${CREDENTIALS_FILE_FIELDS.join(', ')} for format CREDENTIALS_FILE.`);
    }
  }
}

/** `/cloudflared/<stack>/<path>/tunnel-token`, from construct ids reduced to the characters SSM allows. */
function defaultName(construct: Construct, format: TunnelCredentialFormat): string {
  const [stack, ...below] = pathSegments(construct, PARAMETER_NAME_CHAR);
  const leaf = format === TunnelCredentialFormat.TOKEN ? 'tunnel-token' : 'tunnel-credentials';
  return ['', 'cloudflared', stack, below.join('-'), leaf].filter((s, i) => i === 0 || s.length > 0).join('/');
}
