// Fails when the API reference stops teaching. Reads the compiled .jsii
// assembly (the source of API.md and docs/api/*.md) and the generated
// references, and reports:
//   - a class users create directly (it extends Construct, has a public
//     constructor or has a public static factory) without an @example;
//   - a public type, member, parameter or enum member without a doc comment;
//   - a constructor parameter (scope, id, props) without a @param doc;
//   - a summary (the first sentence, the one shown in the tables) that ends
//     with `;`, `:` or `,`, ends on an abbreviation such as "e.g.", or is cut
//     mid-sentence (unbalanced brackets or backticks, or remarks that carry on
//     in lower case);
//   - a raw `{@link` in the doc comments or in a generated reference.
// Usage: node build-tools/check-doc-comments.js
const fs = require('fs');
const path = require('path');

const assembly = JSON.parse(fs.readFileSync('.jsii', 'utf8'));
const types = assembly.types ?? {};
const problems = [];

function extendsConstruct(type) {
  let base = type.base;
  while (base) {
    if (base === 'constructs.Construct') return true;
    base = types[base]?.base;
  }
  return false;
}

// Words whose trailing period is not the end of a sentence.
const ABBREVIATION = /\b(e\.g|i\.e|etc|vs|cf|incl|approx|min|max|no)\.$/i;

function checkSummary(where, docs) {
  const summary = (docs?.summary ?? '').trim();
  if (!summary) {
    problems.push(`${where}: no doc comment`);
    return;
  }
  if (/[;:,]\.?$/.test(summary)) {
    problems.push(`${where}: summary ends with a ';', ':' or ',' (cut short): "${summary}"`);
  } else if (ABBREVIATION.test(summary)) {
    problems.push(`${where}: summary is cut at an abbreviation: "${summary}"`);
  } else if ((summary.match(/`/g) ?? []).length % 2 !== 0
    || (summary.match(/\(/g) ?? []).length !== (summary.match(/\)/g) ?? []).length
    || (summary.match(/"/g) ?? []).length % 2 !== 0) {
    problems.push(`${where}: summary is cut mid-sentence (unbalanced brackets, quotes or backticks): "${summary}"`);
  } else if (/^[a-z]/.test((docs.remarks ?? '').trim())) {
    problems.push(`${where}: summary is cut mid-sentence (the remarks carry on in lower case): "${summary}"`);
  }
  for (const [field, text] of Object.entries(docs ?? {})) {
    if (typeof text === 'string' && text.includes('{@link')) {
      problems.push(`${where}: raw {@link} in the ${field} (write the name in backticks instead)`);
    }
  }
}

function checkCallable(where, callable) {
  checkSummary(where, callable.docs);
  for (const parameter of callable.parameters ?? []) {
    checkSummary(`${where} parameter '${parameter.name}'`, parameter.docs);
  }
}

for (const type of Object.values(types)) {
  const name = type.name;
  checkSummary(name, type.docs);

  const staticFactories = (type.methods ?? []).filter((m) => m.static && !m.protected);
  const userCreated = extendsConstruct(type) || (type.initializer && !type.abstract) || staticFactories.length > 0;
  if (type.kind === 'class' && userCreated && !type.docs?.example) {
    const how = staticFactories.length > 0 ? `through ${staticFactories.map((m) => `${m.name}()`).join(', ')}` : 'with new';
    problems.push(`${name}: no @example (users create it ${how})`);
  }

  if (type.initializer && (type.initializer.parameters ?? []).length > 0) {
    for (const parameter of type.initializer.parameters) {
      checkSummary(`${name} constructor parameter '${parameter.name}'`, parameter.docs);
    }
  }
  for (const property of type.properties ?? []) {
    checkSummary(`${name}.${property.name}`, property.docs);
  }
  for (const method of type.methods ?? []) {
    checkCallable(`${name}.${method.name}()`, method);
  }
  for (const member of type.members ?? []) {
    checkSummary(`${name}.${member.name}`, member.docs);
  }
}

// The generated references must not show a raw {@link}.
const references = ['API.md'];
if (fs.existsSync(path.join('docs', 'api'))) {
  for (const file of fs.readdirSync(path.join('docs', 'api'))) {
    if (file.endsWith('.md')) references.push(path.join('docs', 'api', file));
  }
}
for (const file of references) {
  if (!fs.existsSync(file)) continue;
  const count = (fs.readFileSync(file, 'utf8').match(/\{@link/g) ?? []).length;
  if (count > 0) problems.push(`${file}: ${count} raw {@link} (write the name in backticks in the doc comment)`);
}

if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the API doc comments:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`API doc comments: ${Object.keys(types).length} public types documented, every construct and factory class has an @example.`);
