// The Flask article, resource by resource, on the library: a Flask app in a
// private subnet on ECS Fargate (Spot), published only through a Cloudflare
// Tunnel sidecar and an Access email allow-list.
//
// Two ways to deploy it (see README.md), each on its own:
// - one deploy: `flask-build` builds the image from app/ and pushes it during
//   `cdktf deploy` (ContainerImage.fromDockerBuild), then runs it;
// - two stacks, for teams that build images in CI: `flask-images` holds the two
//   ECR repositories, `flask` the service, which finds the repositories by name.
//   They are deployed in this order with the image pushes in between. Names, not
//   constructs, cross the stack boundary: a cross-stack reference would need a
//   shared backend.
import * as path from 'path';
import { DataAwsEcrImage } from '@cdktf/provider-aws/lib/data-aws-ecr-image';
import { DataAwsEcrRepository } from '@cdktf/provider-aws/lib/data-aws-ecr-repository';
import { TerraformOutput, TerraformStack } from 'cdktf';
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
  ZeroTrustFargateServiceProps,
} from '../../src';
import { alertEmail, cloudflareSettings, configureAwsProvider, configureProviders, listSetting, setting } from '../shared/settings';

/** Names of the two ECR repositories that `flask-images` creates and `flask` pulls from. */
export const FLASK_REPOSITORY_NAMES = {
  /** The Flask app's image, built from `app/`. */
  app: 'flask',
  /** A copy of the official `cloudflare/cloudflared` image at `PinnedVersions.CLOUDFLARED`. */
  cloudflared: 'cloudflared',
} as const;

/**
 * The Flask example's images: the two ECR repositories, in a stack of their own
 * so that they exist (and hold the images) before the service that runs them.
 */
export class FlaskImagesStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureAwsProvider(this);

    // Two repositories, as in the article: the app's, and a copy of the
    // official cloudflared image (pushed at the pinned tag, see README).
    // Everything in them is rebuilt from app/ and Docker Hub, so destroying
    // this stack deletes them with their images (force_delete).
    new EcrRepository(this, 'flask-repository', { name: FLASK_REPOSITORY_NAMES.app, forceDelete: true });
    new EcrRepository(this, 'cloudflared-repository', {
      name: FLASK_REPOSITORY_NAMES.cloudflared,
      tagMutability: TagMutability.IMMUTABLE,
      forceDelete: true,
    });

    // The tag to push the cloudflared copy at: the release this library pins.
    new TerraformOutput(this, 'cloudflared_version', {
      value: PinnedVersions.CLOUDFLARED,
      description: `Tag to push to the ${FLASK_REPOSITORY_NAMES.cloudflared} repository: the cloudflared release the sidecar runs`,
    });
  }
}

/** The Flask example: one `ZeroTrustFargateService`, running images from the repositories of {@link FlaskImagesStack}. */
export class FlaskExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this);

    const flaskTag = setting('FLASK_IMAGE_TAG', '1.0.0');

    // The repositories of the flask-images stack, looked up by name, and the
    // pinned image of each: the plan fails here, before anything is created,
    // while a repository or an image is missing.
    const image = (repository: string, tag: string): ContainerImage => {
      const found = new DataAwsEcrRepository(this, `${repository}-repository`, { name: repository });
      new DataAwsEcrImage(this, `${repository}-image`, { repositoryName: repository, imageTag: tag });
      // The execution role may pull from exactly this repository (its ARN).
      return ContainerImage.fromExistingEcrRepository({ repositoryArn: found.arn, repositoryUrl: found.repositoryUrl, tag });
    };

    new ZeroTrustFargateService(this, 'flask', flaskServiceProps(
      image(FLASK_REPOSITORY_NAMES.app, flaskTag),
      image(FLASK_REPOSITORY_NAMES.cloudflared, PinnedVersions.CLOUDFLARED),
    ));
  }
}

/**
 * The Flask example in one deploy: the same service as {@link FlaskExampleStack}, with the app's
 * image built from `app/` and pushed to the ECR repository `flask` during `cdktf deploy` (which then
 * needs a running Docker daemon), and the official `cloudflared` image from Docker Hub.
 */
export class FlaskBuildStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this);

    // Mutable tags: each image is tagged with the hash of app/, so deploying an earlier
    // version again (a revert) pushes its tag again. The service runs the pushed digest.
    // Destroying the stack deletes the repository with its images (force_delete).
    const repository = new EcrRepository(this, 'flask-repository', {
      name: FLASK_REPOSITORY_NAMES.app,
      tagMutability: TagMutability.MUTABLE,
      forceDelete: true,
    });
    const app = ContainerImage.fromDockerBuild({ directory: path.join(__dirname, 'app'), repository });

    new ZeroTrustFargateService(this, 'flask', flaskServiceProps(app, ContainerImage.cloudflared()));
  }
}

/** The Flask service of the article, running `app` and the `cloudflared` image `sidecar`. */
function flaskServiceProps(app: ContainerImage, sidecar: ContainerImage): ZeroTrustFargateServiceProps {
  const cloudflare = cloudflareSettings();
  const hostname = setting('FLASK_HOSTNAME', `flask.${cloudflare.zoneName}`);
  return {
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
      image: app,
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
      // A demo on one Spot task: an outage while Spot reclaims it is accepted (no on-demand base).
      capacityProviderStrategy: CapacityProviderStrategy.fargateSpot({ acceptNoOnDemandBase: true }),
      logRetentionDays: 7,
      sidecar: {
        image: sidecar,
        startCondition: SidecarStartCondition.START,
      },
    },
    // One Spot task: a reclaimed task or a failed deploy should reach someone. About 1.10 USD a month
    // (the topic's KMS key and one alarm); Cloudflare's tunnel health notification is free.
    alerts: {
      aws: AwsAlertTarget.email(alertEmail('FLASK')),
      cloudflare: CloudflareAlertTarget.email(alertEmail('FLASK')),
    },
  };
}
