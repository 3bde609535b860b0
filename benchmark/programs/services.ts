// (c) N services in one stack, sharing one network and one cluster, as a large
// organisation would run dozens of internal apps: the cost of each extra
// service should stay flat. N is the first argument.
import { App, TerraformStack } from 'cdktf';
import { freshOutdir, report } from './measure';
import { configureProviders } from '../../examples/shared/settings';
import { AccessRule, ContainerImage, FargateCluster, PrivateNetwork, ZeroTrustFargateService } from '../../src';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) {
  throw new Error(`Expected the number of services (a positive integer) as the first argument, got ${process.argv[2]}`);
}

const outdir = freshOutdir();
const app = new App({ outdir });
const stack = new TerraformStack(app, 'services');
configureProviders(stack);
const network = new PrivateNetwork(stack, 'network', { name: 'shared' });
const cluster = new FargateCluster(stack, 'cluster', { name: 'shared' });

for (let i = 0; i < count; i++) {
  new ZeroTrustFargateService(stack, `svc-${i}`, {
    name: `svc-${i}`,
    outputPrefix: `svc_${i}`,
    hostname: `svc-${i}.example.com`,
    cloudflareAccountId: '0123456789abcdef0123456789abcdef',
    cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
    zoneName: 'example.com',
    existingNetwork: network,
    existingCluster: cluster,
    access: { allow: [AccessRule.emailDomain('example.com')] },
    app: { image: ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27.3'), port: 8080 },
  });
}

app.synth();
report(outdir, { services: count });
