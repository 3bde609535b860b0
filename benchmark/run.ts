// Synth cost benchmark: what the library costs over hand-written cdktf.
//
// Runs every program below several times in fresh Node processes, takes the
// median wall time (measured here, around the whole process) and the median
// peak memory (reported by the process), prints a table and the ratios, and
// exits non-zero when a budget is exceeded.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const programs = path.join(__dirname, 'programs');

/** Budgets enforced by the exit status. */
const BUDGET = {
  /** (a)/(b): the Flask example through the library over the hand-written floor. */
  libraryOverFloor: 1.25,
  /** 50 services over 1 service, in wall time. */
  fiftyOverOne: 10,
};

interface Measurement {
  readonly label: string;
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly extra: Record<string, unknown>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Program {
  readonly label: string;
  readonly program: string;
  readonly args?: string[];
}

/** One fresh process: wall time measured here, peak memory and extra figures reported by the program. */
function runOnce({ label, program, args = [] }: Program): { wallMs: number; result: Record<string, any> } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(programs, `${program}.js`), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`${label} failed (exit ${child.status}):\n${child.stderr}`);
  }
  const lines = child.stdout.trim().split('\n');
  return { wallMs, result: JSON.parse(lines[lines.length - 1]) };
}

/**
 * Runs the programs round-robin (each once per round) so that a change in the
 * machine's load hits all of them alike, then takes the medians.
 */
function measureAll<K extends string>(list: Record<K, Program>): Record<K, Measurement> {
  const keys = Object.keys(list) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, { walls: [] as number[], rss: [] as number[], extra: {} as Record<string, unknown> }]));
  for (let round = 0; round < RUNS; round++) {
    for (const key of keys) {
      const { wallMs, result } = runOnce(list[key]);
      const { peakRssKb, ...extra } = result;
      samples[key].walls.push(wallMs);
      samples[key].rss.push(peakRssKb / 1024);
      samples[key].extra = extra;
    }
  }
  return Object.fromEntries(keys.map((k) => [k, {
    label: list[k].label,
    wallMs: median(samples[k].walls),
    peakRssMb: median(samples[k].rss),
    extra: samples[k].extra,
  }])) as Record<K, Measurement>;
}

const results = measureAll({
  node: { label: 'node start-up only', program: 'baseline' },
  importOnly: { label: 'import the library', program: 'import-only' },
  floor: { label: '(b) Flask, hand-written cdktf (floor)', program: 'flask-floor' },
  library: { label: '(a) Flask example via the library', program: 'flask-library' },
  services1: { label: '(c) 1 service', program: 'services', args: ['1'] },
  services10: { label: '(c) 10 services', program: 'services', args: ['10'] },
  services50: { label: '(c) 50 services', program: 'services', args: ['50'] },
});

const rows = Object.values(results).map((m) =>
  `| ${m.label} | ${m.wallMs.toFixed(0)} | ${m.peakRssMb.toFixed(0)} |`);
console.log(`\nMedians of ${RUNS} rounds; each round runs every program once, in a fresh Node.js process.\n`);
console.log('| program | wall time (ms) | peak memory (MiB) |\n| --- | ---: | ---: |');
console.log(rows.join('\n'));

const wallRatio = results.library.wallMs / results.floor.wallMs;
const memRatio = results.library.peakRssMb / results.floor.peakRssMb;
const fiftyOverOne = results.services50.wallMs / results.services1.wallMs;
const marginalMs = (results.services50.wallMs - results.services1.wallMs) / 49;
const marginalMb = (results.services50.peakRssMb - results.services1.peakRssMb) / 49;
interface ImportFigures {
  readonly rootIndexesLoaded: string[];
  readonly resourceModulesNotImportedByTheLibrary: string[];
  readonly resourceModulesImportedByTheLibrary: number;
  readonly awsResourcesLoaded: number;
  readonly awsResourcesAvailable: number;
  readonly cloudflareResourcesLoaded: number;
  readonly cloudflareResourcesAvailable: number;
}
const lazy = results.importOnly.extra as unknown as ImportFigures;

console.log('');
console.log(`(a)/(b) wall time:     ${wallRatio.toFixed(3)} (budget <= ${BUDGET.libraryOverFloor})`);
console.log(`(a)/(b) peak memory:   ${memRatio.toFixed(3)} (budget <= ${BUDGET.libraryOverFloor})`);
console.log(`50 services / 1:       ${fiftyOverOne.toFixed(2)}x wall time (budget < ${BUDGET.fiftyOverOne}x)`);
console.log(`marginal cost/service: ${marginalMs.toFixed(1)} ms, ${marginalMb.toFixed(2)} MiB`);
console.log(`import loads:          ${lazy.awsResourcesLoaded} of ${lazy.awsResourcesAvailable} AWS resource modules, ` +
  `${lazy.cloudflareResourcesLoaded} of ${lazy.cloudflareResourcesAvailable} Cloudflare ones; provider root indexes: ${lazy.rootIndexesLoaded.length === 0 ? 'none' : lazy.rootIndexesLoaded.join(', ')}; `
  + `modules the library does not import: ${lazy.resourceModulesNotImportedByTheLibrary.length === 0 ? 'none' : lazy.resourceModulesNotImportedByTheLibrary.join(', ')}`);

const failures: string[] = [];
if (wallRatio > BUDGET.libraryOverFloor) failures.push(`(a)/(b) wall time ${wallRatio.toFixed(3)} > ${BUDGET.libraryOverFloor}`);
if (memRatio > BUDGET.libraryOverFloor) failures.push(`(a)/(b) peak memory ${memRatio.toFixed(3)} > ${BUDGET.libraryOverFloor}`);
if (fiftyOverOne >= BUDGET.fiftyOverOne) failures.push(`50 services take ${fiftyOverOne.toFixed(2)}x the time of 1 (budget < ${BUDGET.fiftyOverOne}x)`);
if (lazy.rootIndexesLoaded.length > 0) failures.push(`importing the library loads provider root(s): ${lazy.rootIndexesLoaded.join(', ')}`);
// Importing loads exactly the resource modules the library imports by deep path, nothing else.
if (lazy.resourceModulesNotImportedByTheLibrary.length > 0) {
  failures.push(`importing the library loads provider modules it does not import: ${lazy.resourceModulesNotImportedByTheLibrary.join(', ')}`);
}

const resultsDir = path.join(__dirname, '..', '..', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify({ runs: RUNS, results, wallRatio, memRatio, fiftyOverOne, marginalMs, marginalMb }, null, 2));

if (failures.length > 0) {
  console.error(`\nBudget exceeded:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nAll budgets met.');
