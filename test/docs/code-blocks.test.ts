// Every TypeScript block of the README and of docs/ is a copy of a file that
// the test task type-checks (examples/tsconfig.json, as strict as the
// tsconfig.json that `cdktf init` writes) and runs, named in a
// `<!-- file: path -->` line just above the block, and must stay
// byte-identical to it. (rosetta compiles the README's blocks as well.)
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import * as ts from 'typescript';

const REPO = resolve(__dirname, '..', '..');
const DOCS = join(REPO, 'docs');

interface CodeBlock {
  readonly doc: string;
  readonly line: number;
  readonly file?: string;
  readonly code: string;
}

/** The ```ts blocks of a Markdown file (a path from the repository root), with the file named in the line above each. */
function tsBlocks(doc: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const pattern = /^(?:<!-- file: (\S+) -->\n)?```(?:ts|typescript)(?: [^\n]*)?\n([\s\S]*?)^```$/gm;
  const text = readFileSync(join(REPO, doc), 'utf8');
  for (const match of text.matchAll(pattern)) {
    blocks.push({ doc, line: text.slice(0, match.index).split('\n').length, file: match[1], code: match[2] });
  }
  return blocks;
}

const docs = ['README.md', ...readdirSync(DOCS).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
const blocks = docs.flatMap(tsBlocks);

test('docs/testing.md shows the test of the quick start\'s stack', () => {
  expect(blocks.filter((block) => block.doc === 'docs/testing.md').map((block) => block.file)).toContain('examples/quick-start/stack.test.ts');
});

test('every file a block names is type-checked by examples/tsconfig.json', () => {
  for (const block of blocks) {
    expect(block.file).toMatch(/^examples\/.+\.ts$/);
  }
});

test('examples/tsconfig.json checks at least what the tsconfig.json of `cdktf init` checks', () => {
  const template = JSON.parse(readFileSync(join(REPO, 'node_modules/cdktf-cli/bundle/templates/typescript/tsconfig.json'), 'utf8')).compilerOptions;
  const parsed = ts.getParsedCommandLineOfConfigFile(join(REPO, 'examples/tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const checks = ['alwaysStrict', 'noFallthroughCasesInSwitch', 'noImplicitAny', 'noImplicitReturns', 'noImplicitThis',
    'noUnusedLocals', 'noUnusedParameters', 'strict', 'strictNullChecks', 'strictPropertyInitialization'];
  for (const check of checks) {
    expect([check, template[check]]).toEqual([check, true]);
    expect([check, parsed?.options[check]]).toEqual([check, true]);
  }
});

test.each(blocks.map((block) => [`${block.doc}:${block.line}`, block]))('%s is byte-identical to the file it names', (_, block) => {
  const { file, code } = block as CodeBlock;
  expect(file).toBeDefined(); // every block names its file
  expect(code).toBe(readFileSync(join(REPO, file!), 'utf8'));
});
