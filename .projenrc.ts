import { cdktf, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

// Provider packages this library builds on. They are peer dependencies so that
// the user's cdktf app and this library share one copy of each provider.
const providerPeerDeps = [
  '@cdktf/provider-aws@^21.22.1',
  '@cdktf/provider-cloudflare@^13.9.1',
  '@cdktf/provider-random@^12.0.1',
];

// Importing a provider package from its root loads every resource class of
// that provider (~13x synth time, ~10x memory); only deep paths are allowed.
const providerRootImportBan = {
  paths: ['@cdktf/provider-aws', '@cdktf/provider-cloudflare', '@cdktf/provider-random'].map((name) => ({
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

  cdktfVersion: '^0.21.0',
  constructsVersion: '^10.4.2',
  peerDeps: providerPeerDeps,
  devDeps: ['cdktf-cli@^0.21.0', 'ts-node@^10.9.2'],

  jestOptions: {
    // The test command must fail on a stale snapshot; `npx projen test:update`
    // is the separate task that rewrites them.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coverageReporters: ['text-summary', 'lcov'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'projenrc', '.projenrc.ts'],
    fileExtensions: ['.ts'],
  },

  githubOptions: { mergify: false },
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
});

project.eslint?.addRules({
  'no-restricted-imports': ['error', providerRootImportBan],
});

// ts-jest only transpiles: type-check tests and examples before jest runs.
project.testTask.prependExec('tsc --noEmit -p test/tsconfig.json', { name: 'type-check tests' });
project.testTask.prependExec('tsc --noEmit -p examples/tsconfig.json', { name: 'type-check examples' });

// The npm package carries lib/, .jsii, README, API.md and LICENSE only.
for (const pattern of ['/examples/', 'cdktf.out/', 'cdktf.json', '/.ci/', '/benchmark/', '/docs/', '.gen/', '*.tgz']) {
  project.addPackageIgnore(pattern);
}
project.gitignore.exclude('cdktf.out/', '.gen/', 'imports/', '*.tfstate', '*.tfstate.*', '.terraform/', '/benchmark/results/');

project.synth();
