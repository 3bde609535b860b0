// The lint rule that keeps each module's internal/ folder private to it, run on
// probe files through the project's own ESLint configuration.
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

// The probes are not files of the TypeScript project and the import rules need no types: lint them
// without a type-checker (fast), with the rules that need one off.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pluginRules: Record<string, any> = require('@typescript-eslint/eslint-plugin').rules;
// ESLint 9 still reads the project's .eslintrc.json through its legacy class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LegacyESLint } = require('eslint/use-at-your-own-risk');
const typedRulesOff = Object.fromEntries(Object.entries(pluginRules)
  .filter(([, rule]) => rule.meta?.docs?.requiresTypeChecking)
  .map(([name]) => [`@typescript-eslint/${name}`, 'off']));

async function importErrors(file: string, source: string): Promise<string[]> {
  const eslint = new LegacyESLint({
    cwd: root,
    overrideConfig: { parserOptions: { projectService: false, project: null }, rules: typedRulesOff },
  });
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result.messages.filter((m: any) => m.ruleId === 'no-restricted-imports').map((m: any) => m.message);
}

describe('module boundaries', () => {
  test.each([
    ['src/pattern/probe.ts', "import { applicationCovers } from '../tunnel/internal/route-access';"],
    ['src/pattern/internal/probe.ts', "import { alertTopic } from '../../alerts/internal/alert-topic';"],
    ['src/service/probe.ts', "import { arn } from '../iam/internal/ecs-tasks-role';"],
  ])('%s may not import another module\'s internal/ (%s)', async (file, source) => {
    const errors = await importErrors(file, `${source}\nexport const probe = 1;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/internal\/ folder is private/);
  }, 60_000);

  test.each([
    ['src/pattern/probe.ts', "import { x } from './internal/access-applications';"],
    ['src/pattern/internal/probe.ts', "import { x } from './alerts';"],
    ['src/service/probe.ts', "import { x } from '../core/validation';"],
    ['src/service/internal/probe.ts', "import { x } from '../../core/validation';"],
  ])('%s may import its own internal/ and core/ (%s)', async (file, source) => {
    expect(await importErrors(file, `${source}\nexport const probe = x;\n`)).toEqual([]);
  }, 60_000);

  test('the provider packages are still imported by deep path only', async () => {
    const errors = await importErrors('src/service/probe.ts', "import { EcsService } from '@cdktf/provider-aws';\nexport const probe = EcsService;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/by deep path/);
  }, 60_000);
});
