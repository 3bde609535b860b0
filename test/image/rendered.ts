// Test helper: how a value (often a token) is written into the Terraform JSON.
import { TerraformOutput, TerraformStack } from 'cdktf';
import { synth } from '../helpers';

/** Builds constructs, returns the values they expose as Terraform writes them (via outputs). */
export function rendered(build: (stack: TerraformStack) => string[]): string[] {
  const { doc } = synth((stack) => {
    build(stack).forEach((value, i) => new TerraformOutput(stack, `probe${i}`, { value }));
  });
  // Only the probes: constructs may add outputs of their own.
  return Object.keys(doc.output).filter((key) => key.startsWith('probe')).sort().map((key) => doc.output[key].value);
}
