// Builds a CDK Terrain (cdktn) edition of the library from src/, as docs/cdktn.md
// ("A cdktn edition of the library") describes, and proves it works:
//
//   node build-tools/cdktn-edition.js [out-dir]      (default: dist/cdktn-edition)
//
// 1. copies src/ and rewrites its imports: cdktf -> cdktn, @cdktf/provider-aws ->
//    @cdktn/provider-aws, @cdktf/provider-random -> @cdktn/provider-random, and
//    @cdktf/provider-cloudflare -> $CLOUDFLARE_PROVIDER (default: the frozen
//    @cdktf/provider-cloudflare, re-pointed at cdktn with the shim of docs/cdktn.md,
//    until a @cdktn/provider-cloudflare can be installed);
// 2. installs cdktn and those providers, and compiles the sources with the
//    library's strict compiler options (tsconfig.json);
// 3. synthesizes the README quick start's stack (its imports rewritten the same
//    way) with the compiled edition, and compares it with the cdktf quick start's
//    committed snapshot: the same resources at the same addresses with the same
//    values; only the provider pins differ (the edition's providers are newer).
//
// Needs Node.js 22 or newer. Prints what is left for a release at the end.
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');

const repo = path.resolve(__dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(repo, 'dist/cdktn-edition'));
const CLOUDFLARE_PROVIDER = process.env.CLOUDFLARE_PROVIDER ?? '@cdktf/provider-cloudflare';
const VERSIONS = {
  'cdktn': '0.24.0',
  'constructs': '10.6.0',
  '@cdktn/provider-aws': '25.7.0',
  '@cdktn/provider-random': '15.0.1',
  '@cdktf/provider-cloudflare': '13.9.1',
  'typescript': '~5.9.3',
  '@types/node': '^22',
};
const COMMAND_TIMEOUT_MS = 20 * 60 * 1000;

function fail(message) {
  console.error(`cdktn edition failed (Node.js ${process.version}): ${message}`);
  process.exit(1);
}
if (Number(process.versions.node.split('.')[0]) < 22) fail('cdktn 0.24 needs Node.js 22 or newer');

function run(line, cwd = out) {
  try {
    execSync(line, { cwd, stdio: 'inherit', timeout: COMMAND_TIMEOUT_MS, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  } catch (error) {
    fail(`\`${line}\` ${error.signal === 'SIGTERM' ? 'timed out' : `exited with status ${error.status}`}`);
  }
}

/** The import rewrites that make cdktf code cdktn code. */
function toCdktn(code) {
  return code
    .replace(/(from |import |require\()'cdktf'/g, "$1'cdktn'")
    .replace(/'cdktf\/lib\//g, "'cdktn/lib/")
    .replace(/'@cdktf\/provider-aws(\/|')/g, "'@cdktn/provider-aws$1")
    .replace(/'@cdktf\/provider-random(\/|')/g, "'@cdktn/provider-random$1")
    .replace(/'@cdktf\/provider-cloudflare(\/|')/g, `'${CLOUDFLARE_PROVIDER}$1`);
}

function copyTree(from, to, transform) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) copyTree(source, target, transform);
    else if (entry.name.endsWith('.ts')) fs.writeFileSync(target, transform(fs.readFileSync(source, 'utf8')));
  }
}

// 1. The sources, rewritten.
fs.rmSync(out, { recursive: true, force: true });
copyTree(path.join(repo, 'src'), path.join(out, 'src'), toCdktn);
const leftovers = execSync(`grep -rlE "from '(cdktf|@cdktf/provider-(aws|random))['/]" src || true`, { cwd: out }).toString().trim();
if (leftovers) fail(`imports left on cdktf after the rewrite: ${leftovers}`);
console.log(`cdktn edition: sources in ${out}/src, imports rewritten (Cloudflare provider: ${CLOUDFLARE_PROVIDER})`);

// 2. Dependencies: cdktn and its providers; the frozen Cloudflare provider reaches cdktn through the shim.
const manifest = {
  name: 'cdktn-zero-trust-fargate',
  version: '0.0.0',
  private: true,
  description: 'The cdktn edition of cdktf-zero-trust-fargate, built by build-tools/cdktn-edition.js',
  dependencies: Object.fromEntries(Object.entries(VERSIONS).filter(([name]) => !['typescript', '@types/node'].includes(name))),
  devDependencies: { 'typescript': VERSIONS.typescript, '@types/node': VERSIONS['@types/node'] },
};
if (CLOUDFLARE_PROVIDER === '@cdktf/provider-cloudflare') {
  const shim = path.join(out, 'vendor/cdktf');
  fs.mkdirSync(shim, { recursive: true });
  fs.writeFileSync(path.join(shim, 'index.js'), "module.exports = require('cdktn');\n");
  fs.writeFileSync(path.join(shim, 'index.d.ts'), "export * from 'cdktn';\n");
  fs.writeFileSync(path.join(shim, 'package.json'), JSON.stringify({ name: 'cdktf', version: '0.21.0', main: 'index.js', types: 'index.d.ts', peerDependencies: { cdktn: '^0.24.0' } }, null, 2));
  manifest.dependencies.cdktf = 'file:vendor/cdktf';
  manifest.overrides = { cdktf: '$cdktf' };
} else {
  delete manifest.dependencies['@cdktf/provider-cloudflare'];
  manifest.dependencies[CLOUDFLARE_PROVIDER] = process.env.CLOUDFLARE_PROVIDER_VERSION ?? 'latest';
}
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log('$ npm install');
run('npm install --no-audit --no-fund --loglevel=error');

// The library's compiler options (jsii writes tsconfig.json), for src/ and the quick start.
const options = JSON.parse(fs.readFileSync(path.join(repo, 'tsconfig.json'), 'utf8')).compilerOptions;
const compilerOptions = { ...options, rootDir: '.', outDir: 'lib', types: ['node'], declaration: true, paths: { 'cdktf-zero-trust-fargate': ['./src/index.ts'] } };
delete compilerOptions.stripInternal;

// 3. The quick start, rewritten the same way, on the compiled edition.
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
const quickStart = readme.split(/^## /m).find((s) => s.startsWith('Quick start'));
for (const [, file, code] of quickStart.matchAll(/^<!-- file: (\S+) -->\n```ts[^\n]*\n([\s\S]*?)^```$/gm)) {
  fs.mkdirSync(path.join(out, 'quick-start'), { recursive: true });
  fs.writeFileSync(path.join(out, 'quick-start', path.basename(file)), toCdktn(code));
}
fs.writeFileSync(path.join(out, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src/**/*.ts', 'quick-start/**/*.ts'] }, null, 2));
console.log('$ tsc (the library\'s strict options)');
run('npx tsc -p tsconfig.json');
// The compiled quick start imports the library by its package name: point that at the compiled edition.
fs.mkdirSync(path.join(out, 'node_modules/cdktf-zero-trust-fargate'), { recursive: true });
fs.writeFileSync(path.join(out, 'node_modules/cdktf-zero-trust-fargate/index.js'), "module.exports = require('../../lib/src/index.js');\n");
console.log('$ node lib/quick-start/main.js');
run('node ../lib/quick-start/main.js', path.join(out, 'quick-start'));

const withoutMetadata = (value) => {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '//').map(([key, v]) => [key, withoutMetadata(v)]));
};
const edition = withoutMetadata(JSON.parse(fs.readFileSync(path.join(out, 'quick-start/cdktf.out/stacks/admin-panel/cdk.tf.json'), 'utf8')));
const snapshot = {};
new Function('exports', fs.readFileSync(path.join(repo, 'examples/quick-start/__snapshots__/stack.test.ts.snap'), 'utf8'))(snapshot);
const key = Object.keys(snapshot).find((k) => k.startsWith('the synthesized stack matches the snapshot'));
const cdktf = withoutMetadata(JSON.parse(snapshot[key].trim().slice(1, -1)));

const addresses = (doc) => Object.entries(doc.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)).sort();
if (!isDeepStrictEqual(addresses(edition), addresses(cdktf))) fail('the edition\'s quick start has other resource addresses than the cdktf one');
const differing = addresses(cdktf).filter((address) => {
  const [type, id] = address.split('.');
  return !isDeepStrictEqual(edition.resource[type][id], cdktf.resource[type][id]);
});
if (differing.length > 0) fail(`resources whose values differ from the cdktf quick start's: ${differing.join(', ')}`);
for (const block of ['data', 'output', 'provider']) {
  if (!isDeepStrictEqual(edition[block], cdktf[block])) fail(`the ${block} block differs from the cdktf quick start's`);
}
const pins = (doc) => Object.fromEntries(Object.entries(doc.terraform.required_providers).map(([name, p]) => [name, p.version]));
console.log(`provider pins: cdktf ${JSON.stringify(pins(cdktf))}, cdktn edition ${JSON.stringify(pins(edition))}`);
console.log(`cdktn edition passed on Node.js ${process.version}: src compiled against cdktn ${VERSIONS.cdktn}, @cdktn/provider-aws ${VERSIONS['@cdktn/provider-aws']}, `
  + `@cdktn/provider-random ${VERSIONS['@cdktn/provider-random']} and ${CLOUDFLARE_PROVIDER}; the quick start's ${addresses(edition).length} resources `
  + 'are identical to the cdktf ones, provider pins aside');
console.log('Left for a release: a package name, a projen project on cdktn, snapshots re-recorded for the new provider pins, '
  + 'and the force-new attribute lists re-read at the new provider versions (docs/cdktn.md).');
