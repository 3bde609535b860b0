// Who gets in, as the access report reads the synthesized stack (the same
// model the constructs' checks ask): people of the Workspace domain log in,
// the CI token gets in without a login, and nothing is open without an opt-in.
import { Testing } from 'cdktf';
import { AccessAudience, AccessReport } from 'cdktf-zero-trust-fargate';
import { GrafanaExampleStack } from './stack';

// The stack reads its settings from environment variables: clear them, so the report is the same on every machine.
for (const name of Object.keys(process.env)) {
  if (/^(CLOUDFLARE_|AWS_REGION$|GRAFANA_|GOOGLE_)/.test(name)) delete process.env[name];
}

// fromStack keeps the opt-ins the constructs record in the output (Testing.synth strips them).
const report = AccessReport.fromStack(new GrafanaExampleStack(Testing.app(), 'grafana'));

test('one URL, behind Access, checked again at the origin', () => {
  expect(report.urls.map((url) => [url.url, url.originChecksToken])).toEqual([['https://grafana.example.com', true]]);
});

test('named people log in; the CI token gets in without a login', () => {
  expect(report.urls[0].ways.map((way) => [way.decision, way.audience, way.loginRequired])).toEqual([
    ['non_identity', AccessAudience.SERVICE_TOKENS, false],
    ['allow', AccessAudience.NAMED_PEOPLE, true],
  ]);
});

test('nothing is open without an opt-in, and nothing is unknown', () => {
  expect(report.openWithoutOptIn()).toEqual([]);
  expect(report.unknown()).toEqual([]);
  expect(report.urls[0].problems).toEqual([]);
});
