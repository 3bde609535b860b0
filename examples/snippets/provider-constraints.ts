// docs/upgrading-providers.md: raise the provider versions a stack asks for.
// The library pins the versions it was checked against (AWS 6.25.0,
// Cloudflare 5.14.0, random 3.7.2) in `required_providers`; an override on the
// stack replaces a pin with your constraint. Call it at the end of your stack's
// constructor, after the providers and the ZeroTrustFargateService.
import { TerraformStack } from 'cdktf';

/** Version constraints for Terraform's `required_providers`, by provider name. */
export interface ProviderConstraints {
  readonly aws?: string;
  readonly cloudflare?: string;
  readonly random?: string;
}

export function raiseProviderVersions(stack: TerraformStack, constraints: ProviderConstraints): void {
  for (const [name, constraint] of Object.entries(constraints)) {
    if (constraint !== undefined) {
      stack.addOverride(`terraform.required_providers.${name}.version`, constraint);
    }
  }
}

// Step 1, from the pinned 5.14.0: one apply on 5.18 (Cloudflare's stepping stone to 5.19 and later).
export const STEPPING_STONE: ProviderConstraints = { cloudflare: '~> 5.18.0' };
// Step 2, after that apply: the current 5.x, and the AWS and random releases of 2026.
export const CURRENT: ProviderConstraints = { aws: '~> 6.66', cloudflare: '~> 5.22', random: '~> 3.9' };
