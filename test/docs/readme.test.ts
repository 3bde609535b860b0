// Keeps the README short, in the order a new user reads it, with code that
// synthesizes, and keeps every relative link and anchor of the Markdown files
// (README.md, CONTRIBUTING.md, docs/*.md) pointing at something that exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const REPO = resolve(__dirname, '..', '..');
const README = join(REPO, 'README.md');

/** Largest README that still reads in one sitting (bytes). */
const README_MAX_BYTES = 20480;

/** The README's `## ` sections, in the order a new user needs them. */
const README_SECTIONS = [
  'Status',
  'Prerequisites',
  'Install',
  'Quick start',
  'Architecture',
  'Props',
  'Outputs',
  'Security model',
  'Costs',
  'Changing a running service',
  'Operating',
  'Testing your stack',
  'Troubleshooting',
  'Documentation',
  'Working on this repository',
];

const CDKTF_INIT = 'cdktf init --template=typescript --local --project-name=admin-panel --project-description="Admin panel" --enable-crash-reporting=false';
const TYPESCRIPT_PIN = 'npm install --save-dev typescript@~5.9.3';
const SYNTH_COMMAND = 'npm install && npx cdktf synth';
const TEST_COMMAND = 'npm install && npx projen build';

const markdownFiles = [
  README,
  join(REPO, 'CONTRIBUTING.md'),
  ...readdirSync(join(REPO, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => join(REPO, 'docs', name)),
];

const read = (file: string): string => readFileSync(file, 'utf8');

/** The text with fenced code blocks blanked out (line count kept), so `#` lines in them are no headings. */
function withoutFences(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (block) => block.replace(/[^\n]/g, ''));
}

/** The `lang` code blocks of a Markdown text. */
function codeBlocks(text: string, langs: string[]): string[] {
  const pattern = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
  return [...text.matchAll(pattern)].filter((m) => langs.includes(m[1])).map((m) => m[2]);
}

/** GitHub's anchor for a heading: lower-case, punctuation dropped except `-` and `_`, spaces to `-`. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Every anchor a Markdown text offers: its headings' slugs (repeats get -1, -2, ...) and explicit HTML ids. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of withoutFences(text).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const slug = githubSlug(match[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const match of text.matchAll(/<a\s[^>]*(?:name|id)="([^"]+)"/g)) {
    anchors.add(match[1]);
  }
  return anchors;
}

interface Link {
  readonly line: number;
  readonly target: string;
}

/** The inline Markdown links of a text, outside code blocks and inline code. */
function linksOf(text: string): Link[] {
  const prose = withoutFences(text).replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => ({
    line: prose.slice(0, m.index).split('\n').length,
    target: m[1],
  }));
}

/** What is wrong with the relative links of `file` (whose text is `text`): missing files and anchors. */
function brokenLinks(file: string, text: string, readTarget: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const { line, target } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      continue; // https:, mailto: and the like
    }
    const [path, anchor] = target.split('#', 2);
    const targetFile = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    const where = `${relative(REPO, file)}:${line} -> ${target}`;
    const targetText = readTarget(targetFile);
    if (targetText === undefined) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (anchor !== undefined && !anchorsOf(targetText).has(anchor)) {
      problems.push(`${where}: no heading with anchor #${anchor}`);
    }
  }
  return problems;
}

/** Reads a link target from the repository: a file's text, '' for a folder, undefined when it does not exist. */
function readFromRepo(path: string): string | undefined {
  if (!existsSync(path)) {
    return undefined;
  }
  return statSync(path).isDirectory() ? '' : read(path);
}

/** The text of the README's `## ` section whose heading starts with `heading`. */
function readmeSection(heading: string): string {
  const section = read(README).split(/^## /m).find((part) => part.startsWith(heading));
  if (section === undefined) {
    throw new Error(`README.md has no "## ${heading}" section`);
  }
  return section;
}

describe('README.md', () => {
  test(`is at most ${README_MAX_BYTES} bytes`, () => {
    expect(statSync(README).size).toBeLessThanOrEqual(README_MAX_BYTES);
  });

  test('has its sections in the order a new user needs them', () => {
    const headings = [...withoutFences(read(README)).matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
    expect(headings).toEqual(README_SECTIONS);
  });

  test('its TypeScript blocks are the quick start\'s stack.ts and main.ts, and main.ts synthesizes the stack', () => {
    const files = [...read(README).matchAll(/^<!-- file: (\S+) -->\n```ts/gm)].map((m) => m[1]);
    expect(files).toEqual(['examples/quick-start/stack.ts', 'examples/quick-start/main.ts']);
    expect(codeBlocks(read(README), ['ts', 'typescript'])).toHaveLength(files.length);
    const [stackTs, mainTs] = codeBlocks(readmeSection('Quick start'), ['ts']);
    expect(stackTs).toContain('export class AdminPanelStack extends TerraformStack');
    expect(stackTs).toContain('new ZeroTrustFargateService(');
    expect(mainTs).toContain('new App(');
    expect(mainTs).toContain("import { AdminPanelStack } from './stack';");
    expect(mainTs.trimEnd().endsWith('app.synth();')).toBe(true);
  });

  test('rosetta compiles main.ts where it lies, next to stack.ts (lit=)', () => {
    expect(read(README)).toContain('```ts lit=examples/quick-start/main.ts\n');
  });

  test('the quick start creates the project with cdktf init and pins TypeScript', () => {
    const shellLines = codeBlocks(readmeSection('Quick start'), ['sh']).flatMap((block) => block.split('\n')).map((l) => l.trim());
    expect(shellLines).toContain(CDKTF_INIT);
    expect(shellLines).toContain(TYPESCRIPT_PIN);
    expect(shellLines.indexOf(CDKTF_INIT)).toBeLessThan(shellLines.indexOf(TYPESCRIPT_PIN));
  });

  test('shows the two set-up commands', () => {
    const shell = codeBlocks(read(README), ['sh']).flatMap((block) => block.split('\n')).map((l) => l.trim());
    expect(shell).toContain(SYNTH_COMMAND);
    expect(shell).toContain(TEST_COMMAND);
  });
});

test('"the test command" is npx projen build wherever it is named', () => {
  for (const file of [README, join(REPO, 'CONTRIBUTING.md')]) {
    const text = read(file);
    expect(text).toContain(TEST_COMMAND);
    // Any other command named "the test command" would contradict the set-up section.
    expect(text).not.toMatch(/the test command \(`(?!npx projen build`)[^`]*`/i);
  }
});

test.each(markdownFiles.map((file) => [relative(REPO, file), file]))(
  'every TypeScript block of %s that creates an App synthesizes it',
  (_, file) => {
    for (const block of codeBlocks(read(file), ['ts', 'typescript'])) {
      if (block.includes('new App(')) {
        expect(block).toMatch(/\.synth\(\)/);
      }
    }
  },
);

test.each(markdownFiles.map((file) => [relative(REPO, file), file]))(
  'every relative link of %s points to an existing file and heading',
  (_, file) => {
    expect(brokenLinks(file, read(file), readFromRepo)).toEqual([]);
  },
);

describe('the link checker', () => {
  test('slugs headings the way GitHub does', () => {
    expect(githubSlug('`ZeroTrustFargateService`: the whole pattern')).toBe('zerotrustfargateservice-the-whole-pattern');
    expect(githubSlug('The Fargate service: app + `cloudflared` sidecar')).toBe('the-fargate-service-app--cloudflared-sidecar');
    expect(githubSlug('Network, security group and cluster')).toBe('network-security-group-and-cluster');
    expect(githubSlug('snake_case and kebab-case')).toBe('snake_case-and-kebab-case');
  });

  test('numbers repeated headings and ignores # lines in code blocks', () => {
    const anchors = anchorsOf('# Title\n\n## Validation\n\n## Validation\n\n```sh\n# not a heading\n```\n');
    expect([...anchors]).toEqual(['title', 'validation', 'validation-1']);
  });

  test('reports a missing file, a missing anchor and a missing same-file anchor', () => {
    const file = join(REPO, 'docs', 'example.md');
    const files: Record<string, string> = { [join(REPO, 'docs', 'other.md')]: '# Other\n\n## Real heading\n' };
    const text = [
      '[ok](other.md#real-heading) [web](https://example.com/#x) `[code](missing.md)`',
      '[gone](missing.md) [bad anchor](other.md#no-such-heading) [here](#nowhere)',
      '```text',
      '[in a code block](missing-too.md)',
      '```',
    ].join('\n');
    const problems = brokenLinks(file, text, (path) => (path === file ? text : files[path]));
    expect(problems).toEqual([
      'docs/example.md:2 -> missing.md: no such file',
      'docs/example.md:2 -> other.md#no-such-heading: no heading with anchor #no-such-heading',
      'docs/example.md:2 -> #nowhere: no heading with anchor #nowhere',
    ]);
  });
});
