// CONTRIBUTING.md's task table is how contributors learn what the build does: it must name only
// tasks that exist, list every task this project adds, and give the build's checks in the order
// the build runs them. Task descriptions (`npx projen --help`) must say what the task runs.
import { readFileSync } from 'fs';
import { join } from 'path';

const REPO = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
const tasks: Record<string, { description?: string; steps?: Array<{ spawn?: string; exec?: string }> }> = JSON.parse(read('.projen/tasks.json')).tasks;
const contributing = read('CONTRIBUTING.md');
const rows = [...contributing.matchAll(/^\| `npx projen ([\w:-]+)` \| (.*) \|$/gm)].map((m) => ({ task: m[1], text: m[2] }));
const added = [...read('.projenrc.ts').matchAll(/addTask\('([\w:-]+)'/g)].map((m) => m[1]);

test('the table has rows', () => {
  expect(rows.length).toBeGreaterThan(5);
});

test.each(rows.map((row) => [row.task]))('CONTRIBUTING.md names the task %s, which exists', (task) => {
  expect(Object.keys(tasks)).toContain(task);
});

test.each(added.map((task) => [task]))('the task %s that .projenrc.ts adds is in CONTRIBUTING.md and has a description', (task) => {
  expect(rows.map((row) => row.task)).toContain(task);
  expect(tasks[task].description ?? '').not.toBe('');
});

test('the build row lists the post-compile checks in the order the build runs them', () => {
  const build = rows.find((row) => row.task === 'build')!;
  const checks = tasks['post-compile'].steps!.map((step) => step.spawn!);
  const positions = checks.map((check) => build.text.indexOf(`\`${check}\``));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test('task descriptions match their scripts', () => {
  expect(tasks['codegen:check'].description).toMatch(/every public type/);
  expect(read('build-tools/check-codegen.js')).toMatch(/types/);
  expect(tasks.compat.steps).toEqual([{ exec: 'node build-tools/compat.js' }]);
  expect(tasks['test:consumer'].description).toMatch(/README/);
});
