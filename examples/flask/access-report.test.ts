// Who gets in, as the access report reads the synthesized stack: the listed
// people log in, nobody else, and nothing is open without an opt-in.
import { Testing } from 'cdktf';
import { AccessAudience, AccessReport } from 'cdktf-zero-trust-fargate';
import { FlaskExampleStack } from './stack';

// The stack reads its settings from environment variables: clear them, so the report is the same on every machine.
for (const name of Object.keys(process.env)) {
  if (/^(CLOUDFLARE_|AWS_REGION$|FLASK_)/.test(name)) delete process.env[name];
}

const report = AccessReport.fromStack(new FlaskExampleStack(Testing.app(), 'flask'));

test('the listed people, after a login, and nobody else', () => {
  expect(report.urls.map((url) => url.url)).toEqual(['https://flask.example.com']);
  expect(report.urls[0].ways.map((way) => [way.audience, way.loginRequired, way.who])).toEqual([
    [AccessAudience.NAMED_PEOPLE, true, 'email alice@example.com'],
    [AccessAudience.NAMED_PEOPLE, true, 'email bob@example.com'],
  ]);
  expect(report.urls[0].originChecksToken).toBe(true);
  expect(report.openWithoutOptIn()).toEqual([]);
});
