import { Testing } from 'cdktf';
import { resolved } from './resolve';
import {
  AccessApplication,
  AccessApplicationProps,
  AccessDecision,
  AccessIdentityProvider,
  AccessRule,
  AccessServiceToken,
} from '../../src/access';
import { handDownChecked } from '../../src/core/prop-path';
import { newStack, onlyResource, resources, synth } from '../helpers';

const TEAM_POLICY = { name: 'Team', include: [AccessRule.emails(['alice@example.com', 'bob@example.com'])] };

const BASE: AccessApplicationProps = {
  cloudflareAccountId: '0123456789abcdef0123456789abcdef',
  name: 'Internal app',
  domains: ['app.example.com'],
  policies: [TEAM_POLICY],
};

function appDoc(props: Partial<AccessApplicationProps>): any {
  const { doc } = synth((stack) => {
    new AccessApplication(stack, 'App', { ...BASE, ...props });
  });
  return doc;
}

function attempt(props: Partial<AccessApplicationProps>): void {
  new AccessApplication(newStack(), 'App', { ...BASE, ...props });
}

describe('AccessApplication', () => {
  test('snapshot: Google Workspace login, a service token and three policies', () => {
    const { json } = synth((stack) => {
      const google = AccessIdentityProvider.googleWorkspace(stack, 'Google', {
        cloudflareAccountId: '0123456789abcdef0123456789abcdef',
        clientId: 'client-id.apps.googleusercontent.com',
        clientSecret: 'client-secret',
        workspaceDomain: 'example.com',
      });
      const ci = new AccessServiceToken(stack, 'CiToken', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'ci' });
      new AccessApplication(stack, 'App', {
        cloudflareAccountId: '0123456789abcdef0123456789abcdef',
        name: 'Internal app',
        domains: ['app.example.com', 'app.example.org/admin'],
        sessionDuration: '8h',
        logoUrl: 'https://example.com/logo.png',
        allowedIdentityProviderIds: [google.identityProviderId],
        autoRedirectToIdentity: true,
        policies: [
          { key: 'former-staff', name: 'Block former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] },
          { key: 'ci', name: 'CI', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken(ci.tokenId)] },
          {
            key: 'engineering',
            name: 'Engineering',
            include: [AccessRule.googleWorkspaceGroup('engineering@example.com', google.identityProviderId)],
            require: [AccessRule.loginMethod(google.identityProviderId)],
          },
        ],
      });
    });
    expect(json).toMatchSnapshot();
  });

  test('defaults: self-hosted, 24h, visible in the App Launcher, no auto-redirect, all IdPs', () => {
    const app = onlyResource(appDoc({}), 'cloudflare_zero_trust_access_application');
    expect(app).toMatchObject({
      account_id: '0123456789abcdef0123456789abcdef',
      name: 'Internal app',
      type: 'self_hosted',
      session_duration: '24h',
      app_launcher_visible: true,
      auto_redirect_to_identity: false,
    });
    expect(app.allowed_idps).toBeUndefined();
    expect(app.logo_url).toBeUndefined();
  });

  test('several hostnames: the first is the domain, all are public destinations', () => {
    const app = onlyResource(appDoc({ domains: ['app.example.com', '*.example.org', 'example.net/admin'] }),
      'cloudflare_zero_trust_access_application');
    expect(app.domain).toBe('app.example.com');
    expect(app.destinations).toEqual([
      { type: 'public', uri: 'app.example.com' },
      { type: 'public', uri: '*.example.org' },
      { type: 'public', uri: 'example.net/admin' },
    ]);
    expect(app.self_hosted_domains).toBeUndefined();
  });

  test('policies are created as reusable policies and attached in order with precedence 1, 2, 3', () => {
    const doc = appDoc({
      policies: [
        { key: 'first', name: 'First', decision: AccessDecision.DENY, include: [AccessRule.ipRanges(['192.0.2.0/24'])] },
        { key: 'second', name: 'Second', include: [AccessRule.emailDomain('example.com')] },
        { key: 'third', name: 'Third', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken('token-id')] },
      ],
    });
    const policies = resources(doc, 'cloudflare_zero_trust_access_policy');
    const idOf = (name: string): string => {
      const [logicalId] = Object.entries(policies).find(([, p]) => (p as any).name === name)!;
      return `\${cloudflare_zero_trust_access_policy.${logicalId}.id}`;
    };
    expect(Object.values(policies).map((p: any) => p.account_id)).toEqual(['0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef']);
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_application').policies).toEqual([
      { id: idOf('First'), precedence: 1 },
      { id: idOf('Second'), precedence: 2 },
      { id: idOf('Third'), precedence: 3 },
    ]);
  });

  test('exposes id, aud, domains and policies', () => {
    const stack = newStack();
    const app = new AccessApplication(stack, 'App', { ...BASE, domains: ['a.example.com', 'b.example.com'] });
    expect(resolved(stack, app.aud)).toMatch(/^\$\{cloudflare_zero_trust_access_application\.App_.*\.aud\}$/);
    expect(resolved(stack, app.applicationId)).toMatch(/^\$\{cloudflare_zero_trust_access_application\.App_.*\.id\}$/);
    expect(app.domains).toEqual(['a.example.com', 'b.example.com']);
    expect(app.policies.map((p) => p.name)).toEqual(['Team']);
    expect(app.application.terraformResourceType).toBe('cloudflare_zero_trust_access_application');
  });

  test('identity providers, logo and visibility are passed through', () => {
    const app = onlyResource(appDoc({
      allowedIdentityProviderIds: ['idp-1', 'idp-2'],
      appLauncherVisible: false,
      logoUrl: 'https://example.com/logo.svg',
    }), 'cloudflare_zero_trust_access_application');
    expect(app.allowed_idps).toEqual(['idp-1', 'idp-2']);
    expect(app.app_launcher_visible).toBe(false);
    expect(app.logo_url).toBe('https://example.com/logo.svg');
  });

  test('a machine-only application (service auth) is allowed', () => {
    const doc = appDoc({ policies: [{ name: 'CI', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken('token-id')] }] });
    expect(onlyResource(doc, 'cloudflare_zero_trust_access_policy').decision).toBe('non_identity');
  });
});

describe('AccessApplication bad input', () => {
  test('no policies', () => {
    expect(() => attempt({ policies: [] })).toThrow(/Invalid policies: \[\]\. Expected at least one policy/);
  });

  test('only deny policies (nobody could get in)', () => {
    expect(() => attempt({ policies: [{ name: 'Block', decision: AccessDecision.DENY, include: [AccessRule.everyone()] }] }))
      .toThrow(/Invalid policies: \["Block"\]\. Expected at least one policy that lets someone in.*locks everyone out/);
  });

  test('duplicate policy names', () => {
    expect(() => attempt({ policies: [{ ...TEAM_POLICY, key: 'a' }, { ...TEAM_POLICY, key: 'b' }] }))
      .toThrow(/Invalid policies\[\]\.name: "Team"\. Each value may appear only once/);
  });

  test('everyone without the opt-in, reported with the policy index', () => {
    expect(() => attempt({ policies: [TEAM_POLICY, { name: 'All', include: [AccessRule.everyone()] }] }))
      .toThrow(/Invalid policies\[1\]\.include\[0\]: "AccessRule.everyone\(\)".*allowEveryoneWhoCanLogIn/);
  });

  test('everyone is refused even on props an outer construct checked: who gets in is asked here too', () => {
    expect(() => new AccessApplication(newStack(), 'App', handDownChecked({ ...BASE, policies: [TEAM_POLICY, { name: 'All', include: [AccessRule.everyone()] }] })))
      .toThrow(/Invalid policies\[1\]\.include\[0\]: "AccessRule.everyone\(\)".*allowEveryoneWhoCanLogIn/);
  });

  test('no domains', () => {
    expect(() => attempt({ domains: [] })).toThrow(/Invalid domains: \[\]\. Expected at least one element/);
  });

  test.each(['https://app.example.com', 'app', 'app.example.com:8443', 'App.Example.com', 'app..example.com', '-app.example.com'])(
    'a malformed hostname %s', (domain) => {
      expect(() => attempt({ domains: ['ok.example.com', domain] })).toThrow(/Invalid domains\[1\]: .*Expected a lowercase hostname/);
    });

  test('a duplicate hostname', () => {
    expect(() => attempt({ domains: ['app.example.com', 'app.example.com'] }))
      .toThrow(/Invalid domains: "app\.example\.com"\. Each value may appear only once/);
  });

  test.each(['24', '1d', '731h', '1h-30m'])('a session duration of %s', (duration) => {
    expect(() => attempt({ sessionDuration: duration })).toThrow(/Invalid sessionDuration: .*Go duration.*at most 730h/);
  });

  test('730h (the dashboard\'s "1 month") and a compound duration are accepted', () => {
    expect(() => attempt({ sessionDuration: '730h' })).not.toThrow();
    expect(() => attempt({ sessionDuration: '2h45m' })).not.toThrow();
  });

  test('auto-redirect without an identity provider', () => {
    expect(() => attempt({ autoRedirectToIdentity: true }))
      .toThrow(/Invalid autoRedirectToIdentity: true\. Needs exactly one entry in allowedIdentityProviderIds.*there are 0/);
  });

  test('auto-redirect with two identity providers', () => {
    expect(() => attempt({ autoRedirectToIdentity: true, allowedIdentityProviderIds: ['a', 'b'] }))
      .toThrow(/Invalid autoRedirectToIdentity: true\..*there are 2/);
  });

  test('a logo that is not an https URL', () => {
    expect(() => attempt({ logoUrl: 'http://example.com/logo.png' })).toThrow(/Invalid logoUrl: "http:\/\/example\.com\/logo\.png"\. Expected an https:\/\/ URL/);
  });

  test('an empty account id', () => {
    expect(() => attempt({ cloudflareAccountId: '' })).toThrow(/Invalid cloudflareAccountId: ""/);
  });

  test('a failed application creates no resource at all (policies included)', () => {
    const stack = newStack();
    expect(() => new AccessApplication(stack, 'App', { ...BASE, policies: [TEAM_POLICY, { name: 'All', include: [AccessRule.everyone()] }] }))
      .toThrow();
    const doc = JSON.parse(Testing.synth(stack));
    expect(resources(doc, 'cloudflare_zero_trust_access_policy')).toEqual({});
    expect(resources(doc, 'cloudflare_zero_trust_access_application')).toEqual({});
  });
});
