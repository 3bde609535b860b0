// The Flask article, resource by resource, on the library: a Flask app in a
// private subnet on ECS Fargate (Spot), published only through a Cloudflare
// Tunnel sidecar and an Access email allow-list.
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AccessRule,
  AwsAlertTarget,
  CapacityProviderStrategy,
  CloudflareAlertTarget,
  ContainerImage,
  EcrRepository,
  EgressMode,
  PinnedVersions,
  SidecarStartCondition,
  TagMutability,
  TunnelCredentialFormat,
  ZeroTrustFargateService,
} from '../../src';
import { alertEmail, cloudflareSettings, configureProviders, listSetting, setting } from '../shared/settings';

/** The Flask example: one `ZeroTrustFargateService` plus the two ECR repositories. */
export class FlaskExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this);
    const cloudflare = cloudflareSettings();
    const hostname = setting('FLASK_HOSTNAME', `flask.${cloudflare.zoneName}`);

    // Two repositories, as in the article: the app's, and a copy of the
    // official cloudflared image (pushed at the pinned tag, see README).
    const flaskRepository = new EcrRepository(this, 'flask-repository', { name: 'flask' });
    const cloudflaredRepository = new EcrRepository(this, 'cloudflared-repository', {
      name: 'cloudflared',
      tagMutability: TagMutability.IMMUTABLE,
    });

    new ZeroTrustFargateService(this, 'flask', {
      name: 'flask',
      cloudflareAccountId: cloudflare.accountId,
      cloudflareZoneId: cloudflare.zoneId,
      zoneName: cloudflare.zoneName,
      hostname,
      access: {
        applicationName: 'Flask',
        sessionDuration: '24h',
        appLauncherVisible: true,
        logoUrl: setting('FLASK_LOGO_URL', 'https://flask.palletsprojects.com/en/stable/_static/flask-icon.svg'),
        allow: [AccessRule.emails(listSetting('FLASK_ALLOWED_EMAILS', 'alice@example.com,bob@example.com'))],
      },
      // The article keeps the tunnel credentials JSON (AccountTag, TunnelSecret, TunnelID) in SSM.
      credential: {
        format: TunnelCredentialFormat.CREDENTIALS_FILE,
        parameterName: '/flask/tunnel-credentials',
      },
      network: { cidrBlock: '10.0.0.0/16', availabilityZoneCount: 2, egressMode: EgressMode.NAT_GATEWAY_SINGLE },
      app: {
        name: 'flask',
        image: ContainerImage.fromEcrRepository(flaskRepository, setting('FLASK_IMAGE_TAG', '1.0.0')),
        port: 5000,
        healthCheck: {
          command: ['CMD', 'python', '-c', "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5000/health')"],
          startPeriodSeconds: 10,
        },
        user: '10001',
      },
      service: {
        cpu: 512, // 0.5 vCPU
        memory: 1024, // 1 GB
        desiredCount: 1,
        capacityProviderStrategy: CapacityProviderStrategy.fargateSpot(),
        logRetentionDays: 7,
        sidecar: {
          image: ContainerImage.fromEcrRepository(cloudflaredRepository, PinnedVersions.CLOUDFLARED),
          startCondition: SidecarStartCondition.START,
        },
      },
      // One Spot task: a reclaimed task or a failed deploy should reach someone. About 1.10 USD a month
      // (the topic's KMS key and one alarm); Cloudflare's tunnel health notification is free.
      alerts: {
        aws: AwsAlertTarget.email(alertEmail('FLASK')),
        cloudflare: CloudflareAlertTarget.email(alertEmail('FLASK')),
      },
    });
  }
}
