/**
 * Notes the library leaves in the synthesized output for the access report:
 * in a resource's `//` comment, which Terraform ignores. Internal.
 */
import { TerraformResource } from 'cdktf';

/**
 * Key of the library's notes in a resource's `//` comment: the opt-ins a
 * policy confirms, the declared decisions of existing policies, routes
 * published without Access or without the origin check.
 */
export const OUTPUT_NOTE_KEY = 'cdktf-zero-trust-fargate';

/** Notes `value` under `name` in the resource's `//` comment. */
export function noteInOutput(resource: TerraformResource, name: string, value: unknown): void {
  resource.addOverride(`//.${OUTPUT_NOTE_KEY}.${name}`, value);
}
