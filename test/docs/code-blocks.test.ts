// docs/ is not compiled by the README snippet check (rosetta reads the README
// only), so every TypeScript block there is a copy of a file that the test
// task type-checks and runs, named in a `<!-- file: path -->` line just above
// the block, and must stay byte-identical to it.
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

const REPO = resolve(__dirname, '..', '..');
const DOCS = join(REPO, 'docs');

interface CodeBlock {
  readonly doc: string;
  readonly line: number;
  readonly file?: string;
  readonly code: string;
}

/** The ```ts blocks of a Markdown file, with the file named in the line above each. */
function tsBlocks(doc: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const pattern = /^(?:<!-- file: (\S+) -->\n)?```(?:ts|typescript)\n([\s\S]*?)^```$/gm;
  const text = readFileSync(join(DOCS, doc), 'utf8');
  for (const match of text.matchAll(pattern)) {
    blocks.push({ doc, line: text.slice(0, match.index).split('\n').length, file: match[1], code: match[2] });
  }
  return blocks;
}

const blocks = readdirSync(DOCS).filter((name) => name.endsWith('.md')).sort().flatMap(tsBlocks);

test('docs/testing.md shows the Flask example test', () => {
  expect(blocks.filter((block) => block.doc === 'testing.md').map((block) => block.file)).toContain('examples/flask/stack.test.ts');
});

test.each(blocks.map((block) => [`${block.doc}:${block.line}`, block]))('%s is byte-identical to the file it names', (_, block) => {
  const { file, code } = block as CodeBlock;
  expect(file).toBeDefined(); // every block names its file
  expect(code).toBe(readFileSync(join(REPO, file!), 'utf8'));
});
