// Generates the API reference from the .jsii assembly with jsii-docgen, in
// every jsii language, and either writes it or checks the committed copy:
//   - API.md at the root (TypeScript; the npm package and projen convention),
//   - docs/api/<language>.md for TypeScript, Python, Java, C# and Go,
//   - docs/api/README.md, the hand-written index, must link each of them.
// Usage: node build-tools/check-api-docs.js          (fail when any file is out of date)
//        node build-tools/check-api-docs.js --write  (regenerate them all; `npx projen docgen`)
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const LANGUAGES = ['typescript', 'python', 'java', 'csharp', 'go'];
const API_DIR = path.join('docs', 'api');
const write = process.argv.includes('--write');

// One jsii-docgen run for all languages: it names each file <name>.<language>.md.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-docs-'));
// Run the project's jsii-docgen by path, so the script works outside projen's PATH too.
const docgen = require.resolve('jsii-docgen/bin/jsii-docgen');
execFileSync(process.execPath, [docgen, ...LANGUAGES.flatMap((language) => ['-l', language]), '-o', path.join(tmp, 'api.md')], { stdio: 'inherit' });

const expected = new Map([['API.md', fs.readFileSync(path.join(tmp, 'api.typescript.md'), 'utf8')]]);
for (const language of LANGUAGES) {
  expected.set(path.join(API_DIR, `${language}.md`), fs.readFileSync(path.join(tmp, `api.${language}.md`), 'utf8'));
}
fs.rmSync(tmp, { recursive: true, force: true });

if (write) {
  fs.mkdirSync(API_DIR, { recursive: true });
  for (const [file, text] of expected) fs.writeFileSync(file, text);
  console.log(`Wrote ${[...expected.keys()].join(', ')}.`);
  process.exit(0);
}

const problems = [];
for (const [file, text] of expected) {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (committed === undefined) problems.push(`${file} is missing`);
  else if (committed !== text) problems.push(`${file} is out of date`);
}
// A reference of a language no longer generated would go stale unnoticed.
const known = new Set([...expected.keys(), path.join(API_DIR, 'README.md')]);
for (const file of fs.existsSync(API_DIR) ? fs.readdirSync(API_DIR) : []) {
  if (file.endsWith('.md') && !known.has(path.join(API_DIR, file))) problems.push(`${path.join(API_DIR, file)} is not generated any more: delete it`);
}
const index = path.join(API_DIR, 'README.md');
const indexText = fs.existsSync(index) ? fs.readFileSync(index, 'utf8') : '';
for (const language of LANGUAGES) {
  if (!indexText.includes(`](${language}.md)`)) problems.push(`${index} does not link ${language}.md`);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error("Run 'npx projen docgen' and commit the result.");
  process.exit(1);
}
console.log(`The API reference matches the code: ${[...expected.keys()].join(', ')}.`);
