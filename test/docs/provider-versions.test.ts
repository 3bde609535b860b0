// The README's status section: the stacks pin the provider versions the library was checked
// against, and a user raises one with the override it shows.
import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import { ZeroTrustFargateService } from '../../src';
import { newStack } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

function requiredProviders(raise?: [string, string]): Record<string, { version: string }> {
  const stack = newStack();
  new ZeroTrustFargateService(stack, 'admin', PATTERN_PROPS);
  if (raise) {
    stack.addOverride(`terraform.required_providers.${raise[0]}.version`, raise[1]);
  }
  return JSON.parse(Testing.synth(stack)).terraform.required_providers;
}

test('stacks pin the provider versions the README names', () => {
  const pinned = requiredProviders();
  expect([pinned.aws.version, pinned.cloudflare.version, pinned.random.version]).toEqual(['6.25.0', '5.14.0', '3.7.2']);
  for (const version of ['6.25.0', '5.14.0', '3.7.2']) {
    expect(README).toContain(version);
  }
});

test('the README\'s override raises the Cloudflare provider constraint', () => {
  const override = /stack\.addOverride\('terraform\.required_providers\.cloudflare\.version', '([^']+)'\)/.exec(README);
  expect(override).not.toBeNull();
  expect(requiredProviders(['cloudflare', override![1]]).cloudflare.version).toBe(override![1]);
});

describe('docs/upgrading-providers.md: the override writes each constraint the guide gives', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { raiseProviderVersions, STEPPING_STONE, CURRENT } = require('../../examples/snippets/provider-constraints');
  const guide = readFileSync(join(__dirname, '..', '..', 'docs', 'upgrading-providers.md'), 'utf8');

  function synthesizedWith(constraints: Record<string, string>): Record<string, { source: string; version: string }> {
    const stack = newStack();
    new ZeroTrustFargateService(stack, 'admin', PATTERN_PROPS);
    raiseProviderVersions(stack, constraints);
    return JSON.parse(Testing.synth(stack)).terraform.required_providers;
  }

  test('step 1, the stepping stone: Cloudflare ~> 5.18.0, the other pins untouched', () => {
    expect(STEPPING_STONE).toEqual({ cloudflare: '~> 5.18.0' });
    expect(synthesizedWith(STEPPING_STONE)).toEqual({
      aws: { source: 'aws', version: '6.25.0' },
      cloudflare: { source: 'cloudflare/cloudflare', version: '~> 5.18.0' },
      random: { source: 'hashicorp/random', version: '3.7.2' },
    });
  });

  test('step 2, the current releases: every constraint replaced, the sources kept', () => {
    const providers = synthesizedWith(CURRENT);
    for (const [name, constraint] of Object.entries<string>(CURRENT)) {
      expect([name, providers[name].version]).toEqual([name, constraint]);
    }
    expect(Object.values(providers).map((provider) => provider.source)).toEqual(['aws', 'cloudflare/cloudflare', 'hashicorp/random']);
  });

  test('the guide names both steps\' constraints and the versions it compares with', () => {
    for (const constraint of [...Object.values<string>(STEPPING_STONE), ...Object.values<string>(CURRENT)]) {
      expect(guide).toContain(constraint.replace('~> ', ''));
    }
    for (const version of ['5.14.0', '5.17', '5.18', '5.19', '5.22.0', '6.66.0', '3.9.1']) {
      expect(guide).toContain(version);
    }
  });
});
