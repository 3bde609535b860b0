// Stacks for the determinism tests, built the same way in the test process and
// in the child processes it starts (synth-child.ts).
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { FlaskBuildStack, FlaskExampleStack } from '../../examples/flask/stack';
import { GrafanaExampleStack } from '../../examples/grafana/stack';
import {
  AccessDecision,
  AccessIdentityProvider,
  AccessRule,
  AccessServiceToken,
  ContainerImage,
  SidecarStartCondition,
  ZeroTrustFargateService,
} from '../../src';

/** Settings the examples read from the environment; unset, they use their placeholders. */
export const EXAMPLE_SETTINGS = /^(CLOUDFLARE_|AWS_REGION$|FLASK_|GRAFANA_|GOOGLE_)/;

/** Removes the examples' settings from an environment. */
export function withoutExampleSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !EXAMPLE_SETTINGS.test(name)));
}

/** The parts of the several-constructs stack, created in a given order. */
export type Part = 'providers' | 'identity-provider' | 'service-token' | 'admin-service' | 'wiki-service';

/** Creation orders that all describe the same stack; the admin service needs the identity provider and the token first. */
export const CREATION_ORDERS: Part[][] = [
  ['providers', 'identity-provider', 'service-token', 'admin-service', 'wiki-service'],
  ['wiki-service', 'service-token', 'identity-provider', 'admin-service', 'providers'],
  ['identity-provider', 'wiki-service', 'providers', 'service-token', 'admin-service'],
];

const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';
const ZONE_ID = 'fedcba9876543210fedcba9876543210';

/**
 * Two services, an identity provider and a service token in one stack. The
 * admin service's policies are always given in the same order; only the order
 * in which the constructs are created changes.
 */
export function severalConstructs(app: App, order: Part[] = CREATION_ORDERS[0]): TerraformStack {
  const stack = new TerraformStack(app, 'tools');
  let google: AccessIdentityProvider | undefined;
  let ciToken: AccessServiceToken | undefined;
  const create: Record<Part, () => void> = {
    'providers': () => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      new CloudflareProvider(stack, 'cloudflare', {});
      new RandomProvider(stack, 'random');
    },
    'identity-provider': () => {
      const clientSecret = new TerraformVariable(stack, 'google_client_secret', { type: 'string', sensitive: true });
      google = AccessIdentityProvider.googleWorkspace(stack, 'google', {
        cloudflareAccountId: ACCOUNT_ID,
        clientId: 'client-id.apps.googleusercontent.com',
        clientSecret: clientSecret.stringValue,
        workspaceDomain: 'example.com',
      });
    },
    'service-token': () => {
      ciToken = new AccessServiceToken(stack, 'ci-token', { cloudflareAccountId: ACCOUNT_ID, name: 'ci-smoke-tests' });
    },
    'admin-service': () => {
      if (google === undefined || ciToken === undefined) {
        throw new Error('the admin service needs the identity provider and the service token first');
      }
      new ZeroTrustFargateService(stack, 'admin', {
        cloudflareAccountId: ACCOUNT_ID,
        cloudflareZoneId: ZONE_ID,
        zoneName: 'example.com',
        hostname: 'admin.example.com',
        app: {
          image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'),
          port: 8080,
          environment: { LOG_LEVEL: 'info', APP_MODE: 'production', BASE_URL: 'https://admin.example.com/' },
          healthCheck: { command: ['CMD', '/app/healthcheck'] },
        },
        access: {
          allowedIdentityProviderIds: [google.identityProviderId],
          policies: [
            { key: 'former-staff', name: 'Former staff', decision: AccessDecision.DENY, include: [AccessRule.emails(['former@example.com'])] },
            { key: 'ci', name: 'CI smoke tests', decision: AccessDecision.NON_IDENTITY, include: [AccessRule.serviceToken(ciToken.tokenId)] },
            {
              key: 'platform',
              name: 'Platform team',
              include: [
                AccessRule.googleWorkspaceGroup('platform@example.com', google.identityProviderId),
                AccessRule.emails(['carol@example.com', 'alice@example.com']),
              ],
            },
          ],
        },
        service: { desiredCount: 2, sidecar: { startCondition: SidecarStartCondition.HEALTHY } },
      });
    },
    'wiki-service': () => {
      new ZeroTrustFargateService(stack, 'wiki', {
        cloudflareAccountId: ACCOUNT_ID,
        cloudflareZoneId: ZONE_ID,
        hostname: 'wiki.example.com',
        outputPrefix: 'wiki',
        zeroTrustTeamName: 'acme',
        app: { image: ContainerImage.fromRegistry('ghcr.io/acme/wiki:3.0.1'), port: 3000 },
        access: { allow: [AccessRule.emailDomain('example.com')] },
        network: { cidrBlock: '10.1.0.0/16' },
      });
    },
  };
  for (const part of order) create[part]();
  return stack;
}

/** The stacks every determinism check synthesizes, by name. */
export const FIXTURES: Record<string, (app: App) => TerraformStack> = {
  'flask example': (app) => new FlaskExampleStack(app, 'flask'),
  // The image is tagged with a hash of examples/flask/app, computed at synth.
  'flask example built in one deploy': (app) => new FlaskBuildStack(app, 'flask-build'),
  'grafana example': (app) => new GrafanaExampleStack(app, 'grafana'),
  'several constructs': (app) => severalConstructs(app),
};

/** `Testing.synth` of every fixture (what a user's snapshot test records). */
export function testingSynthAll(): Record<string, string> {
  return Object.fromEntries(Object.entries(FIXTURES).map(([name, build]) => [name, Testing.synth(build(Testing.app()))]));
}

/** The `cdk.tf.json` that `cdktf synth` writes for one stack (with cdktf's metadata). */
export function fullSynth(build: (app: App) => TerraformStack): string {
  const outdir = mkdtempSync(join(tmpdir(), 'determinism-'));
  try {
    const app = new App({ outdir });
    const stack = build(app);
    app.synth();
    return readFileSync(join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The `cdk.tf.json` of every fixture. */
export function fullSynthAll(): Record<string, string> {
  return Object.fromEntries(Object.entries(FIXTURES).map(([name, build]) => [name, fullSynth(build)]));
}
