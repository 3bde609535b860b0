// Release notes list the output changes per resource type: every Terraform type
// whose synthesized output differs from the last release (the upgrade
// baselines) must be named in the "Unreleased" section of docs/output-changes.md,
// which the bump task appends to the release notes.
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Testing } from 'cdktf';
import { clearExampleSettings, EXAMPLE_STACKS } from '../example-stacks';

/** build-tools/output-changes.js: the same parsing that writes the release notes. */
interface OutputChangesTool {
  readonly FILE: string;
  unreleasedSection(markdown: string): string;
  namedTypes(section: string): string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const outputChanges: OutputChangesTool = require('../../build-tools/output-changes.js');

clearExampleSettings();

const EXAMPLES = EXAMPLE_STACKS;

/** JSON with sorted keys, so that only values count. */
function canonical(value: any): string {
  const sortKeys = (v: any): any => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

/**
 * The names of the types whose output differs between two synthesized
 * documents: resource types as they are (`aws_ecs_service`), data sources as
 * `data.<type>`, providers as `provider.<name>`, other blocks by their name
 * (`output`, `variable`, `terraform`, ...).
 */
function changedTypes(before: any, after: any): string[] {
  const changed = new Set<string>();
  const compare = (name: string, a: unknown, b: unknown) => {
    if (canonical(a ?? null) !== canonical(b ?? null)) changed.add(name);
  };
  for (const block of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (['resource', 'data', 'provider'].includes(block)) {
      const prefix = block === 'resource' ? '' : `${block}.`;
      for (const type of new Set([...Object.keys(before[block] ?? {}), ...Object.keys(after[block] ?? {})])) {
        compare(`${prefix}${type}`, before[block]?.[type], after[block]?.[type]);
      }
    } else {
      compare(block, before[block], after[block]);
    }
  }
  return [...changed].sort();
}

const section = outputChanges.unreleasedSection(readFileSync(outputChanges.FILE, 'utf8'));
const named = new Set(outputChanges.namedTypes(section));

describe.each(EXAMPLES)('the %s example since the last release', (name, build) => {
  const baseline = JSON.parse(readFileSync(join(__dirname, 'baseline', `${name}.json`), 'utf8'));
  const current = JSON.parse(Testing.synth(build(Testing.app())));
  const changed = changedTypes(baseline, current);

  test('every type whose output changed is named in the Unreleased section of docs/output-changes.md', () => {
    // A failure here: describe the change under "## Unreleased" in docs/output-changes.md,
    // naming each of these types in backticks (see versioning.md for what the release may change).
    expect(changed.filter((type) => !named.has(type))).toEqual([]);
  });

  test('"No output changes yet." only while nothing changed', () => {
    expect(section.includes('No output changes yet.') ? changed : []).toEqual([]);
  });
});

describe('changedTypes', () => {
  const doc = {
    resource: { aws_vpc: { a: { cidr_block: '10.0.0.0/16' } }, aws_subnet: { s: { cidr_block: '10.0.0.0/20' } } },
    data: { aws_region: { r: {} } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    output: { o: { value: 'x' } },
  };
  const copy = () => JSON.parse(JSON.stringify(doc));

  test('names nothing for identical documents, whatever the key order', () => {
    const reordered = {
      output: doc.output,
      provider: doc.provider,
      data: doc.data,
      resource: { aws_subnet: doc.resource.aws_subnet, aws_vpc: doc.resource.aws_vpc },
    };
    expect(changedTypes(doc, reordered)).toEqual([]);
  });

  test('names changed, added and removed types of every block', () => {
    const after = copy();
    after.resource.aws_vpc.a.cidr_block = '10.1.0.0/16';
    after.resource.aws_nat_gateway = { n: {} };
    delete after.data.aws_region;
    after.provider.aws[0].region = 'us-east-1';
    after.output.o.value = 'y';
    after.variable = { v: { type: 'string' } };
    expect(changedTypes(doc, after)).toEqual(['aws_nat_gateway', 'aws_vpc', 'data.aws_region', 'output', 'provider.aws', 'variable']);
  });
});

describe('docs/output-changes.md', () => {
  test('the Unreleased section ends at the next heading; names are the words in backticks', () => {
    const markdown = '# T\n\n## Unreleased\n\n- `aws_ecs_service`: x; `data.aws_region`: y.\n\n## 1.2.0\n\n- `aws_vpc`: z.\n';
    expect(outputChanges.unreleasedSection(markdown)).toBe('- `aws_ecs_service`: x; `data.aws_region`: y.');
    expect(outputChanges.namedTypes(outputChanges.unreleasedSection(markdown))).toEqual(['aws_ecs_service', 'data.aws_region']);
    expect(() => outputChanges.unreleasedSection('# T\n\n## 1.2.0\n')).toThrow(/no "## Unreleased" section/);
  });

  test('the bump step appends the Unreleased section to the release notes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-notes-'));
    try {
      const changelog = join(dir, 'changelog.md');
      writeFileSync(changelog, '## [1.2.0](https://example.com) (2030-01-01)\n\n### Features\n\n* something\n');
      execFileSync(process.execPath, [join(__dirname, '..', '..', 'build-tools', 'output-changes.js')], {
        env: { ...process.env, CHANGELOG: changelog },
        stdio: 'pipe',
      });
      expect(readFileSync(changelog, 'utf8')).toBe(
        `## [1.2.0](https://example.com) (2030-01-01)\n\n### Features\n\n* something\n\n### Changes to the synthesized output\n\n${section}\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
