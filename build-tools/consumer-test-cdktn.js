// Consumer test for CDK Terrain: follows docs/cdktn.md's "The recipe" literally
// in a new folder outside the repository (cdktn init, the cdktf shim and its
// npm override, the packed library from vendor/ and the providers, the README
// quick start's files with their imports switched to cdktn, cdktn synth), then
// checks that there is one core and compares the synthesized stack with the
// cdktf app's (dist/consumer/cdktf-quick-start.cdk.tf.json, written by
// build-tools/consumer-test.js, which must run first).
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
if (!fs.existsSync(cdktfOutput)) fail(`${path.relative(repo, cdktfOutput)} is missing: run build-tools/consumer-test.js first`);

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
    // The guide says: create stack.ts and main.ts as in the README's quick start, then switch their imports.
    for (const { file, code } of files) fs.writeFileSync(path.join(app, path.basename(file)), code);
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
  const output = run(line);
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

// The comparison: everything but cdktf's metadata and the local backend's absolute path.
const comparable = (file) => {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete doc['//'];
  if (doc.terraform?.backend?.local) doc.terraform.backend.local.path = '<project>/terraform.admin-panel.tfstate';
  return doc;
};
const stacksDir = path.join(app, 'cdktf.out/stacks');
const stacks = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : [];
check('cdktn synthesized the admin-panel stack', stacks.includes('admin-panel'), stacks.join(', '));
const viaCdktn = comparable(path.join(stacksDir, 'admin-panel/cdk.tf.json'));
const viaCdktf = comparable(cdktfOutput);
const addresses = (doc) => Object.entries(doc.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)).sort();
check('the same resource addresses as the cdktf app', isDeepStrictEqual(addresses(viaCdktn), addresses(viaCdktf)),
  `only cdktn: ${addresses(viaCdktn).filter((a) => !addresses(viaCdktf).includes(a)).join(', ')}; only cdktf: ${addresses(viaCdktf).filter((a) => !addresses(viaCdktn).includes(a)).join(', ')}`);
for (const block of ['resource', 'data', 'output', 'provider', 'locals', 'variable', 'terraform']) {
  check(`the same ${block} block as the cdktf app`, isDeepStrictEqual(viaCdktn[block], viaCdktf[block]));
}
check('nothing else in either document', isDeepStrictEqual(Object.keys(viaCdktn).sort(), Object.keys(viaCdktf).sort()));

fs.rmSync(parent, { recursive: true, force: true });
console.log(`cdktn consumer test passed on Node.js ${process.version}: ${checks.length} checks, ${addresses(viaCdktn).length} resources identical to the cdktf app's`);
