// Recipe: people log in through Access, and CI calls the same app's API under
// /api with a service token. The token passes a NON_IDENTITY (Service Auth)
// policy with no login; on /api, which only machines call, a wrong or expired
// token gets a 401 instead of the login page.
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import {
  AccessDecision,
  AccessRule,
  AccessServiceToken,
  ContainerImage,
  ZeroTrustFargateService,
} from 'cdktf-zero-trust-fargate';

export class MachineClientRecipe extends Construct {
  constructor(scope: Construct, id: string, accountId: string, zoneId: string) {
    super(scope, id);
    const ci = new AccessServiceToken(this, 'ci-token', { cloudflareAccountId: accountId, name: 'reports-ci' });

    new ZeroTrustFargateService(this, 'reports', {
      cloudflareAccountId: accountId,
      cloudflareZoneId: zoneId,
      hostname: 'reports.example.com',
      app: { image: ContainerImage.fromRegistry('ghcr.io/acme/reports:2.1.0'), port: 8080 },
      access: {
        allow: [AccessRule.emailDomain('example.com')], // people, on the whole hostname
        paths: [{
          path: '/api', // machines only: the 401 goes here, never where people browse
          policies: [{
            key: 'ci',
            name: 'Reports CI',
            decision: AccessDecision.NON_IDENTITY,
            include: [AccessRule.serviceToken(ci.tokenId)],
          }],
          serviceAuth401: true,
        }],
      },
    });

    // The two header values for the CI secret store.
    new TerraformOutput(this, 'ci-client-id', { value: ci.clientId });
    new TerraformOutput(this, 'ci-client-secret', { value: ci.clientSecret, sensitive: true });
  }
}
