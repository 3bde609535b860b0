// Consumer test: what a new user gets by following the README.
// In a new folder outside the repository, runs the Quick start's commands as
// written (`cdktf init`, the TypeScript pin, copying the packed library from
// dist/js into vendor/ and installing it from there with the providers), writes
// its stack.ts and main.ts, runs `cdktf synth` and checks the produced
// cdk.tf.json. Then it checks that the install can be shared (the project's
// package.json and lockfile name only paths inside the project), copies the
// test of docs/testing.md next to stack.ts and runs it with `npx jest`, as the
// guide says, and compares the snapshot it records with this repository's.
//
// Runs on the `node` found first on PATH (build-tools/node-versions.sh puts
// Node.js 22 or 24 there). Writes the synthesized cdk.tf.json to
// dist/consumer/cdktf-quick-start.cdk.tf.json for build-tools/consumer-test-cdktn.js.
const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
/** Longest any one command may take (npm installs on a cold cache included). */
const COMMAND_TIMEOUT_MS = 15 * 60 * 1000;

function fail(message) {
  console.error(`consumer test failed (Node.js ${process.version}): ${message}`);
  process.exit(1);
}

/** The `## ` section of the README whose heading starts with `heading`. */
function section(heading) {
  const found = readme.split(/^## /m).find((s) => s.startsWith(heading));
  if (!found) fail(`README.md has no "## ${heading}" section`);
  return found;
}

/** The shell lines of a Markdown text's ```sh blocks, without comments. */
function shellLines(text) {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1].split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

/** The ```ts blocks of a Markdown text with the file named in the `<!-- file: ... -->` line above each. */
function fileBlocks(text) {
  return [...text.matchAll(/^<!-- file: (\S+) -->\n```ts[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => ({ file: m[1], code: m[2] }));
}

// The README's "Quick start": its commands up to `cdktf synth` (deploying needs real accounts) and its files.
const quickStart = section('Quick start');
const allCommands = shellLines(quickStart);
const synthAt = allCommands.indexOf('cdktf synth');
if (synthAt < 0) fail('the Quick start never runs `cdktf synth`');
const commands = allCommands.slice(0, synthAt + 1);
const files = fileBlocks(quickStart);
if (files.map((f) => path.basename(f.file)).join(' ') !== 'stack.ts main.ts') {
  fail(`the Quick start should show stack.ts and then main.ts, found: ${files.map((f) => f.file).join(', ')}`);
}

// The test that docs/testing.md tells the user to save next to stack.ts.
const guide = fs.readFileSync(path.join(repo, 'docs/testing.md'), 'utf8');
const guideTest = fileBlocks(guide).find((block) => block.file === 'examples/quick-start/stack.test.ts');
if (!guideTest) fail('docs/testing.md does not show examples/quick-start/stack.test.ts');
if (!/save it as `stack\.test\.ts` next to/.test(guide) || !guide.includes('run `npx jest`')) {
  fail('docs/testing.md no longer tells the user to save the test as stack.test.ts next to stack.ts and run `npx jest`');
}

const tarballs = fs.readdirSync(path.join(repo, 'dist/js')).filter((f) => f.endsWith('.tgz'));
if (tarballs.length !== 1) fail(`expected one tarball in dist/js, found ${tarballs.length}: run the package task first`);
const tarball = tarballs[0];
if (!section('Install').includes(`dist/js/${tarball}`)) fail(`the README's Install does not name the tarball the package task writes (dist/js/${tarball})`);

// The providers the README installs are the library's peer dependency ranges.
for (const [name, range] of Object.entries(manifest.peerDependencies)) {
  if (['cdktf', 'constructs'].includes(name)) continue; // cdktf init installs them
  // Optional peers (the Docker provider of ContainerImage.fromDockerBuild) are left out on purpose:
  // the quick start synthesizes without them.
  if (manifest.peerDependenciesMeta?.[name]?.optional) continue;
  if (!commands.some((command) => command.includes(`${name}@${range}`))) fail(`the Quick start does not install ${name}@${range}`);
}

// The cdktf CLI the README asks for (cdktf-cli 0.21, installed globally) is this repository's dev dependency.
const cdktf = path.join(repo, 'node_modules/.bin/cdktf');
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-consumer-'));
const app = path.join(parent, 'admin-panel');
fs.mkdirSync(app);
console.log(`consumer app in ${app} (Node.js ${process.version})`);
const env = { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' };

function run(line, options = {}) {
  const started = Date.now();
  try {
    execSync(line, { cwd: app, stdio: 'inherit', env, timeout: COMMAND_TIMEOUT_MS, ...options });
  } catch (error) {
    fail(`\`${line}\` ${error.signal === 'SIGTERM' ? `timed out after ${COMMAND_TIMEOUT_MS / 60000} minutes` : `exited with status ${error.status}`}`);
  }
  return Date.now() - started;
}

// The README's commands, in order, as a user types them in the new folder.
let synthMs;
for (const command of commands) {
  if (!/^(cdktf|npm|mkdir|cp) /.test(command)) fail(`unexpected Quick start command before synth: ${command}`);
  if (command.startsWith('cp ') && !command.includes('<path-to-the-source>/')) fail(`the cp command does not start from <path-to-the-source>/: ${command}`);
  const line = command
    .replace(/^cdktf /, `${JSON.stringify(cdktf)} `)
    .replace(/<path-to-the-source>\/(\S+)/, (_, rest) => JSON.stringify(path.join(repo, rest)));
  console.log(`$ ${command}`);
  if (command === 'cdktf synth') {
    // The README creates stack.ts and replaces main.ts just before this step.
    for (const { file, code } of files) fs.writeFileSync(path.join(app, path.basename(file)), code);
  }
  const ms = run(`${line} ${command.startsWith('npm ') ? '--no-audit --no-fund --loglevel=error' : ''}`);
  if (command === 'cdktf synth') synthMs = ms;
}

const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/typescript/package.json'), 'utf8')).version;
if (!installed.startsWith('5.')) fail(`the Quick start left TypeScript ${installed} installed; ts-node needs 5.x`);

// A shareable install: the library comes from vendor/, and nothing points outside the project.
const appManifest = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
const spec = appManifest.dependencies?.['cdktf-zero-trust-fargate'];
if (spec !== `file:vendor/${tarball}`) fail(`package.json records the library as ${spec}, expected file:vendor/${tarball}`);
const lockfile = fs.readFileSync(path.join(app, 'package-lock.json'), 'utf8');
for (const outside of [repo, parent, 'file:..', 'file:/']) {
  if (lockfile.includes(outside)) fail(`package-lock.json names a path outside the project (${outside}): a teammate's clone could not install it`);
}
if (!lockfile.includes(`file:vendor/${tarball}`)) fail('package-lock.json does not install the library from vendor/');

const stacksDir = path.join(app, 'cdktf.out/stacks');
const stacks = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : [];
if (stacks.length === 0) fail('the quick start synthesized no stack');
const synthesizedFile = path.join(stacksDir, stacks[0], 'cdk.tf.json');
const doc = JSON.parse(fs.readFileSync(synthesizedFile, 'utf8'));
const resources = doc.resource ?? {};
const only = (type) => {
  const all = Object.values(resources[type] ?? {});
  if (all.length !== 1) fail(`expected one ${type}, found ${all.length}`);
  return all[0];
};

const checks = [];
const check = (what, ok) => { checks.push(what); if (!ok) fail(what); };
check('remotely managed tunnel', only('cloudflare_zero_trust_tunnel_cloudflared').config_src === 'cloudflare');
check('proxied CNAME to the tunnel', only('cloudflare_dns_record').proxied === true && only('cloudflare_dns_record').type === 'CNAME');
check('Access application in front of the hostname', only('cloudflare_zero_trust_access_application').type === 'self_hosted');
check('at least one reusable Access policy', Object.keys(resources.cloudflare_zero_trust_access_policy ?? {}).length >= 1);
check('tunnel credential in an SSM SecureString', only('aws_ssm_parameter').type === 'SecureString');
// container_definitions is JSON text or a jsonencode() expression: either way it names the image.
const containers = JSON.stringify(only('aws_ecs_task_definition').container_definitions);
check('task definition runs the cloudflared sidecar', containers.includes('cloudflare/cloudflared:'));
check('ECS service without a public IP', only('aws_ecs_service').network_configuration.assign_public_ip === false);
// Fail closed: the origin checks Access tokens, and no route exists before Access does.
const ingress = only('cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0];
check('cloudflared requires the Access token of the application',
  ingress.origin_request?.access?.required === true && String(ingress.origin_request.access.aud_tag).includes('cloudflare_zero_trust_access_application.'));
const guards = ['cloudflare_zero_trust_access_application', 'cloudflare_zero_trust_access_policy']
  .flatMap((type) => Object.keys(resources[type] ?? {}).map((id) => `${type}.${id}`));
const waitsForAccess = (resource) => guards.every((guard) => (resource.depends_on ?? []).includes(guard));
check('ingress configuration and DNS record wait for the Access application and policies',
  waitsForAccess(only('cloudflare_zero_trust_tunnel_cloudflared_config')) && waitsForAccess(only('cloudflare_dns_record')));
check('readable outputs: url and tunnel_id', doc.output?.url?.value === 'https://admin.example.com' && doc.output?.tunnel_id !== undefined);
check('tunnel credential encrypted with a KMS key of its own',
  only('aws_ssm_parameter').key_id === `\${aws_kms_key.${Object.keys(resources.aws_kms_key ?? {})[0]}.arn}`);

// A teammate's clone: the project's files as git holds them (vendor/ committed; node_modules and
// cdktf.out ignored), somewhere else, installed with plain `npm install` from the lockfile.
const teammate = path.join(parent, 'teammate-clone');
fs.mkdirSync(teammate);
for (const entry of ['package.json', 'package-lock.json', 'vendor', 'stack.ts', 'main.ts', 'cdktf.json', 'tsconfig.json']) {
  fs.cpSync(path.join(app, entry), path.join(teammate, entry), { recursive: true });
}
console.log('$ npm install   (in a teammate\'s clone of the project, elsewhere)');
run('npm install --no-audit --no-fund --loglevel=error', { cwd: teammate });
check('a teammate\'s clone installs the library from the lockfile', (() => {
  try {
    execSync('node -e "require(\'cdktf-zero-trust-fargate\')"', { cwd: teammate, stdio: 'inherit', env });
    return true;
  } catch {
    return false;
  }
})());

// docs/testing.md: save the test next to stack.ts and run `npx jest`; the first run records the snapshot.
// A developer's shell, not CI: with CI set, jest refuses to write a new snapshot.
console.log('$ npx jest   (with the test of docs/testing.md saved as stack.test.ts)');
fs.writeFileSync(path.join(app, 'stack.test.ts'), guideTest.code);
const developer = { ...env };
delete developer.CI;
run('npx jest', { env: developer });
const snapshotFile = path.join(app, '__snapshots__/stack.test.ts.snap');
if (!fs.existsSync(snapshotFile)) fail('npx jest recorded no snapshot in __snapshots__/stack.test.ts.snap');
checks.push('the testing guide\'s test passes in the quick-start project');
// The packed library synthesizes what the source does: the recorded snapshot equals the repository's.
const loadSnapshot = (file) => {
  const snapshot = {};
  new Function('exports', fs.readFileSync(file, 'utf8'))(snapshot);
  return snapshot;
};
const recorded = loadSnapshot(snapshotFile);
const committed = loadSnapshot(path.join(repo, 'examples/quick-start/__snapshots__/stack.test.ts.snap'));
check('the snapshot recorded in the quick-start project equals examples/quick-start/__snapshots__/stack.test.ts.snap',
  JSON.stringify(recorded) === JSON.stringify(committed));
// A second run (as CI runs it) compares with the recorded snapshot instead of writing one.
console.log('$ npx jest --ci');
run('npx jest --ci');

const out = path.join(repo, 'dist/consumer');
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(synthesizedFile, path.join(out, 'cdktf-quick-start.cdk.tf.json'));
fs.rmSync(parent, { recursive: true, force: true });
console.log(`consumer test passed on Node.js ${process.version}: ${checks.length} checks on stack "${stacks[0]}" (cdktf synth took ${(synthMs / 1000).toFixed(1)} s)`);
