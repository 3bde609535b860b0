// Recipe: attach what a central team manages. One service sits behind the
// company's wildcard Access application; another gets its own application with
// the central "block former staff" and "SRE on call" policies attached by id.
import { Construct } from 'constructs';
import {
  AccessDecision,
  AccessRule,
  ContainerImage,
  ExistingAccessApplication,
  ZeroTrustFargateService,
} from 'cdktf-zero-trust-fargate';

export class ExistingAccessRecipe extends Construct {
  constructor(scope: Construct, id: string, accountId: string, zoneId: string) {
    super(scope, id);
    const image = ContainerImage.fromRegistry('ghcr.io/acme/tools:3.0.1');

    new ZeroTrustFargateService(this, 'tools', {
      cloudflareAccountId: accountId,
      cloudflareZoneId: zoneId,
      hostname: 'tools.internal.example.com',
      outputPrefix: 'tools', // two services in one stack: `terraform output tools_url`
      app: { image, port: 8080 },
      access: {
        existingApplication: ExistingAccessApplication.fromAttributes({
          applicationId: 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
          aud: '32eafc7626e974616deaf0dc3ce63d7bcbed58a2731e84d06bc3cdf1b53c4228',
          domains: ['*.internal.example.com'],
        }),
      },
    });

    new ZeroTrustFargateService(this, 'billing', {
      cloudflareAccountId: accountId,
      cloudflareZoneId: zoneId,
      hostname: 'billing.example.com',
      outputPrefix: 'billing',
      app: { image, port: 8080 },
      access: {
        allow: [AccessRule.emails(['finance-lead@example.com'])],
        existingPolicies: [
          { policyId: 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415', decision: AccessDecision.DENY },
          { policyId: '0b9b2a3c-1111-4c6e-9f0e-7d1c2e3f4a5b', decision: AccessDecision.ALLOW },
        ],
      },
    });
  }
}
