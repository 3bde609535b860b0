// The Grafana article on the library: the official Grafana image in a private
// subnet (NAT gateway egress) on ECS Fargate, behind a cloudflared sidecar and
// Cloudflare Access with Google Workspace login, and a service token for CI.
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Password } from '@cdktf/provider-random/lib/password';
import { Fn, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AccessDecision,
  AccessIdentityProvider,
  AccessRule,
  AccessServiceToken,
  AwsAlertTarget,
  CloudflareAlertTarget,
  ContainerImage,
  ContainerSecret,
  EgressMode,
  SidecarStartCondition,
  ZeroTrustFargateService,
} from '../../src';
import { alertEmail, cloudflareSettings, configureProviders, listSetting, setting } from '../shared/settings';

/** The Grafana image this example runs, pinned to a release. */
export const GRAFANA_IMAGE = 'grafana/grafana:11.3.0';

/** The Grafana example: Google Workspace login in front of Grafana. */
export class GrafanaExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this);
    const cloudflare = cloudflareSettings();
    const hostname = setting('GRAFANA_HOSTNAME', `grafana.${cloudflare.zoneName}`);
    const workspaceDomain = setting('GOOGLE_WORKSPACE_DOMAIN', cloudflare.zoneName);
    // The Zero Trust team name, needed at synth time: Grafana checks the Access
    // tokens against this team's signing keys and issuer. It is the name in the
    // Google OAuth client's redirect URI; the placeholder cannot be deployed.
    const teamName = setting('CLOUDFLARE_TEAM_NAME', 'your-team');
    const teamDomain = `https://${teamName}.cloudflareaccess.com`;

    // The OAuth client secret never sits in code or in the environment at
    // synth time: Terraform asks for it (TF_VAR_google_client_secret).
    const googleClientSecret = new TerraformVariable(this, 'google_client_secret', {
      type: 'string',
      sensitive: true,
      description: 'OAuth client secret of the Google Workspace identity provider',
    });
    const google = AccessIdentityProvider.googleWorkspace(this, 'google-workspace', {
      cloudflareAccountId: cloudflare.accountId,
      name: 'Google Workspace',
      clientId: setting('GOOGLE_CLIENT_ID', 'placeholder.apps.googleusercontent.com'),
      clientSecret: googleClientSecret.stringValue,
      workspaceDomain,
    });

    // Grafana's built-in admin account gets a random password kept in SSM,
    // never the image's default admin/admin.
    const adminPassword = new SsmParameter(this, 'grafana-admin-password', {
      name: '/grafana/admin-password',
      description: 'Password of the Grafana admin account (break-glass login)',
      type: 'SecureString',
      value: new Password(this, 'grafana-admin-password-value', { length: 32, special: false }).result,
    });

    // CI jobs and scripts call Grafana's HTTP API with a service token: the
    // CF-Access-Client-Id and CF-Access-Client-Secret headers, no browser. Access
    // only lets them in; Grafana signs them in by a service account token.
    const ci = new AccessServiceToken(this, 'grafana-ci', { cloudflareAccountId: cloudflare.accountId, name: 'grafana-ci' });
    new TerraformOutput(this, 'grafana_ci_client_id', {
      value: ci.clientId,
      description: 'CF-Access-Client-Id of the Grafana CI service token',
    });
    new TerraformOutput(this, 'grafana_ci_client_secret', {
      value: ci.clientSecret,
      sensitive: true,
      description: 'CF-Access-Client-Secret of the Grafana CI service token: copy it into the CI secret store',
    });

    const allowedUsers = listSetting('GRAFANA_ALLOWED_EMAILS', '');
    new ZeroTrustFargateService(this, 'grafana', {
      name: 'grafana',
      cloudflareAccountId: cloudflare.accountId,
      cloudflareZoneId: cloudflare.zoneId,
      zoneName: cloudflare.zoneName,
      hostname,
      // cloudflared also checks the Access token (this application's AUD), so only
      // Access-approved requests reach Grafana; the same team name as Grafana's.
      zeroTrustTeamName: teamName,
      access: {
        applicationName: 'Grafana',
        // Only Google Workspace logins, straight to Google's sign-in page.
        allowedIdentityProviderIds: [google.identityProviderId],
        autoRedirectToIdentity: true,
        // Everyone of the Workspace domain, or only the listed users when given.
        allow: allowedUsers.length > 0 ? [AccessRule.emails(allowedUsers)] : [AccessRule.emailDomain(workspaceDomain)],
        // The CI token gets in without a login (Service Auth); its key keeps the
        // policy's Terraform address whatever it is renamed to.
        policies: [{
          key: 'ci',
          name: 'Grafana CI',
          decision: AccessDecision.NON_IDENTITY,
          include: [AccessRule.serviceToken(ci.tokenId)],
        }],
        // No serviceAuth401 here: this application is the browsers' too, and whether
        // people would then get a 401 instead of the login page is unverified
        // (docs/access.md). Nor an /api path application for CI: Grafana's own pages
        // call /api, and their requests could not follow a second login.
      },
      network: { egressMode: EgressMode.NAT_GATEWAY_SINGLE },
      app: {
        name: 'grafana',
        image: ContainerImage.fromRegistry(GRAFANA_IMAGE),
        port: 3000,
        environment: {
          GF_SERVER_ROOT_URL: `https://${hostname}/`,
          // Users are who Access's signed token says they are. Grafana verifies the
          // Cf-Access-Jwt-Assertion JWT against the team's signing keys and
          // issuer, and reads the email from it. Never trust the
          // Cf-Access-Authenticated-User-Email header instead (auth proxy): a
          // service-token caller could send its own, and Cloudflare's docs say the
          // header alone is not enough. cloudflared already checks the token's AUD.
          GF_AUTH_JWT_ENABLED: 'true',
          GF_AUTH_JWT_HEADER_NAME: 'Cf-Access-Jwt-Assertion',
          GF_AUTH_JWT_JWK_SET_URL: `${teamDomain}/cdn-cgi/access/certs`,
          // Terraform's jsonencode, not JSON.stringify: the task definition's own
          // jsonencode would not escape the quotes of a JSON string.
          GF_AUTH_JWT_EXPECT_CLAIMS: Fn.jsonencode({ iss: teamDomain }),
          GF_AUTH_JWT_EMAIL_CLAIM: 'email',
          GF_AUTH_JWT_USERNAME_CLAIM: 'email',
          // A user's first request creates the account, as a Viewer. Roles are
          // managed in Grafana (the token carries none), so the login keeps them.
          GF_AUTH_JWT_AUTO_SIGN_UP: 'true',
          GF_AUTH_JWT_SKIP_ORG_ROLE_SYNC: 'true',
          // Service-token JWTs have an empty `sub`: Grafana's JWT login passes
          // them on, and CI signs in with a Grafana service account token.
          GF_USERS_ALLOW_SIGN_UP: 'false',
          GF_ANALYTICS_REPORTING_ENABLED: 'false',
          GF_ANALYTICS_CHECK_FOR_UPDATES: 'false',
        },
        secrets: { GF_SECURITY_ADMIN_PASSWORD: ContainerSecret.fromSsmParameter(adminPassword.arn) },
        // The image is Alpine based: busybox wget is there, and no shell is needed.
        healthCheck: {
          command: ['CMD', 'wget', '--quiet', '--spider', 'http://127.0.0.1:3000/api/health'],
          intervalSeconds: 30,
          timeoutSeconds: 5,
          retries: 3,
          startPeriodSeconds: 30,
        },
      },
      service: {
        cpu: 512,
        memory: 1024,
        logRetentionDays: 30,
        // Start cloudflared once Grafana answers its health check, instead of
        // the article's wait loop in a custom entrypoint.
        sidecar: { startCondition: SidecarStartCondition.HEALTHY },
      },
      // About 1.10 USD a month (the topic's KMS key and one alarm); Cloudflare's notification is free.
      alerts: {
        aws: AwsAlertTarget.email(alertEmail('GRAFANA')),
        cloudflare: CloudflareAlertTarget.email(alertEmail('GRAFANA')),
      },
    });
  }
}
