// Recipe: one hostname, paths with different policies. People log in to the
// app; /api also lets CI in with its service token; /admin is for two people.
// Each path becomes an Access application of its own on <hostname><path>.
import { Construct } from 'constructs';
import {
  AccessDecision,
  AccessRule,
  AccessServiceToken,
  ContainerImage,
  ZeroTrustFargateService,
} from 'cdktf-zero-trust-fargate';

export class PathsRecipe extends Construct {
  constructor(scope: Construct, id: string, accountId: string, zoneId: string) {
    super(scope, id);
    const ci = new AccessServiceToken(this, 'ci-token', { cloudflareAccountId: accountId, name: 'wiki-ci' });
    const staff = AccessRule.emailDomain('example.com');

    new ZeroTrustFargateService(this, 'wiki', {
      cloudflareAccountId: accountId,
      cloudflareZoneId: zoneId,
      hostname: 'wiki.example.com',
      app: { image: ContainerImage.fromRegistry('ghcr.io/acme/wiki:5.2.0'), port: 3000 },
      access: {
        allow: [staff],
        paths: [
          {
            path: '/api',
            allow: [staff],
            policies: [{ key: 'ci', name: 'Wiki CI', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken(ci.tokenId)] }],
            serviceAuth401: true,
          },
          { path: '/admin', allow: [AccessRule.emails(['ana@example.com', 'li@example.com'])] },
        ],
      },
    });
  }
}
