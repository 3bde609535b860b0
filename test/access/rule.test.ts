import { AccessDecision, AccessPolicy, AccessRule } from '../../src/access';
import { synth, onlyResource } from '../helpers';

/** Synthesizes one policy that includes `rules` and returns its Terraform JSON. */
function policyWith(rules: AccessRule[], decision = AccessDecision.ALLOW): any {
  const { doc } = synth((stack) => {
    new AccessPolicy(stack, 'Policy', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'p', decision, include: rules, allowEveryServiceTokenOfTheAccount: true });
  });
  return onlyResource(doc, 'cloudflare_zero_trust_access_policy');
}

describe('AccessRule shapes (v5: one selector per list element)', () => {
  test('a list of emails becomes one element per address', () => {
    const policy = policyWith([AccessRule.emails(['a@example.com', 'b@example.com', 'c@example.com'])]);
    expect(policy.include).toEqual([
      { email: { email: 'a@example.com' } },
      { email: { email: 'b@example.com' } },
      { email: { email: 'c@example.com' } },
    ]);
  });

  test('every element of every list carries exactly one selector', () => {
    const policy = policyWith([
      AccessRule.emails(['a@example.com', 'b@example.com']),
      AccessRule.emailDomain('example.com'),
      AccessRule.googleWorkspaceGroup('eng@example.com', 'idp-google'),
      AccessRule.accessGroup('group-1'),
      AccessRule.githubOrganization('acme', 'idp-github'),
      AccessRule.githubTeam('acme', 'ops', 'idp-github'),
      AccessRule.oidcClaim('groups', 'admins', 'idp-oidc'),
      AccessRule.loginMethod('idp-otp'),
    ], AccessDecision.DENY); // a login method on its own is open in an ALLOW policy
    expect(policy.include).toHaveLength(9);
    for (const element of policy.include) {
      expect(Object.keys(element)).toHaveLength(1);
    }
  });

  test.each([
    ['emailDomain', AccessRule.emailDomain('example.com'), { email_domain: { domain: 'example.com' } }],
    ['googleWorkspaceGroup', AccessRule.googleWorkspaceGroup('eng@example.com', 'idp'),
      { gsuite: { email: 'eng@example.com', identity_provider_id: 'idp' } }],
    ['accessGroup', AccessRule.accessGroup('g1'), { group: { id: 'g1' } }],
    ['githubOrganization', AccessRule.githubOrganization('acme', 'idp'),
      { github_organization: { name: 'acme', identity_provider_id: 'idp' } }],
    ['githubTeam', AccessRule.githubTeam('acme', 'ops', 'idp'),
      { github_organization: { name: 'acme', team: 'ops', identity_provider_id: 'idp' } }],
    ['oidcClaim', AccessRule.oidcClaim('groups', 'admins', 'idp'),
      { oidc: { claim_name: 'groups', claim_value: 'admins', identity_provider_id: 'idp' } }],
    ['loginMethod', AccessRule.loginMethod('idp'), { login_method: { id: 'idp' } }],
  ])('%s renders its v5 selector', (_name, rule, expected) => {
    expect(policyWith([rule], AccessDecision.DENY).include).toEqual([expected]);
  });

  test.each([
    ['serviceToken', AccessRule.serviceToken('token-1'), { service_token: { token_id: 'token-1' } }],
    ['anyValidServiceToken', AccessRule.anyValidServiceToken(), { any_valid_service_token: {} }],
  ])('%s renders its v5 selector', (_name, rule, expected) => {
    expect(policyWith([rule], AccessDecision.NON_IDENTITY).include).toEqual([expected]);
  });

  test('IP ranges become one element per range, IPv4 and IPv6', () => {
    const policy = policyWith([AccessRule.ipRanges(['203.0.113.0/24', '198.51.100.7/32', '2001:db8::/32'])], AccessDecision.DENY);
    expect(policy.include).toEqual([
      { ip: { ip: '203.0.113.0/24' } },
      { ip: { ip: '198.51.100.7/32' } },
      { ip: { ip: '2001:db8::/32' } },
    ]);
  });

  test('everyone renders an empty everyone selector', () => {
    expect(policyWith([AccessRule.everyone()], AccessDecision.DENY).include).toEqual([{ everyone: {} }]);
  });
});

describe('AccessRule bad input', () => {
  test('an empty email list', () => {
    expect(() => AccessRule.emails([])).toThrow(/Invalid AccessRule\.emails: \[\]\. Expected at least one element/);
  });

  test('a malformed email', () => {
    expect(() => AccessRule.emails(['a@example.com', 'not-an-email'])).toThrow(
      /Invalid AccessRule\.emails\[1\]: "not-an-email"\. Expected an email address/);
  });

  test('an email without a dot in its domain', () => {
    expect(() => AccessRule.emails(['a@localhost'])).toThrow(/Invalid AccessRule\.emails\[0\]: "a@localhost"/);
  });

  test('a duplicate email', () => {
    expect(() => AccessRule.emails(['a@example.com', 'A@example.com'])).toThrow(
      /Invalid AccessRule\.emails: "a@example\.com"\. Each value may appear only once/);
  });

  test('an email domain with an @', () => {
    expect(() => AccessRule.emailDomain('@example.com')).toThrow(
      /Invalid AccessRule\.emailDomain: "@example\.com"\. Expected a lowercase domain/);
  });

  test('an email domain with a scheme', () => {
    expect(() => AccessRule.emailDomain('https://example.com')).toThrow(/Invalid AccessRule\.emailDomain/);
  });

  test('a malformed Google Workspace group address', () => {
    expect(() => AccessRule.googleWorkspaceGroup('engineering', 'idp')).toThrow(
      /Invalid AccessRule\.googleWorkspaceGroup\.groupEmail: "engineering"/);
  });

  test('an empty identity provider id', () => {
    expect(() => AccessRule.oidcClaim('groups', 'admins', '')).toThrow(
      /Invalid AccessRule\.oidcClaim\.identityProviderId: ""\. Expected a non-empty string/);
  });

  test('an empty IP range list', () => {
    expect(() => AccessRule.ipRanges([])).toThrow(/Invalid AccessRule\.ipRanges: \[\]/);
  });

  test.each(['10.0.0.0', '10.0.0.1/8', '300.0.0.0/8', '10.0.0.0/33', '2001:db8::1/32', 'example.com/24'])(
    'a malformed CIDR %s', (cidr) => {
      expect(() => AccessRule.ipRanges([cidr])).toThrow(/Invalid AccessRule\.ipRanges\[0\]: .*Expected an IPv4 or IPv6 CIDR block/);
    });
});

describe('group rules of Okta, Entra ID and SAML', () => {
  const GROUP_ID = '8c2f3a4b-5d6e-4f70-8192-a3b4c5d6e7f8';

  test.each([
    ['oktaGroup', AccessRule.oktaGroup('Engineering', 'idp-okta'), { okta: { name: 'Engineering', identity_provider_id: 'idp-okta' } }],
    ['entraIdGroup', AccessRule.entraIdGroup(GROUP_ID, 'idp-entra'), { azure_ad: { id: GROUP_ID, identity_provider_id: 'idp-entra' } }],
    ['samlAttribute', AccessRule.samlAttribute('groups', 'engineering', 'idp-saml'),
      { saml: { attribute_name: 'groups', attribute_value: 'engineering', identity_provider_id: 'idp-saml' } }],
  ])('%s renders its v5 selector', (_name, rule, expected) => {
    expect(policyWith([rule]).include).toEqual([expected]);
  });

  test.each([
    ['oktaGroup', AccessRule.oktaGroup('Engineering', 'idp-okta')],
    ['entraIdGroup', AccessRule.entraIdGroup(GROUP_ID, 'idp-entra')],
    ['samlAttribute', AccessRule.samlAttribute('groups', 'engineering', 'idp-saml')],
  ])('%s is an identity rule: a NON_IDENTITY policy refuses it', (name, rule) => {
    expect(() => policyWith([rule], AccessDecision.NON_IDENTITY))
      .toThrow(new RegExp(`^Invalid include\\[0\\]: "AccessRule\\.${name}"\\. A NON_IDENTITY policy never asks anyone to log in`));
  });

  test('bad input names the factory and the argument', () => {
    expect(() => AccessRule.oktaGroup('', 'idp')).toThrow(/^Invalid AccessRule\.oktaGroup\.groupName: ""\. Expected a non-empty string/);
    expect(() => AccessRule.entraIdGroup('Engineering', 'idp'))
      .toThrow(/^Invalid AccessRule\.entraIdGroup\.groupId: "Engineering"\. Expected the object id of the Entra ID group: a UUID/);
    expect(() => AccessRule.samlAttribute('groups', '', 'idp')).toThrow(/^Invalid AccessRule\.samlAttribute\.attributeValue: ""/);
    expect(() => AccessRule.samlAttribute('groups', 'eng', '')).toThrow(/^Invalid AccessRule\.samlAttribute\.identityProviderId: ""/);
  });
});
