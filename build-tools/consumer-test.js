// Consumer test: what a new user gets from npm.
// Installs the packed library (dist/js/*.tgz) into a brand-new cdktf app in a
// temporary folder outside the repository, with cdktf and the providers
// installed as a user would, synthesizes the README's quick start there and
// checks the produced cdk.tf.json.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

function fail(message) {
  console.error(`consumer test failed: ${message}`);
  process.exit(1);
}

// The first TypeScript block of the README's "Quick start" section.
function quickStart() {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Quick start'));
  const code = section && /```ts\n([\s\S]*?)```/.exec(section);
  if (!code) fail('README.md has no ```ts block in a "## Quick start" section');
  return code[1];
}

const tarballs = fs.readdirSync(path.join(repo, 'dist/js')).filter((f) => f.endsWith('.tgz'));
if (tarballs.length !== 1) fail(`expected one tarball in dist/js, found ${tarballs.length}: run the package task first`);
const tarball = path.join(repo, 'dist/js', tarballs[0]);

// Versions a user would install: the library's peer ranges, and the same
// TypeScript tooling the repository uses.
const dependencies = { [manifest.name]: `file:${tarball}` };
for (const name of Object.keys(manifest.peerDependencies)) dependencies[name] = manifest.peerDependencies[name];
const devDependencies = {};
for (const name of ['typescript', 'ts-node', '@types/node']) devDependencies[name] = manifest.devDependencies[name];

const app = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-consumer-'));
console.log(`consumer app in ${app}`);
fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, dependencies, devDependencies }, null, 2));
fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts', output: 'cdktf.out' }, null, 2));
fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: true, types: ['node'] },
  include: ['main.ts'],
}, null, 2));
fs.writeFileSync(path.join(app, 'main.ts'), quickStart());

const run = (cmd, args) => execFileSync(cmd, args, { cwd: app, stdio: 'inherit', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
// ts-node type-checks main.ts against the installed package's typings, then
// runs it: the same command `cdktf synth` runs from cdktf.json.
run('npx', ['ts-node', 'main.ts']);

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
check('tunnel credential encrypted with a KMS key of its own',
  only('aws_ssm_parameter').key_id === `\${aws_kms_key.${Object.keys(resources.aws_kms_key ?? {})[0]}.arn}`);

fs.rmSync(app, { recursive: true, force: true });
console.log(`consumer test passed: ${checks.length} checks on stack "${stacks[0]}"`);
