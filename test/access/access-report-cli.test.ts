// The access-report command, run as a user runs it on `cdktf synth` output: who gets in, and the CI gates.
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { AccessApplication, AccessRule } from '../../src/access';
import { newStack } from '../helpers';

const CLI = resolve(__dirname, '..', '..', 'src', 'cli.ts');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', CLI, ...args], { encoding: 'utf8', cwd: resolve(__dirname, '..', '..') });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A cdktf.out folder with one stack: an application whose everyone() policy is confirmed. */
function synthesized(): { out: string; doc: any } {
  const stack = newStack();
  new AccessApplication(stack, 'app', {
    cloudflareAccountId: '0123456789abcdef0123456789abcdef',
    name: 'app',
    domains: ['app.example.com'],
    policies: [{ name: 'everyone', include: [AccessRule.everyone()], allowEveryoneWhoCanLogIn: true }],
    existingPolicies: [{ policyId: 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415', decision: 'allow' as any }],
  });
  const out = mkdtempSync(join(tmpdir(), 'access-report-'));
  const doc = stack.toTerraform();
  mkdirSync(join(out, 'stacks', 'app'), { recursive: true });
  writeFileSync(join(out, 'stacks', 'app', 'cdk.tf.json'), JSON.stringify(doc));
  return { out, doc };
}

test('prints who gets in per URL; the confirmed opt-in passes --fail-on-open, the policy made elsewhere fails --fail-on-unknown', () => {
  const { out } = synthesized();
  const text = run('access-report', out, '--fail-on-open');
  expect(text.status).toBe(0);
  expect(text.stdout).toMatch(/https:\/\/app\.example\.com {2}\(Access application "app"\)/);
  expect(text.stdout).toMatch(/ALLOW "everyone": anyone-who-can-log-in \(login required\): everyone; it matches everyone\n/);
  expect(text.stdout).toMatch(/ALLOW "existing policy f174e90a-fafe-4643-bbbc-4a0ed4fc8415": unknown/);
  expect(run('access-report', out, '--fail-on-unknown').status).toBe(1);
  const json = JSON.parse(run('access-report', join(out, 'stacks', 'app'), '--json').stdout);
  expect(json[0].urls[0].ways.map((way: any) => [way.audience, way.confirmed])).toEqual([['anyone-who-can-log-in', true], ['unknown', true]]);
});

test('a hand edit that drops the opt-in fails --fail-on-open; bad usage exits 2', () => {
  const { out, doc } = synthesized();
  for (const policy of Object.values<any>(doc.resource.cloudflare_zero_trust_access_policy)) {
    delete policy['//'];
  }
  const file = join(out, 'stacks', 'app', 'cdk.tf.json');
  writeFileSync(file, JSON.stringify(doc));
  const gated = run('access-report', file, '--fail-on-open');
  expect(gated.status).toBe(1);
  expect(gated.stderr).toMatch(/^Open without opt-in: https:\/\/app\.example\.com: everyone \(anyone-who-can-log-in\)/);
  expect(run('access-report').status).toBe(2);
  expect(run('access-report', join(out, 'missing')).stderr).toMatch(/No such file or folder/);
});

test('what the JSON does not show is unknown or open, never "nobody": expressions, lists of one body, hostname-less rules', () => {
  const { out, doc } = synthesized();
  const policies = doc.resource.cloudflare_zero_trust_access_policy;
  const [name] = Object.keys(policies);
  // A NON_IDENTITY policy whose include list is an expression, written as a list of one body.
  policies[name] = [{ ...policies[name], decision: 'non_identity', include: '${[{ everyone = {} }]}' }];
  doc.resource.cloudflare_zero_trust_tunnel_cloudflared_config = {
    config: { account_id: 'x', tunnel_id: 'y', config: { ingress: [{ service: 'http://localhost:8080' }] } },
  };
  const file = join(out, 'stacks', 'app', 'cdk.tf.json');
  writeFileSync(file, JSON.stringify(doc));
  const json = JSON.parse(run('access-report', file, '--json').stdout)[0];
  expect(json.urls[0].ways[0]).toMatchObject({ decision: 'non_identity', audience: 'unknown' });
  expect(json.urls.find((url: any) => url.url === 'https://*').ways[0]).toMatchObject({ audience: 'anyone-without-login', confirmed: false });
  expect(run('access-report', file, '--fail-on-open').status).toBe(1);
});
