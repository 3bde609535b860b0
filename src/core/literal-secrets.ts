/**
 * Warnings for secrets written as literals. Internal: not part of the public API.
 */
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { isToken } from './validation';

/**
 * Warns at synth when a secret prop is a literal string rather than a token:
 * the value then sits in plain text in the source and in `cdk.tf.json`.
 */
export function warnIfLiteralSecret(construct: Construct, property: string, value: string): void {
  if (!isToken(value)) {
    Annotations.of(construct).addWarning(
      `${property} is a literal string: it is stored in plain text in your source code and in the synthesized cdk.tf.json `
      + '(and, like every secret, in Terraform state). Pass it from a TerraformVariable with sensitive: true '
      + '(e.g. new TerraformVariable(this, "client_secret", { type: "string", sensitive: true }).stringValue), '
      + 'or read it at plan time from SSM or Secrets Manager with a data source.');
  }
}
