// Run by test/determinism.test.ts in a fresh Node.js process:
//   node -r ts-node/register/transpile-only test/determinism/synth-child.ts [working directory]
// Moves to the working directory first (before loading cdktf or the library),
// then prints the synthesized fixtures as JSON on stdout.
const workingDirectory = process.argv[2];
if (workingDirectory !== undefined) {
  process.chdir(workingDirectory);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fullSynthAll, testingSynthAll } = require('./fixtures') as typeof import('./fixtures');

process.stdout.write(JSON.stringify({ cwd: process.cwd(), testing: testingSynthAll(), full: fullSynthAll() }));

export {};
