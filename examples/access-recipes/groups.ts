// Recipe: Access groups kept in one place and used by many applications'
// policies. Change the group, and every policy that includes it follows.
import { Construct } from 'constructs';
import { AccessApplication, AccessDecision, AccessGroup, AccessRule } from 'cdktf-zero-trust-fargate';

export class GroupsRecipe extends Construct {
  constructor(scope: Construct, id: string, accountId: string) {
    super(scope, id);
    const sre = new AccessGroup(this, 'sre', {
      cloudflareAccountId: accountId,
      name: 'SRE',
      include: [AccessRule.emails(['ana@example.com', 'li@example.com'])],
    });
    const contractors = new AccessGroup(this, 'contractors', {
      cloudflareAccountId: accountId,
      name: 'Contractors',
      include: [AccessRule.emailDomain('partner.example.net')],
    });

    for (const app of ['grafana', 'argo']) {
      new AccessApplication(this, app, {
        cloudflareAccountId: accountId,
        name: app,
        domains: [`${app}.example.com`],
        policies: [
          { key: 'contractors', name: 'No contractors', decision: AccessDecision.DENY, include: [AccessRule.membersOf(contractors)] },
          { key: 'sre', name: 'SRE', include: [AccessRule.membersOf(sre)] },
        ],
      });
    }
  }
}
