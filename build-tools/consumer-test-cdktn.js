// Consumer test for CDK Terrain: follows docs/cdktn.md's "The recipe" literally
// in a new folder outside the repository (cdktn init, the cdktf shim and its
// npm override, the packed library from vendor/ and the providers, the README
// quick start's files with their imports switched to cdktn, cdktn synth), then
// checks that there is one core, runs docs/testing.md's test as the recipe
// says, and compares the synthesized stack with the cdktf quick start's: the
// committed snapshot of examples/quick-start (always) and the cdktf app's
// cdk.tf.json from build-tools/consumer-test.js (when that ran before, on a
// Node.js whose cdktf CLI starts: 22).
//
// Needs Node.js 22.19 or newer (cdktn-cli's engines); build-tools/node-versions.sh
// runs it on Node.js 24.
const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { isDeepStrictEqual } = require('util');

const repo = path.resolve(__dirname, '..');
const CDKTN_CLI = 'cdktn-cli@0.24.0';
const COMMAND_TIMEOUT_MS = 15 * 60 * 1000;

function fail(message) {
  console.error(`cdktn consumer test failed (Node.js ${process.version}): ${message}`);
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) fail('cdktn-cli 0.24 needs Node.js 22.19 or newer; run it through build-tools/node-versions.sh');

const cdktfOutput = path.join(repo, 'dist/consumer/cdktf-quick-start.cdk.tf.json');
const testingGuide = fs.readFileSync(path.join(repo, 'docs/testing.md'), 'utf8');
const guideTest = /^<!-- file: examples\/quick-start\/stack\.test\.ts -->\n```ts\n([\s\S]*?)^```$/m.exec(testingGuide);
if (!guideTest) fail('docs/testing.md does not show examples/quick-start/stack.test.ts');

const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
const guide = fs.readFileSync(path.join(repo, 'docs/cdktn.md'), 'utf8');
const recipe = guide.split(/^## /m).find((s) => s.startsWith('The recipe'));
if (!recipe) fail('docs/cdktn.md has no "## The recipe" section');
const commands = [...recipe.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((block) => block[1].split('\n'))
  .map((line) => line.trim())
  .filter((line) => line !== '');
const quickStart = readme.split(/^## /m).find((s) => s.startsWith('Quick start'));
const files = [...quickStart.matchAll(/^<!-- file: (\S+) -->\n```ts[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => ({ file: m[1], code: m[2] }));
if (files.length !== 2) fail('the README quick start should show stack.ts and main.ts');
const tarballs = fs.readdirSync(path.join(repo, 'dist/js')).filter((f) => f.endsWith('.tgz'));
if (tarballs.length !== 1) fail(`expected one tarball in dist/js, found ${tarballs.length}`);

const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktn-consumer-'));
const tools = path.join(parent, 'tools');
const app = path.join(parent, 'admin-panel');
fs.mkdirSync(tools);
fs.mkdirSync(app);
console.log(`cdktn consumer app in ${app} (Node.js ${process.version})`);
const env = { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' };

function run(line, cwd = app) {
  try {
    return execSync(line, { cwd, stdio: ['ignore', 'pipe', 'inherit'], env, timeout: COMMAND_TIMEOUT_MS, shell: '/bin/bash' }).toString();
  } catch (error) {
    if (error.stdout) process.stdout.write(error.stdout.toString());
    fail(`\`${line}\` ${error.signal === 'SIGTERM' ? 'timed out' : `exited with status ${error.status}`}`);
  }
}

// The CLI the guide installs globally, here into a folder of its own.
console.log(`$ npm install --global ${CDKTN_CLI}   (into a temporary folder)`);
run(`npm install --no-audit --no-fund --loglevel=error --prefix ${JSON.stringify(tools)} ${CDKTN_CLI}`, tools);
const cdktn = path.join(tools, 'node_modules/.bin/cdktn');

let wroteFiles = false;
for (const command of commands) {
  console.log(`$ ${command}`);
  if (command.startsWith('sed ') && !wroteFiles) {
    // The guide says: create stack.ts and main.ts as in the README's quick start (and the test of
    // docs/testing.md as stack.test.ts), then switch their imports.
    for (const { file, code } of files) fs.writeFileSync(path.join(app, path.basename(file)), code);
    fs.writeFileSync(path.join(app, 'stack.test.ts'), guideTest[1]);
    wroteFiles = true;
  }
  if (command === 'cdktn synth') {
    // Type-check with the strict tsconfig.json that cdktn init wrote, before synthesizing.
    console.log('$ npx tsc --noEmit');
    run('npx tsc --noEmit');
  }
  const line = command
    .replace(/^cdktn /, `${JSON.stringify(cdktn)} `)
    .replace(/<path-to-the-source>\/(\S+)/, (_, rest) => JSON.stringify(path.join(repo, rest)))
    .replace(/^npm install /, 'npm install --no-audit --no-fund --loglevel=error ');
  // jest writes the first snapshot only outside CI, as on a developer's machine.
  const output = command.startsWith('npx jest') ? run(`env -u CI ${line}`) : run(line);
  if (command.startsWith('cdktn ')) process.stdout.write(output.split('\n').filter((l) => /Generated|error/i.test(l)).join('\n') + '\n');
}
if (!wroteFiles) fail('the recipe never switches the quick start\'s imports to cdktn');
if (!commands.includes('cdktn synth')) fail('the recipe never runs `cdktn synth`');

const checks = [];
const check = (what, ok, detail = '') => { checks.push(what); if (!ok) fail(`${what}${detail ? `: ${detail}` : ''}`); };
const oneCore = run('node -p "require(\'cdktf\') === require(\'cdktn\')"').trim();
check('cdktf and cdktn are one module (no second core)', oneCore === 'true');
const libraryCdktf = run('node -p "require.resolve(\'cdktf\', { paths: [require.resolve(\'cdktf-zero-trust-fargate\')] })"').trim();
check('the library resolves cdktf to the shim in vendor/', libraryCdktf === path.join(fs.realpathSync(app), 'vendor/cdktf/index.js'), libraryCdktf);
const lockfile = fs.readFileSync(path.join(app, 'package-lock.json'), 'utf8');
check('the lockfile names no path outside the project', ![repo, parent, 'file:..', 'file:/'].some((p) => lockfile.includes(p)));
check('no cdktf 0.21 core installed', !/"node_modules\/cdktf":\s*{\s*"version": "0\.21/.test(lockfile));

/** A document without cdktf's metadata (`//` keys: the stack's, and each block's construct path). */
const withoutMetadata = (value) => {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '//').map(([key, v]) => [key, withoutMetadata(v)]));
};
// The comparison: everything but cdktf's metadata and the local backend's absolute path.
const comparable = (file) => {
  const doc = withoutMetadata(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (doc.terraform?.backend?.local) doc.terraform.backend.local.path = '<project>/terraform.admin-panel.tfstate';
  return doc;
};
const stacksDir = path.join(app, 'cdktf.out/stacks');
const stacks = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : [];
check('cdktn synthesized the admin-panel stack', stacks.includes('admin-panel'), stacks.join(', '));
check('the testing guide\'s test passes in the cdktn app', fs.existsSync(path.join(app, '__snapshots__/stack.test.ts.snap')));
const viaCdktn = comparable(path.join(stacksDir, 'admin-panel/cdk.tf.json'));
const addresses = (doc) => Object.entries(doc.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)).sort();

/** Compares the cdktn app's stack with a cdktf one, block by block. */
function compare(name, viaCdktf) {
  const [mine, theirs] = [addresses(viaCdktn), addresses(viaCdktf)];
  check(`the same resource addresses as ${name}`, isDeepStrictEqual(mine, theirs),
    `only cdktn: ${mine.filter((a) => !theirs.includes(a)).join(', ')}; only cdktf: ${theirs.filter((a) => !mine.includes(a)).join(', ')}`);
  for (const block of ['resource', 'data', 'output', 'provider', 'locals', 'variable']) {
    check(`the same ${block} block as ${name}`, isDeepStrictEqual(viaCdktn[block], viaCdktf[block]));
  }
  check(`the same provider pins as ${name}`, isDeepStrictEqual(viaCdktn.terraform.required_providers, viaCdktf.terraform.required_providers));
}
// The quick start's stack as cdktf's Testing.synth writes it (no backend, no metadata), committed in this repository.
const snapshot = {};
new Function('exports', fs.readFileSync(path.join(repo, 'examples/quick-start/__snapshots__/stack.test.ts.snap'), 'utf8'))(snapshot);
const snapshotKey = Object.keys(snapshot).find((key) => key.startsWith('the synthesized stack matches the snapshot'));
if (!snapshotKey) fail('examples/quick-start/__snapshots__/stack.test.ts.snap has no snapshot of the synthesized stack');
compare('the cdktf quick start\'s committed snapshot', withoutMetadata(JSON.parse(snapshot[snapshotKey].trim().slice(1, -1))));
if (fs.existsSync(cdktfOutput)) {
  const viaCdktf = comparable(cdktfOutput);
  compare('the cdktf app of the consumer test', viaCdktf);
  check('the same backend block as the cdktf app (its path aside)', isDeepStrictEqual(viaCdktn.terraform, viaCdktf.terraform));
  check('nothing else in either document', isDeepStrictEqual(Object.keys(viaCdktn).sort(), Object.keys(viaCdktf).sort()));
} else {
  console.log(`(no ${path.relative(repo, cdktfOutput)}: compared with the committed snapshot only)`);
}

fs.rmSync(parent, { recursive: true, force: true });
console.log(`cdktn consumer test passed on Node.js ${process.version}: ${checks.length} checks, ${addresses(viaCdktn).length} resources identical to the cdktf quick start's`);
