import * as fs from 'fs';
import { cdktf, javascript, JsonFile } from 'projen';
import { JobPermission } from 'projen/lib/github/workflows-model';
import { UpdateSnapshot } from 'projen/lib/javascript';

// Provider packages this library builds on. They are peer dependencies so that
// the user's cdktf app and this library share one copy of each provider.
const providerPeerDeps = [
  '@cdktf/provider-aws@^21.22.1',
  '@cdktf/provider-cloudflare@^13.9.1',
  '@cdktf/provider-random@^12.0.1',
];

// The Docker provider (kreuzwerker/docker 3.6.2) builds and pushes images for
// ContainerImage.fromDockerBuild() only. It is an optional peer dependency: the
// library loads it when that factory is called, so other users need not install it.
const optionalProviderPeerDeps = ['@cdktf/provider-docker@^12.0.3'];

// Importing a provider package from its root loads every resource class of
// that provider (~13x synth time, ~10x memory); only deep paths are allowed.
const providerRootImportBan = {
  paths: ['@cdktf/provider-aws', '@cdktf/provider-cloudflare', '@cdktf/provider-docker', '@cdktf/provider-random'].map((name) => ({
    name,
    message: `Import ${name} by deep path (e.g. ${name}/lib/<resource>); the package root loads every resource of the provider.`,
  })),
};

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-zero-trust-fargate',
  description:
    'CDK for Terraform constructs that run a private web app on ECS Fargate behind a Cloudflare Tunnel sidecar and Cloudflare Access: no inbound port, no VPN.',
  license: 'Apache-2.0',
  author: 'cdktf-zero-trust-fargate contributors',
  authorAddress: 'maintainers@cdktf-zero-trust-fargate.dev',
  repositoryUrl: 'https://github.com/cdktf-zero-trust-fargate/cdktf-zero-trust-fargate.git',
  keywords: ['cdktf', 'terraform', 'cloudflare', 'cloudflare-tunnel', 'zero-trust', 'ecs', 'fargate', 'aws'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',
  // Node.js 20 reached its end of life on 2026-04-30; cdktn-cli needs 22.19. The
  // consumer test, the examples' synth and the cdktn recipe run on 22 and 24 (test:node-versions).
  minNodeVersion: '22.0.0',
  // Hosted builds run on 22: the build's consumer test needs the cdktf CLI, which does not start on 24.
  workflowNodeVersion: '22.x',

  cdktfVersion: '^0.21.0',
  constructsVersion: '^10.4.2',
  peerDeps: [...providerPeerDeps, ...optionalProviderPeerDeps],
  devDeps: ['cdktf-cli@^0.21.0', 'ts-node@^10.9.2', 'jsii-docgen@^10.5.0', 'jest-environment-node@^30'],

  jestOptions: {
    // The test command must fail on a stale snapshot; `npx projen test:update`
    // is the separate task that rewrites them.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      // Each example has a test next to it, written the way a user tests their own stack.
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/examples/**/*.test.ts'],
      // The example tests import the library by its package name, as a user's test does;
      // in this repository that name is the source (examples/tsconfig.json maps it for tsc).
      moduleNameMapper: { '^cdktf-zero-trust-fargate$': '<rootDir>/src/index.ts' },
      coverageReporters: ['text-summary', 'lcov'],
      // Speed (CONTRIBUTING.md, "How long the build takes"). One worker per core: jest's default
      // leaves one core idle, and on 2 cores that ran the whole suite in one process.
      maxWorkers: '100%',
      // Collects garbage when a test file ends, so a worker's heap stays at one file's size.
      testEnvironment: '<rootDir>/test/environment.ts',
      // Coverage of the library only, by instrumenting src/ (cached with the transform): V8's
      // coverage counts every function of cdktf and the providers too and doubled the suite's time.
      coverageProvider: 'babel',
      collectCoverageFrom: ['<rootDir>/src/**/*.ts'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'benchmark', 'projenrc', '.projenrc.ts'],
    fileExtensions: ['.ts'],
  },

  // Every jsii language, with conventional package names. The build proves the
  // API translates by generating code for each (see `codegen:check`); the
  // release workflow builds and publishes them where the registries are reachable.
  publishToPypi: {
    distName: 'cdktf-zero-trust-fargate',
    module: 'cdktf_zero_trust_fargate',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdktf_zero_trust_fargate',
    mavenGroupId: 'io.github.cdktf-zero-trust-fargate',
    mavenArtifactId: 'cdktf-zero-trust-fargate',
  },
  publishToNuget: {
    dotNetNamespace: 'CdktfZeroTrustFargate',
    packageId: 'CdktfZeroTrustFargate',
  },
  publishToGo: {
    moduleName: 'github.com/cdktf-zero-trust-fargate/cdktf-zero-trust-fargate-go',
  },

  // API.md is written by `npx projen docgen` and committed; the build checks it.
  docgen: false,

  githubOptions: { mergify: false },
  release: true,
  releaseToNpm: true,
  depsUpgrade: false,
  pullRequestTemplate: false,
});

// `npx cdktf-zero-trust-fargate access-report <stack>`: who gets in, read from the synthesized JSON.
project.addBins({ 'cdktf-zero-trust-fargate': 'lib/cli.js' });

project.package.addField('peerDependenciesMeta', Object.fromEntries(
  optionalProviderPeerDeps.map((spec) => [spec.slice(0, spec.lastIndexOf('@')), { optional: true }]),
));

project.eslint?.addExtends('plugin:@typescript-eslint/recommended');
project.eslint?.addRules({
  'no-restricted-imports': ['error', providerRootImportBan],
  // A leading underscore marks a value left out on purpose (a destructured-away prop, a parameter kept for the signature).
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
  // jsii structs may extend one other struct and add nothing, to give a prop set its own name.
  '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
});
// Module boundaries: a module's `internal/` folder is private to it. Other modules use what the
// module's other files export, or the shared checks in `core/`. The rule resolves each import (static,
// dynamic, `export ... from`, `require`), so no spelling of the path gets around it.
const libraryModules = fs.readdirSync('src', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const boundaryMessage = "Another module's internal/ folder is private to it: import what that module's other files export, or move a shared check to core/.";
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  rules: {
    'import/no-restricted-paths': ['error', {
      zones: [
        ...libraryModules.map((name) => ({ target: `./src/!(${name})/**/*`, from: `./src/${name}/internal`, message: boundaryMessage })),
        { target: './src/*.ts', from: './src/*/internal/**/*', message: boundaryMessage },
      ],
    }],
  },
});
// Tests and examples feed ill-typed values on purpose (the input checks are what they test) and read
// synthesized JSON, whose shape is Terraform's: `any` is the honest type there.
project.eslint?.addOverride({
  files: ['test/**/*.ts', 'examples/**/*.ts', 'benchmark/**/*.ts'],
  rules: { '@typescript-eslint/no-explicit-any': 'off' },
});
// The example tests import the library by its package name (mapped to src/ by
// examples/tsconfig.json), ordered as a user's test orders it: after the other packages.
project.eslint?.file.addOverride('settings.import/resolver.typescript.project', ['./tsconfig.json', './examples/tsconfig.json']);
project.eslint?.file.addOverride('settings.import/resolver.typescript.noWarnOnMultipleProjects', true);
project.eslint?.addOverride({
  files: ['examples/**/*.ts'],
  rules: {
    'import/order': ['warn', {
      groups: ['builtin', 'external'],
      pathGroups: [{ pattern: 'cdktf-zero-trust-fargate', group: 'external', position: 'after' }],
      alphabetize: { order: 'asc', caseInsensitive: true },
    }],
  },
});

// The one task that rewrites snapshots, run by hand and reviewed before a commit.
const updateSnapshots = project.tasks.tryFind('test:update')!;
updateSnapshots.reset('jest -u --ci=false --passWithNoTests', { receiveArgs: true });

// ts-jest only transpiles (test/tsconfig.json sets isolatedModules): type-check tests and
// examples before jest runs, both at once (they have different compiler options).
project.testTask.prependExec('node build-tools/type-check.js', { name: 'type-check examples and tests' });

// Checks that need the compiled .jsii assembly run right after compilation, so
// the build (the README's test command) fails when docs drift from the API.
// The API reference: API.md (TypeScript, shipped in the npm package) and docs/api/<language>.md for
// TypeScript, Python, Java, C# and Go, all generated by jsii-docgen from the .jsii assembly.
project.addTask('docgen', {
  description: 'Regenerate the API reference (API.md and docs/api/<language>.md for each jsii language) from the .jsii assembly',
  exec: 'node build-tools/check-api-docs.js --write',
});
const docCommentsCheck = project.addTask('docgen:lint', {
  description: 'Fail when a doc comment of the public API does not teach: a construct or factory class without @example, an undocumented type, member or parameter, a summary cut short, or a raw {@link}',
  exec: 'node build-tools/check-doc-comments.js',
});
const docgenCheck = project.addTask('docgen:check', {
  description: 'Fail when the committed API.md or docs/api/<language>.md differ from the generated ones, or docs/api/README.md does not link each language',
  exec: 'node build-tools/check-api-docs.js',
});
const rosettaCheck = project.addTask('rosetta:check', {
  description: 'Compile every TypeScript snippet of the README and every @example of the API docs (strict)',
  exec: 'jsii-rosetta extract --strict .jsii',
});
const codegenCheck = project.addTask('codegen:check', {
  description: 'Generate Python, Java, .NET and Go code from the assembly and check every public type is declared in each',
  steps: [
    { exec: 'rm -rf dist/codegen' },
    { exec: 'jsii-pacmak --code-only --target python --target java --target dotnet --target go --outdir dist/codegen' },
    { exec: 'node build-tools/check-codegen.js dist/codegen' },
  ],
});
// rosetta:check runs before the checks that translate the @example snippets: it writes their
// translations to .jsii.tabl.json, which jsii-docgen and jsii-pacmak read instead of compiling
// every snippet again (docgen:check went from about 150 s of CPU time to 30 s).
project.postCompileTask.spawn(docCommentsCheck);
project.postCompileTask.spawn(rosettaCheck);
project.postCompileTask.spawn(docgenCheck);
project.postCompileTask.spawn(codegenCheck);

// jsii-diff passes quietly when the package was never published: the wrapper says so and fails.
const compat = project.tasks.tryFind('compat')!;
compat.reset('node build-tools/compat.js');
compat.description = 'Compare the API with the last version published on npm (jsii-diff); fails, saying why, while nothing is published';

// Other languages are packaged by the release workflow, which has their
// toolchains and registries; a local or CI build packages JavaScript only.
const packageJs = project.tasks.tryFind('package:js')!;
project.packageTask.reset();
project.packageTask.spawn(packageJs);

// Every release note lists the changes to the synthesized output, per resource
// type: the bump step appends the "Unreleased" section of docs/output-changes.md
// (kept complete by test/change-safety/output-changes.test.ts) to dist/changelog.md.
project.tasks.tryFind('bump')!.exec('node build-tools/output-changes.js');

// A new user's view: install the packed library into a brand-new cdktf app and
// synthesize the README's quick start.
const consumerTest = project.addTask('test:consumer', {
  description: 'Follow the README quick start outside the repo: cdktf init, the TypeScript pin, the packed library and providers, its main.ts, cdktf synth; then check the stack',
  exec: 'node build-tools/consumer-test.js',
});
project.packageTask.spawn(consumerTest); // the build is locked; packaging is its last step

// docs/cdktn.md's recipe, followed literally, compared with the cdktf quick start. cdktn-cli
// needs Node.js 22.19 or newer, so it runs in test:node-versions, not in the build.
project.addTask('test:consumer:cdktn', {
  description: 'Follow docs/cdktn.md outside the repo on Node.js 22.19+: cdktn init, the cdktf shim and its override, the packed library, the README quick start and the testing guide with cdktn imports, cdktn synth, jest; compare with the cdktf quick start',
  exec: 'node build-tools/consumer-test-cdktn.js',
});
// The supported Node.js versions: the consumer test on 22 (cdktf-cli 0.21 does not start on 24),
// the examples' synth and the cdktn recipe on 22 and 24, installing a missing runtime from the npm registry. `bash .ci/run` runs it
// after the build; the node-versions workflow runs it on hosted CI.
project.addTask('test:node-versions', {
  description: 'Run the consumer test (22), the examples\' synth and the cdktn recipe (22 and 24) on the supported Node.js versions; installs a missing Node.js from the npm registry (needs package:js first)',
  exec: 'bash build-tools/node-versions.sh',
  receiveArgs: true,
});
// A cdktn edition of the library, one command away (docs/cdktn.md): src/ with its imports pointed at
// cdktn and the @cdktn providers, compiled, and the quick start synthesized and compared with cdktf's.
project.addTask('cdktn:edition', {
  description: 'Build the cdktn edition into dist/cdktn-edition (Node.js 22+): src/ with imports rewritten to cdktn and @cdktn providers, compiled strictly, the quick start synthesized and compared with the cdktf snapshot',
  exec: 'node build-tools/cdktn-edition.js',
});
const nodeVersions = project.github!.addWorkflow('node-versions');
nodeVersions.on({ pullRequest: {}, workflowDispatch: {}, push: { branches: ['main'] } });
nodeVersions.addJobs({
  'node-versions': {
    name: 'consumer test and examples on Node.js ${{ matrix.node }}',
    runsOn: ['ubuntu-latest'],
    permissions: { contents: JobPermission.READ },
    timeoutMinutes: 45,
    strategy: { failFast: false, matrix: { domain: { node: ['22', '24'] } } },
    env: { CHECKPOINT_DISABLE: '1' },
    steps: [
      { name: 'Checkout', uses: 'actions/checkout@v4' },
      { name: 'Set up Node.js', uses: 'actions/setup-node@v4', with: { 'node-version': '${{ matrix.node }}.x', 'cache': 'npm' } },
      { name: 'Install dependencies', run: 'npm install' },
      { name: 'Compile and pack the library', run: 'npx projen compile && npx projen package:js' },
      { name: 'Consumer test, examples\' synth and the cdktn recipe', run: 'npx projen test:node-versions ${{ matrix.node }}' },
    ],
  },
});

// Validation of the synthesized examples against the real providers. It needs
// the Terraform registry and a scanner, so it runs on the hosting service only.
const validateExamples = project.github!.addWorkflow('validate-examples');
validateExamples.on({ pullRequest: {}, workflowDispatch: {}, push: { branches: ['main'] } });
validateExamples.addJobs({
  validate: {
    name: 'terraform validate and security scan of the examples',
    runsOn: ['ubuntu-latest'],
    permissions: { contents: JobPermission.READ },
    env: { CHECKPOINT_DISABLE: '1' },
    steps: [
      { name: 'Checkout', uses: 'actions/checkout@v4' },
      { name: 'Set up Node.js', uses: 'actions/setup-node@v4', with: { 'node-version': '22.x' } },
      { name: 'Set up Terraform', uses: 'hashicorp/setup-terraform@v3', with: { terraform_version: '1.9.8', terraform_wrapper: false } },
      { name: 'Install dependencies', run: 'npm install' },
      { name: 'Synthesize the examples', run: 'npx cdktf synth' },
      {
        name: 'terraform init and validate each stack',
        run: [
          'set -euo pipefail',
          'for dir in cdktf.out/stacks/*/; do',
          '  echo "::group::$dir"',
          '  terraform -chdir="$dir" init -backend=false -input=false',
          '  terraform -chdir="$dir" validate',
          '  echo "::endgroup::"',
          'done',
        ].join('\n'),
      },
      {
        name: 'Security scan (Checkov)',
        uses: 'bridgecrewio/checkov-action@v12',
        with: { directory: 'cdktf.out/stacks', framework: 'terraform', config_file: '.checkov.yaml', output_format: 'cli' },
      },
    ],
  },
});

// Scheduled pin updates: Renovate opens a pull request when a newer cloudflared or CloudWatch agent
// image is published; the pins live in src/core/versions.ts (test/renovate.test.ts checks the regexes
// still find them). Only these pins: npm dependencies are upgraded by hand.
new JsonFile(project, 'renovate.json', {
  obj: {
    $schema: 'https://docs.renovatebot.com/renovate-schema.json',
    extends: ['config:recommended'],
    enabledManagers: ['custom.regex'],
    schedule: ['before 6am on monday'],
    timezone: 'Etc/UTC',
    labels: ['pinned-image'],
    customManagers: [
      {
        customType: 'regex',
        description: 'cloudflared sidecar image pinned in PinnedVersions.CLOUDFLARED',
        fileMatch: ['^src/core/versions\\.ts$'],
        matchStrings: ["CLOUDFLARED = '(?<currentValue>\\d{4}\\.\\d{1,2}\\.\\d+)'"],
        datasourceTemplate: 'docker',
        depNameTemplate: 'cloudflare/cloudflared',
        versioningTemplate: 'regex:^(?<major>\\d{4})\\.(?<minor>\\d{1,2})\\.(?<patch>\\d+)$',
      },
      {
        customType: 'regex',
        description: 'CloudWatch agent image pinned in PinnedVersions.CLOUDWATCH_AGENT',
        fileMatch: ['^src/core/versions\\.ts$'],
        matchStrings: ["CLOUDWATCH_AGENT = '(?<currentValue>[0-9][0-9a-z.]*)'"],
        datasourceTemplate: 'docker',
        depNameTemplate: 'public.ecr.aws/cloudwatch-agent/cloudwatch-agent',
        versioningTemplate: 'loose',
      },
    ],
  },
  marker: false,
  committed: true,
});

// How long the build takes, step by step (CONTRIBUTING.md states the figures it measured).
project.addTask('measure', {
  description: 'Time each step of the build (jsii, the post-compile checks, type-check, jest, eslint, package:js, test:consumer): wall time, CPU time, peak memory, load average; `npx projen measure jest` times one step',
  exec: 'bash build-tools/measure-build.sh',
  receiveArgs: true,
});

// Synth cost benchmark (not part of the test command: timings are not tests).
project.addTask('benchmark', {
  description: 'Measure synth wall time and peak memory of the library against hand-written cdktf; fails over budget',
  steps: [
    { exec: 'rm -rf benchmark/.build && tsc -p benchmark/tsconfig.json' },
    { exec: 'node benchmark/.build/benchmark/run.js' },
  ],
});

// The npm package carries lib/, .jsii, README, API.md and LICENSE only.
for (const pattern of ['/examples/', 'cdktf.out/', 'cdktf.json', '/.ci/', '/.checkov.yaml', '/benchmark/', '/docs/', '/build-tools/', '.gen/', '*.tgz', '.jsii.tabl.json', 'CONTRIBUTING.md', '/renovate.json']) {
  project.addPackageIgnore(pattern);
}
// projen's Node template ignores any `logs` folder; the log group construct lives in one.
project.gitignore.include('/src/logs/', '/test/logs/');
project.gitignore.exclude('.jsii.tabl.json', 'cdktf.out/', '.gen/', 'imports/', '*.tfstate', '*.tfstate.*', '.terraform/', '/benchmark/results/', '/benchmark/.build/');

project.synth();
