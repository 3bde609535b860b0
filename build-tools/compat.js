// API compatibility check (jsii-diff) against the last version published on npm.
// jsii-diff itself passes quietly when the package was never published; this
// says so instead and exits non-zero, so nobody reads "no output" as "compatible".
const { spawnSync } = require('child_process');
const path = require('path');

const name = require(path.join(__dirname, '..', 'package.json')).name;
const view = spawnSync('npm', ['view', name, 'version'], { encoding: 'utf8' });
const published = view.status === 0 ? view.stdout.trim() : '';
if (published === '') {
  console.error(`compat: ${name} has no version on npm, so there is no published API to compare with. `
    + 'The first release becomes the baseline; until then (0.x) docs/versioning.md applies and nothing was checked.');
  process.exit(2);
}
console.log(`compat: comparing the API with ${name}@${published} (npm)`);
const diff = spawnSync('npx', ['jsii-diff', `npm:${name}@${published}`, '--keys', '--ignore-file', '.compatignore'], { stdio: 'inherit' });
process.exit(diff.status ?? 1);
