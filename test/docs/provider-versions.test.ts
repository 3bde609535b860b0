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
