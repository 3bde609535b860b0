// Recipe: an API that a single-page app on another origin calls with the
// user's Access session. Access answers the CORS preflights itself; the cookie
// stays HttpOnly and SameSite Lax (the two origins are one site); people no
// policy lets in see where to ask for access.
import { Construct } from 'constructs';
import { AccessApplication, AccessCorsMethod, AccessRule } from 'cdktf-zero-trust-fargate';

export class BrowserSettingsRecipe extends Construct {
  /** The application, for a tunnel ingress rule's `accessApplication`. */
  public readonly application: AccessApplication;

  constructor(scope: Construct, id: string, accountId: string) {
    super(scope, id);
    this.application = new AccessApplication(this, 'api', {
      cloudflareAccountId: accountId,
      name: 'Orders API',
      domains: ['orders-api.example.com'],
      policies: [{ name: 'Staff', include: [AccessRule.emailDomain('example.com')] }],
      cors: {
        allowedOrigins: ['https://orders.example.com'],
        allowedMethods: [AccessCorsMethod.GET, AccessCorsMethod.POST, AccessCorsMethod.PATCH],
        allowedHeaders: ['content-type'],
        allowCredentials: true,
        maxAgeSeconds: 600,
      },
      customDenyUrl: 'https://it.example.com/request-access?app=orders',
    });
  }
}
