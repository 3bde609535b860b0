// Consumer test: what a new user gets by following the README.
// In a new folder outside the repository, runs the Quick start's commands as
// written (`cdktf init`, the TypeScript pin, installing the packed library from
// dist/js and the providers), writes its main.ts, runs `cdktf synth` and checks
// the produced cdk.tf.json.
const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

function fail(message) {
  console.error(`consumer test failed: ${message}`);
  process.exit(1);
}

// The README's "Quick start" section: its shell commands and its main.ts.
function quickStart() {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Quick start'));
  if (!section) fail('README.md has no "## Quick start" section');
  const code = /```ts\n([\s\S]*?)```/.exec(section);
  if (!code) fail('the Quick start has no ```ts block');
  const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1].split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
  // Everything up to `cdktf synth`: deploying needs real accounts.
  const synth = commands.indexOf('cdktf synth');
  if (synth < 0) fail('the Quick start never runs `cdktf synth`');
  return { mainTs: code[1], commands: commands.slice(0, synth + 1) };
}

const tarballs = fs.readdirSync(path.join(repo, 'dist/js')).filter((f) => f.endsWith('.tgz'));
if (tarballs.length !== 1) fail(`expected one tarball in dist/js, found ${tarballs.length}: run the package task first`);
const tarball = path.join(repo, 'dist/js', tarballs[0]);

const { mainTs, commands } = quickStart();
// The providers the README installs are the library's peer dependency ranges.
for (const [name, range] of Object.entries(manifest.peerDependencies)) {
  if (['cdktf', 'constructs'].includes(name)) continue; // cdktf init installs them
  // Optional peers (the Docker provider of ContainerImage.fromDockerBuild) are left out on purpose:
  // the quick start synthesizes without them.
  if (manifest.peerDependenciesMeta?.[name]?.optional) continue;
  if (!commands.some((command) => command.includes(`${name}@${range}`))) fail(`the Quick start does not install ${name}@${range}`);
}
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
if (!readme.includes(`dist/js/${tarballs[0]}`)) fail(`README.md does not name the tarball the package task writes (dist/js/${tarballs[0]})`);

// The cdktf CLI the README asks for (cdktf-cli 0.21, installed globally) is this repository's dev dependency.
const cdktf = path.join(repo, 'node_modules/.bin/cdktf');
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-consumer-'));
const app = path.join(parent, 'admin-panel');
fs.mkdirSync(app);
console.log(`consumer app in ${app}`);
const env = { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' };

// The README's commands, in order, as a user types them in the new folder.
for (const command of commands) {
  if (!/^(cdktf|npm) /.test(command)) fail(`unexpected Quick start command before synth: ${command}`);
  const line = command
    .replace(/^cdktf /, `${JSON.stringify(cdktf)} `)
    .replace(/<path-to>\/\S+\.tgz/, JSON.stringify(tarball));
  console.log(`$ ${command}`);
  if (command === 'cdktf synth') {
    // The README replaces main.ts just before this step.
    fs.writeFileSync(path.join(app, 'main.ts'), mainTs);
  }
  execSync(`${line} ${command.startsWith('npm ') ? '--no-audit --no-fund --loglevel=error' : ''}`, { cwd: app, stdio: 'inherit', env });
}

const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/typescript/package.json'), 'utf8')).version;
if (!installed.startsWith('5.')) fail(`the Quick start left TypeScript ${installed} installed; ts-node needs 5.x`);

const stacksDir = path.join(app, 'cdktf.out/stacks');
const stacks = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : [];
if (stacks.length === 0) fail('the quick start synthesized no stack');
const doc = JSON.parse(fs.readFileSync(path.join(stacksDir, stacks[0], 'cdk.tf.json'), 'utf8'));
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

fs.rmSync(parent, { recursive: true, force: true });
console.log(`consumer test passed: ${checks.length} checks on stack "${stacks[0]}"`);
