// Whole Terraform lists (a variable, a function, a data source attribute) given to AccessRule.emails,
// AccessRule.ipRanges and AccessApplication.domains render as `for` expressions: one selector (or
// destination) per element at apply time, next to the literal ones. The Access model counts them as unknown.
import { DataCloudflareIpRanges } from '@cdktf/provider-cloudflare/lib/data-cloudflare-ip-ranges';
import { Fn, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AccessApplication, AccessAudience, AccessDecision, AccessPolicy, AccessReport, AccessRule } from '../../src/access';
import { newStack, onlyResource } from '../helpers';

const ACCOUNT = '0123456789abcdef0123456789abcdef';

function variable(stack: TerraformStack, name: string): string[] {
  return new TerraformVariable(stack, name, { type: 'list(string)' }).listValue;
}

test('a variable of emails, next to a literal address, becomes a for expression after the literal selector', () => {
  const stack = newStack();
  new AccessPolicy(stack, 'policy', {
    cloudflareAccountId: ACCOUNT, name: 'team', include: [AccessRule.emails(['a@example.com']), AccessRule.emails(variable(stack, 'emails'))],
  });
  expect(onlyResource(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_access_policy').include)
    .toBe('${concat([{"email" = {"email" = "a@example.com"}}], [ for key, val in toset(var.emails): { email = { email = val } }])}');
});

test('a function of IP ranges, and a data source attribute in exclude, in a NON_IDENTITY policy', () => {
  const stack = newStack();
  const office = new TerraformVariable(stack, 'office', { type: 'string' }).stringValue;
  const cloudflare = new DataCloudflareIpRanges(stack, 'ips', {});
  new AccessPolicy(stack, 'policy', {
    cloudflareAccountId: ACCOUNT,
    name: 'networks',
    decision: AccessDecision.NON_IDENTITY,
    include: [AccessRule.ipRanges(Fn.split(',', office))],
    exclude: [AccessRule.ipRanges(cloudflare.ipv4Cidrs)],
  });
  const policy = onlyResource(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_access_policy');
  expect(policy.include).toBe('${concat([], [ for key, val in toset(split(",", var.office)): { ip = { ip = val } }])}');
  expect(policy.exclude).toBe('${concat([], [ for key, val in toset(data.cloudflare_ip_ranges.ips.ipv4_cidrs): { ip = { ip = val } }])}');
});

test('a list of domains makes the application\'s destinations and its primary domain at apply time', () => {
  const stack = newStack();
  new AccessApplication(stack, 'app', {
    cloudflareAccountId: ACCOUNT, name: 'app', domains: variable(stack, 'domains'), policies: [{ name: 'team', include: [AccessRule.emailDomain('example.com')] }],
  });
  const application = onlyResource(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_access_application');
  expect(application.domain).toBe('${element(sort(distinct(var.domains)), 0)}');
  expect(application.destinations).toBe('${[ for key, val in toset(var.domains): { type = "public", uri = val }]}');
});

test('the Access model and the report count such a list as unknown, never as narrow', () => {
  const stack = newStack();
  new AccessApplication(stack, 'app', {
    cloudflareAccountId: ACCOUNT,
    name: 'app',
    domains: ['app.example.com'],
    policies: [
      { key: 'ci', name: 'ci', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.ipRanges(variable(stack, 'cidrs'))] },
      { key: 'team', name: 'team', include: [AccessRule.emails(variable(stack, 'people'))] },
    ],
  });
  const report = AccessReport.fromStack(stack);
  expect(report.urls[0].ways.map((way) => way.audience)).toEqual([AccessAudience.UNKNOWN, AccessAudience.UNKNOWN]);
  expect(report.unknown()).toHaveLength(2);
});

test('a whole list in require is refused: each element of require must match, so several let nobody in', () => {
  const stack = newStack();
  expect(() => new AccessPolicy(stack, 'policy', {
    cloudflareAccountId: ACCOUNT, name: 'team', include: [AccessRule.emailDomain('example.com')], require: [AccessRule.ipRanges(variable(stack, 'offices'))],
  })).toThrow(/^Invalid require\[0\]: "AccessRule\.ipRanges\(\[\]\)"\. In require, each element of the list is a requirement of its own/);
  expect(() => new AccessPolicy(stack, 'literal', {
    cloudflareAccountId: ACCOUNT, name: 'team', include: [AccessRule.emailDomain('example.com')], require: [AccessRule.ipRanges(['198.51.100.0/24', '2001:db8::/48'])],
  })).toThrow(/^Invalid require\[0\]: "AccessRule\.ipRanges\(\[\\"198\.51\.100\.0\/24\\",\\"2001:db8::\/48\\"\]\)"\. In require/);
});

test('quotes and backslashes in literal values next to a list stay inside their strings', () => {
  const stack = newStack();
  new AccessPolicy(stack, 'policy', {
    cloudflareAccountId: ACCOUNT,
    name: 'team',
    include: [AccessRule.samlAttribute('groups', 'R&D "core" \\ x", "everyone" = {', 'idp'), AccessRule.emails(variable(stack, 'emails'))],
  });
  expect(onlyResource(JSON.parse(Testing.synth(stack)), 'cloudflare_zero_trust_access_policy').include).toBe(
    '${concat([{"saml" = {"attribute_name" = "groups", "attribute_value" = "R&D \\"core\\" \\\\ x\\", \\"everyone\\" = {", '
    + '"identity_provider_id" = "idp"}}], [ for key, val in toset(var.emails): { email = { email = val } }])}');
});
