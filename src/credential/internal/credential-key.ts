/**
 * The KMS key of one tunnel credential parameter, once chosen. Internal: not part of the public API.
 */

/** What a key needs to know about the parameter it encrypts. */
export interface CredentialKeyTarget {
  /** Name of the parameter, as given to `aws_ssm_parameter` (may be a token). */
  readonly parameterName: string;

  /** Tags of the parameter, also put on a key made for it. */
  readonly tags?: { [key: string]: string };
}

/** The key a parameter is encrypted with, and how a role gets to decrypt with it. */
export interface CredentialKey {
  /** The `key_id` of the parameter; undefined for the AWS-managed key `alias/aws/ssm`. */
  readonly kmsKeyArn?: string;

  /** Lets the role decrypt the parameter through SSM, where this library writes the key policy. */
  grantDecrypt(roleArn: string): void;
}

/** A key whose policy this library does not write (the user's own key, or `alias/aws/ssm`). */
export class UnmanagedKey implements CredentialKey {
  constructor(public readonly kmsKeyArn: string | undefined) {}

  /** Nothing to do: the key's owner decides who may decrypt. */
  public grantDecrypt(_roleArn: string): void {}
}
