// Type-checks the examples and the tests (ts-jest only transpiles them) with two tsc runs at once:
// their compiler options differ (examples/tsconfig.json is a user's, test/tsconfig.json sets
// isolatedModules), so they are two programs, and each is single-threaded.
// Prints each run's output when it ends; fails when either fails.
const { spawn } = require('child_process');
const path = require('path');

const tsc = require.resolve('typescript/bin/tsc');
const projects = ['examples/tsconfig.json', 'test/tsconfig.json'];

Promise.all(projects.map((project) => new Promise((resolve) => {
  const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: path.resolve(__dirname, '..') });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  child.on('close', (code) => {
    process.stdout.write(`tsc --noEmit -p ${project}: ${code === 0 ? 'ok' : 'failed'}\n${output}`);
    resolve(code === 0);
  });
}))).then((results) => {
  process.exitCode = results.every(Boolean) ? 0 : 1;
});
