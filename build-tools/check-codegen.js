// Checks that jsii-pacmak's generated code for every target language declares
// every public type of the assembly, so the API translates to each language.
// Usage: node build-tools/check-codegen.js <codegen-dir>
const fs = require('fs');
const path = require('path');

const outdir = process.argv[2];
const assembly = JSON.parse(fs.readFileSync('.jsii', 'utf8'));
const typeNames = Object.values(assembly.types ?? {}).map((t) => t.name);

// File endings of each language's generated sources.
const languages = { python: ['.py'], java: ['.java'], dotnet: ['.cs'], go: ['.go'] };

function sourcesUnder(dir, endings) {
  if (!fs.existsSync(dir)) return '';
  let text = '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) text += sourcesUnder(full, endings);
    else if (endings.some((e) => entry.name.endsWith(e))) text += fs.readFileSync(full, 'utf8');
  }
  return text;
}

let failures = 0;
for (const [language, endings] of Object.entries(languages)) {
  const text = sourcesUnder(path.join(outdir, language), endings);
  if (!text) {
    console.error(`${language}: no generated sources under ${path.join(outdir, language)}`);
    failures++;
    continue;
  }
  const missing = typeNames.filter((name) => !new RegExp(`\\b${name}\\b`).test(text));
  if (missing.length > 0) {
    console.error(`${language}: ${missing.length} public type(s) missing: ${missing.join(', ')}`);
    failures++;
  } else {
    console.log(`${language}: all ${typeNames.length} public types generated`);
  }
}
if (typeNames.length === 0) {
  console.error('the assembly declares no public types');
  failures++;
}
process.exit(failures === 0 ? 0 : 1);
