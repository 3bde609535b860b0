// Recipe: the identity providers a company brings, each with a policy on its
// groups. Client secrets come from sensitive Terraform variables, never from code.
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AccessApplication, AccessIdentityProvider, AccessRule } from 'cdktf-zero-trust-fargate';

export class IdentityProvidersRecipe extends Construct {
  constructor(scope: Construct, id: string, accountId: string) {
    super(scope, id);
    const secret = (name: string) => new TerraformVariable(this, name, { type: 'string', sensitive: true }).stringValue;

    const okta = AccessIdentityProvider.okta(this, 'okta', {
      cloudflareAccountId: accountId,
      oktaAccount: 'https://acme.okta.com',
      clientId: '0oa1b2c3d4e5f6g7h8i9',
      clientSecret: secret('okta_client_secret'),
    });
    const entra = AccessIdentityProvider.entraId(this, 'entra', {
      cloudflareAccountId: accountId,
      directoryId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      clientId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      clientSecret: secret('entra_client_secret'),
    });
    const github = AccessIdentityProvider.github(this, 'github', {
      cloudflareAccountId: accountId,
      clientId: 'Iv1.0123456789abcdef',
      clientSecret: secret('github_client_secret'),
    });
    const saml = AccessIdentityProvider.saml(this, 'keycloak', {
      cloudflareAccountId: accountId,
      name: 'Keycloak',
      issuerUrl: 'https://sso.example.com/realms/acme',
      ssoTargetUrl: 'https://sso.example.com/realms/acme/protocol/saml',
      idpPublicCerts: ['MIICnTCCAYUCBgGN0vJX1DANBgkqhkiG9w0BAQsFADASMRAwDgYDVQQDDAdhY21lLWlkcDAe'],
      attributes: ['groups'],
    });

    new AccessApplication(this, 'admin', {
      cloudflareAccountId: accountId,
      name: 'Admin',
      domains: ['admin.example.com'],
      allowedIdentityProviderIds: [okta, entra, github, saml].map((idp) => idp.identityProviderId),
      policies: [{
        name: 'Platform team',
        include: [
          AccessRule.oktaGroup('Platform', okta.identityProviderId),
          AccessRule.entraIdGroup('8c2f3a4b-5d6e-4f70-8192-a3b4c5d6e7f8', entra.identityProviderId),
          AccessRule.githubTeam('acme', 'platform', github.identityProviderId),
          AccessRule.samlAttribute('groups', 'platform', saml.identityProviderId),
        ],
      }],
    });
  }
}
