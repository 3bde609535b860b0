// The library upgrade path: a stack deployed with the last release must plan
// without replacing anything stateful or serving under this version. The
// baselines are the synthesized examples of that release; they change only
// when a release ships (UPDATE_UPGRADE_BASELINE=1 npx jest test/change-safety/upgrade),
// never to make this test pass: a replacement found here is a breaking change
// that needs `moved` blocks or migration notes instead.
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import { addresses, planDiff, statefulReplacements, STATEFUL_OR_SERVING } from './plan-diff';
import { clearExampleSettings, EXAMPLE_STACKS } from '../example-stacks';

clearExampleSettings();

const EXAMPLES = EXAMPLE_STACKS;

describe.each(EXAMPLES)('upgrading a deployed %s example to this version', (name, build) => {
  const file = join(__dirname, 'baseline', `${name}.json`);
  const current = JSON.parse(Testing.synth(build(Testing.app())));
  if (process.env.UPDATE_UPGRADE_BASELINE === '1') {
    writeFileSync(file, `${JSON.stringify(current, undefined, 2)}\n`);
  }
  const baseline = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;

  test('has a baseline from the last release', () => {
    expect(baseline).toBeDefined();
  });

  test('keeps every stateful or serving resource at its address, with the same force-new attributes', () => {
    expect(statefulReplacements(planDiff(baseline, current))).toEqual([]);
  });

  test('adds no second resource of a stateful or serving type that could take over a name', () => {
    const count = (doc: any) => addresses(doc).filter((address) => STATEFUL_OR_SERVING.includes(address.split('.')[0])).length;
    expect(count(current)).toBe(count(baseline));
  });
});
