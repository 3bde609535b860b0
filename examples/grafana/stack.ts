// The Grafana article on the library: the official Grafana image in a private
// subnet (NAT gateway egress) on ECS Fargate, behind a cloudflared sidecar and
// Cloudflare Access with Google Workspace login, and a service token for CI.
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Password } from '@cdktf/provider-random/lib/password';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
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
import { alertEmail, cloudflareSettings, configureProviders, listSetting, optionalSetting, setting } from '../shared/settings';

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
    // CF-Access-Client-Id and CF-Access-Client-Secret headers, no browser.
    const ci = new AccessServiceToken(this, 'grafana-ci', { cloudflareAccountId: cloudflare.accountId, name: 'grafana-ci' });
    new TerraformOutput(this, 'grafana-ci-client-id', {
      value: ci.clientId,
      description: 'CF-Access-Client-Id of the Grafana CI service token',
    });
    new TerraformOutput(this, 'grafana-ci-client-secret', {
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
      // cloudflared also checks the Access token, so only Access-approved requests reach Grafana.
      // Unset: the origin Access check reads the team name from the account.
      zeroTrustTeamName: optionalSetting('CLOUDFLARE_TEAM_NAME'),
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
          // Users are who Access says they are: Cloudflare sets this header on
          // every request, and cloudflared rejects requests without a valid
          // Access token, so nothing else can reach Grafana to forge it.
          GF_AUTH_PROXY_ENABLED: 'true',
          GF_AUTH_PROXY_HEADER_NAME: 'Cf-Access-Authenticated-User-Email',
          GF_AUTH_PROXY_HEADER_PROPERTY: 'email',
          GF_AUTH_PROXY_AUTO_SIGN_UP: 'true',
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
