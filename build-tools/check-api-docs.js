// Fails when the committed API.md differs from what jsii-docgen generates from
// the current .jsii assembly, so the API reference cannot drift from the code.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const generated = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'api-docs-')), 'API.md');
execFileSync('jsii-docgen', ['-o', generated], { stdio: 'inherit' });
const committed = fs.existsSync('API.md') ? fs.readFileSync('API.md', 'utf8') : '';
if (committed !== fs.readFileSync(generated, 'utf8')) {
  console.error("API.md is out of date: run 'npx projen docgen' and commit it.");
  process.exit(1);
}
console.log('API.md matches the code.');
