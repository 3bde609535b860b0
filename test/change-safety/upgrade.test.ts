// The library upgrade path: a stack deployed with the last release must plan
// without replacing anything stateful or serving under this version. The
// baselines are the synthesized examples of that release (and the minimal
// pattern, which a user upgrades by following docs/output-changes.md); they
// change only when a release ships (UPDATE_UPGRADE_BASELINE=1 npx jest
// test/change-safety/upgrade), never to make this test pass: a replacement
// found here is a breaking change that needs `moved` blocks or migration notes.
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { addresses, planDiff, statefulReplacements, STATEFUL_OR_SERVING } from './plan-diff';
import { ZeroTrustFargateService } from '../../src';
import { clearExampleSettings, EXAMPLE_STACKS, synthesizeAcrossStates } from '../example-stacks';
import { newStack } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

clearExampleSettings();

/** The minimal pattern as upgraded per the migration notes: `name` pinned to the old hostname-derived default. */
function patternNamed(name: string | undefined): TerraformStack {
  const stack = newStack();
  new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, name });
  return stack;
}
const migratedPattern = (_app: App) => patternNamed('admin-example-com');

const EXAMPLES: Array<[string, (app: App) => TerraformStack]> = [...EXAMPLE_STACKS, ['pattern', migratedPattern]];

describe.each(EXAMPLES)('upgrading a deployed %s example to this version', (name, build) => {
  const file = join(__dirname, 'baseline', `${name}.json`);
  // Compared: what exists across the example's states. The Flask example's ECR repositories moved from
  // `flask` to `flask-images` at the same addresses (docs/output-changes.md has the `terraform state mv`).
  // Recorded: the example's stack alone, which test/change-safety/output-changes.test.ts compares.
  const current = synthesizeAcrossStates(name, build);
  if (process.env.UPDATE_UPGRADE_BASELINE === '1') {
    writeFileSync(file, `${JSON.stringify(JSON.parse(Testing.synth(build(Testing.app()))), undefined, 2)}\n`);
  }
  const baseline = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;

  test('has a baseline from the last release', () => {
    expect(baseline).toBeDefined();
  });

  test('keeps every stateful or serving resource at its address, with the same force-new attributes', () => {
    expect(statefulReplacements(planDiff(baseline, current))).toEqual([]);
  });

  test('adds no second resource of a stateful or serving type it had, which could take over a name', () => {
    const count = (doc: any, type: string) => addresses(doc).filter((address) => address.startsWith(`${type}.`)).length;
    const typesBefore = STATEFUL_OR_SERVING.filter((type) => count(baseline, type) > 0);
    expect(typesBefore.map((type) => count(current, type))).toEqual(typesBefore.map((type) => count(baseline, type)));
  });
});

test('without the migration step, the old default name would replace the ECS cluster and service (as the notes say)', () => {
  const baseline = JSON.parse(readFileSync(join(__dirname, 'baseline', 'pattern.json'), 'utf8'));
  const unpinned = JSON.parse(Testing.synth(patternNamed(undefined)));
  expect(statefulReplacements(planDiff(baseline, unpinned)).map((entry) => entry.replace(/\..*: /, ': ')).sort())
    .toEqual(['aws_ecs_cluster: name', 'aws_ecs_service: name']);
});
