/**
 * Terraform outputs with stable, readable names (`url`, `tunnel_id`) that users
 * read with `terraform output <name>`. cdktf would name them after the construct
 * path plus a hash (`admin_url_FC8549C1`). Internal: not part of the public API.
 */
import { TerraformOutput, TerraformOutputConfig, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { invalid, isToken } from './validation';

/** Terraform identifiers as this library writes them: lower-case snake case. */
const OUTPUT_PREFIX = /^[a-z][a-z0-9_]{0,39}$/;

/** Checks an `outputPrefix` prop: a literal lower-case identifier. */
export function requireOutputPrefix(property: string, prefix: string | undefined): void {
  if (prefix === undefined) {
    return;
  }
  if (isToken(prefix)) {
    invalid(property, prefix, 'Must be a literal string: it names the Terraform outputs at synth time.');
  }
  if (!OUTPUT_PREFIX.test(prefix)) {
    invalid(property, prefix, 'Expected 1-40 lower-case letters, digits or underscores, starting with a letter (e.g. "admin").');
  }
}

/** `prefix_name`, or `name` without a prefix. */
function outputName(prefix: string | undefined, name: string): string {
  return prefix === undefined ? name : `${prefix}_${name}`;
}

/**
 * Writes outputs given as `[construct id, value, description]`, each named after its id in snake
 * case (`tunnel-id` -> `tunnel_id`) behind the `outputPrefix` prop's value.
 */
export function prefixedOutputs(scope: Construct, outputPrefix: string | undefined, outputs: Array<[string, string, string]>): void {
  for (const [id, value, description] of outputs) {
    stableOutput(scope, id, outputName(outputPrefix, id.replace(/-/g, '_')), { value, description }, 'outputPrefix', outputPrefix);
  }
}

/**
 * Fails, like `prefixedOutputs`, when an output of `ids` behind `outputPrefix` is
 * already written in the stack of `scope`, without writing any: for a construct
 * that checks the outputs of its parts before it creates anything.
 *
 * @param writer path of the construct that will write the outputs
 */
export function requirePrefixedOutputsFree(scope: Construct, outputPrefix: string | undefined, ids: readonly string[], writer: string): void {
  for (const id of ids) {
    requireOutputNameFree(TerraformStack.of(scope), outputName(outputPrefix, id.replace(/-/g, '_')), writer, 'outputPrefix', outputPrefix);
  }
}

function requireOutputNameFree(stack: TerraformStack, name: string, writer: string, property: string, propertyValue: string | undefined): void {
  const owner = written.get(stack)?.get(name);
  if (owner !== undefined) {
    invalid(property, propertyValue,
      `The Terraform output "${name}" is already written by ${owner.node.path}; ${writer} must write its `
      + `outputs under other names: set ${property} on one of them.`);
  }
}

/** A name for Terraform made of any text: lower-case, every other character `_`. */
export function toOutputIdentifier(text: string): string {
  const identifier = text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(identifier) ? identifier : `o_${identifier}`;
}

/** Per stack: output name -> the output this library wrote under it. */
const written = new WeakMap<TerraformStack, Map<string, TerraformOutput>>();

/**
 * Creates an output named exactly `name` in the stack's JSON. Two outputs of one stack with the
 * same name would silently overwrite each other in `cdk.tf.json`: a second one of this library
 * fails at once, naming both construct paths and `property` (whose value is `propertyValue`), the
 * prop that changes the name; any other output with that name fails the synth.
 */
export function stableOutput(
  scope: Construct, id: string, name: string, config: TerraformOutputConfig, property: string, propertyValue: string | undefined,
): TerraformOutput {
  const stack = TerraformStack.of(scope);
  let names = written.get(stack);
  if (names === undefined) {
    names = new Map<string, TerraformOutput>();
    written.set(stack, names);
    const outputs = names;
    stack.node.addValidation({ validate: () => overwrittenOutputs(stack, outputs) });
  }
  requireOutputNameFree(stack, name, scope.node.path, property, propertyValue);
  const output = new TerraformOutput(scope, id, config);
  output.overrideLogicalId(name);
  names.set(name, output);
  return output;
}

/** Other outputs of the stack that would overwrite one of this library's in `cdk.tf.json`. */
function overwrittenOutputs(stack: TerraformStack, names: Map<string, TerraformOutput>): string[] {
  const all = stack.node.findAll();
  return all
    // cdktf's symbol check, not `instanceof`: outputs of a second copy of cdktf (CDK Terrain through an npm alias) count too.
    .filter((c): c is TerraformOutput => TerraformOutput.isTerraformOutput(c) && names.has(c.friendlyUniqueId) && names.get(c.friendlyUniqueId) !== c
      && all.includes(names.get(c.friendlyUniqueId)!))
    .map((c) => `The Terraform output "${c.friendlyUniqueId}" of ${c.node.path} overwrites the one of `
      + `${names.get(c.friendlyUniqueId)!.node.scope!.node.path}: rename it, or set the outputPrefix (or name) of the latter.`);
}
