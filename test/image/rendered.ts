// Test helper: how a value (often a token) is written into the Terraform JSON.
import { TerraformOutput, TerraformStack } from 'cdktf';
import { synth } from '../helpers';

/** Builds constructs, returns the values they expose as Terraform writes them (via outputs). */
export function rendered(build: (stack: TerraformStack) => string[]): string[] {
  const { doc } = synth((stack) => {
    build(stack).forEach((value, i) => new TerraformOutput(stack, `probe${i}`, { value }));
  });
  return Object.keys(doc.output).sort().map((key) => doc.output[key].value);
}
