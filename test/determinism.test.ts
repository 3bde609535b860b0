// The synthesized output is a function of the props alone: the same props give
// byte-identical JSON in one process and in fresh ones, from any working
// directory, time zone or locale, and whatever order unrelated constructs are
// created in; and it holds no timestamps, random values or absolute paths.
// Users' snapshot tests (docs/testing.md) and the stability promise in
// docs/versioning.md rest on this.
import { execFile } from 'child_process';
import { mkdtempSync, realpathSync, rmSync } from 'fs';
import { homedir, tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';
import { Testing } from 'cdktf';
import {
  CREATION_ORDERS, EXAMPLE_SETTINGS, FIXTURES, fullSynth, fullSynthAll, Part, severalConstructs, testingSynthAll, withoutExampleSettings,
} from './determinism/fixtures';

for (const name of Object.keys(process.env)) {
  if (EXAMPLE_SETTINGS.test(name)) delete process.env[name];
}

const REPO = resolve(__dirname, '..');

/** What a fresh Node.js process synthesized. */
interface ChildResult {
  readonly cwd: string;
  readonly testing: Record<string, string>;
  readonly full: Record<string, string>;
}

/** Synthesizes every fixture in a new Node.js process that first moves to `workingDirectory`. */
async function synthInChild(workingDirectory: string, env: Record<string, string> = {}): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join('test', 'determinism', 'synth-child.ts'), workingDirectory],
    {
      cwd: REPO,
      env: { ...withoutExampleSettings(process.env), TS_NODE_PROJECT: join(REPO, 'test', 'tsconfig.json'), ...env },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout);
}

/**
 * A cdk.tf.json without cdktf's default local backend, whose state path cdktf
 * takes from the working directory (`<cwd>/terraform.<stack>.tfstate`) when
 * the stack configures no backend: not part of this library's output.
 */
function withoutDefaultBackend(json: string): { doc: any; backendPath: string } {
  const doc = JSON.parse(json);
  const backendPath = doc.terraform.backend.local.path;
  delete doc.terraform.backend;
  return { doc, backendPath };
}

const here = { testing: testingSynthAll(), full: fullSynthAll() };

describe('in one process', () => {
  test.each(Object.keys(FIXTURES))('%s: repeated synths are byte-identical', (name) => {
    for (let run = 0; run < 3; run++) {
      expect(Testing.synth(FIXTURES[name](Testing.app()))).toBe(here.testing[name]);
    }
    expect(fullSynthAll()[name]).toBe(here.full[name]);
  });

  test('a fresh copy of every module (jest.isolateModules) synthesizes the same bytes', () => {
    let isolated: Record<string, string> = {};
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      isolated = (require('./determinism/fixtures') as typeof import('./determinism/fixtures')).testingSynthAll();
    });
    expect(isolated).toEqual(here.testing);
  });

  test('stacks of one app do not change each other', () => {
    const app = Testing.app();
    const stacks = Object.fromEntries(Object.entries(FIXTURES).map(([name, build]) => [name, build(app)]));
    for (const [name, stack] of Object.entries(stacks)) {
      expect(Testing.synth(stack)).toBe(here.testing[name]);
    }
  });
});

describe('construct creation order', () => {
  const [first, ...others] = CREATION_ORDERS;
  const reference = Testing.synth(severalConstructs(Testing.app(), first));

  test.each(others.map((order) => [order.join(', ')]))('created as %s: byte-identical Testing.synth output', (order) => {
    const stack = severalConstructs(Testing.app(), order.split(', ') as Part[]);
    expect(Testing.synth(stack)).toBe(reference);
  });

  test.each(others.map((order) => [order.join(', ')]))(
    'created as %s: byte-identical cdk.tf.json',
    (order) => {
      const full = fullSynth((app) => severalConstructs(app, order.split(', ') as Part[]));
      expect(full).toBe(fullSynth((app) => severalConstructs(app, first)));
    },
  );

  test('the admin service keeps its policies in the order given: DENY, service token, ALLOW', () => {
    const resources = JSON.parse(reference).resource;
    const application = Object.entries<any>(resources.cloudflare_zero_trust_access_application).find(([id]) => id.startsWith('admin_'))![1];
    const policyNames = application.policies.map((p: any) => resources.cloudflare_zero_trust_access_policy[/\.([^.]+)\.id\}$/.exec(p.id)![1]].name);
    expect(policyNames).toEqual(['Former staff', 'CI smoke tests', 'Platform team']);
    expect(application.policies.map((p: any) => p.precedence)).toEqual([1, 2, 3]);
  });
});

describe('in fresh processes', () => {
  const workingDirectory = realpathSync(mkdtempSync(join(tmpdir(), 'determinism-cwd-')));
  let fromRepo: ChildResult;
  let fromElsewhere: ChildResult;
  let otherZoneAndLocale: ChildResult;

  beforeAll(async () => {
    [fromRepo, fromElsewhere, otherZoneAndLocale] = await Promise.all([
      synthInChild(REPO),
      synthInChild(workingDirectory),
      // Danish collation sorts upper case first and "aa" after "z"; Chatham is UTC+12:45/+13:45.
      synthInChild(workingDirectory, { TZ: 'Pacific/Chatham', LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8' }),
    ]);
  }, 120_000);

  afterAll(() => rmSync(workingDirectory, { recursive: true, force: true }));

  test('each child ran in the working directory it was given', () => {
    expect(fromRepo.cwd).toBe(REPO);
    expect(fromElsewhere.cwd).toBe(workingDirectory);
  });

  test.each(Object.keys(FIXTURES))('%s: Testing.synth is byte-identical to this process, from any directory, zone or locale', (name) => {
    for (const child of [fromRepo, fromElsewhere, otherZoneAndLocale]) {
      expect(child.testing[name]).toBe(here.testing[name]);
    }
  });

  test.each(Object.keys(FIXTURES))('%s: cdk.tf.json is byte-identical from one directory, whatever the zone or locale', (name) => {
    expect(otherZoneAndLocale.full[name]).toBe(fromElsewhere.full[name]);
  });

  test.each(Object.keys(FIXTURES))('%s: cdk.tf.json differs between directories only in the default backend path', (name) => {
    const expected = JSON.stringify(withoutDefaultBackend(here.full[name]).doc);
    for (const child of [fromRepo, fromElsewhere]) {
      const { doc, backendPath } = withoutDefaultBackend(child.full[name]);
      expect(JSON.stringify(doc)).toBe(expected);
      expect(backendPath).toBe(join(child.cwd, `terraform.${JSON.parse(child.full[name])['//'].metadata.stackName}.tfstate`));
    }
  });
});

describe('no trace of the machine, the time or chance', () => {
  const now = new Date();
  const machine = [REPO, realpathSync(REPO), tmpdir(), realpathSync(tmpdir()), homedir(), process.cwd()]
    .filter((path) => path.length > 1);

  test.each(Object.keys(FIXTURES))('%s: no absolute path, date or timestamp in the synthesized resources', (name) => {
    const texts = [here.testing[name], JSON.stringify(withoutDefaultBackend(here.full[name]).doc)];
    for (const text of texts) {
      for (const path of machine) {
        expect(text).not.toContain(path);
      }
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/); // ISO 8601 date-time
      expect(text).not.toContain(now.toISOString().slice(0, 10)); // today's date
      // Unix times within a day of now, in seconds or milliseconds.
      const numbers = (text.match(/\d{10,13}/g) ?? []).map(Number);
      const nearNow = numbers.filter((n) => Math.abs(n - now.getTime()) < 86_400_000 || Math.abs(n - now.getTime() / 1000) < 86_400);
      expect(nearNow).toEqual([]);
    }
  });
});
