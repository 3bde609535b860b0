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

const eslint = new LegacyESLint({
  cwd: root,
  overrideConfig: { parserOptions: { projectService: false, project: null }, rules: typedRulesOff },
});

/** The import-rule messages ESLint gives `source` as the file `file` of the repository. */
async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath: path.join(root, file) });
  return result.messages
    .filter((m: any) => ['import/no-restricted-paths', 'no-restricted-imports'].includes(m.ruleId))
    .map((m: any) => m.message);
}

describe('module boundaries', () => {
  test.each([
    ['src/pattern/probe.ts', "export { originService } from '../tunnel/internal/origin-service';"],
    ['src/pattern/internal/probe.ts', "export { alertTopic } from '../../alerts/internal/alert-topic';"],
    ['src/service/probe.ts', "import * as role from '../iam/internal/ecs-tasks-role';\nexport const probe = role;"],
    // Other spellings of the same file.
    ['src/pattern/probe.ts', "export * from '../../src/tunnel/internal/origin-service';"],
    ['src/pattern/probe.ts', "export * from '.././tunnel/internal/origin-service';"],
    ['src/pattern/probe.ts', "export * from '../tunnel/../tunnel/internal/origin-service';"],
    ['src/pattern/probe.ts', "export const probe = import('../tunnel/internal/origin-service');"],
    ['src/pattern/internal/deeper/probe.ts', "export * from '../../../tunnel/internal/origin-service';"],
    // The library's entry point may not publish another module's internals either.
    ['src/probe.ts', "export * from './tunnel/internal/origin-service';"],
  ])('%s may not import another module\'s internal/: %s', async (file, source) => {
    const errors = await importErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/internal\/ folder is private/);
  }, 60_000);

  test.each([
    ['src/pattern/probe.ts', "export * from './internal/edge-ip-version';"],
    ['src/pattern/internal/probe.ts', "export * from '../../pattern/internal/edge-ip-version';"],
    ['src/service/probe.ts', "export * from '../core/validation';"],
    ['src/service/internal/probe.ts', "export * from '../../core/validation';"],
    ['src/pattern/probe.ts', "export * from '../tunnel/tunnel';"],
  ])('%s may import its own internal/, core/ and other modules\' top-level files: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  }, 60_000);

  test('the provider packages are still imported by deep path only', async () => {
    // The probe's root import is what the rule must refuse; spelled in parts so no scan takes it for a real one.
    const packageRoot = ['@cdktf', 'provider-aws'].join('/');
    const errors = await importErrors('src/service/probe.ts', `import { EcsService } from '${packageRoot}';\nexport const probe = EcsService;`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/by deep path/);
  }, 60_000);
});
