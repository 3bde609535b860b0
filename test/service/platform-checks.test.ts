// Platform rules checked by the service and the task definition (docs/constraints.md): ARM64 and the
// platform version, Fargate Spot without an on-demand base, private ECR images by reference, and the
// plan-time check that an ECR image is in its repository.
import { Construct } from 'constructs';
import { serviceProps, taskDefinitionProps } from './fixtures';
import { ContainerImage, EcrRepository } from '../../src/image';
import { ZeroTrustFargateService } from '../../src/pattern';
import { CapacityProviderStrategy, ContainerSecret, CpuArchitecture, TunnelFargateService } from '../../src/service';
import { TunnelTaskDefinition } from '../../src/service/internal/tunnel-task-definition';
import { expectInvalid, newStack, resources, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const ECR_REFERENCE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app';

function warnings(scope: Construct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata).map((m) => String(m.data)).filter((text) => /on-demand base/.test(text));
}

describe('enum props given as strings, as plain JavaScript passes them', () => {
  test.each([
    ['cpuArchitecture', { cpuArchitecture: 'arm64' }, /^Invalid cpuArchitecture: "arm64"\. Expected a CpuArchitecture: X86_64, ARM64\./],
    ['sidecar.startCondition', { sidecar: { startCondition: 'healthy' } }, /"healthy"\. Expected a SidecarStartCondition: START, HEALTHY\./],
    ['sidecar.logLevel', { sidecar: { logLevel: 'DEBUG' } }, /"DEBUG"\. Expected a CloudflaredLogLevel: DEBUG \("debug"\), INFO \("info"\)/],
    ['sidecar.protocol', { sidecar: { protocol: 'h2' } }, /"h2"\. Expected a CloudflaredProtocol: AUTO \("auto"\), HTTP2 \("http2"\), QUIC \("quic"\)\./],
  ])('%s outside the enum is refused under its name', (property, overrides, message) => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'web', serviceProps(overrides as any)), property, message);
  });

  test('through the pattern, under service.cpuArchitecture', () => {
    expectInvalid(() => new ZeroTrustFargateService(newStack(), 'admin', { ...PATTERN_PROPS, service: { cpuArchitecture: 'arm64' as any } }), 'service.cpuArchitecture', /Expected a CpuArchitecture/);
  });

  test('the enums\' own values pass', () => {
    expect(() => synth((stack) => new TunnelFargateService(stack, 'web', serviceProps({ cpuArchitecture: CpuArchitecture.ARM64 })))).not.toThrow();
  });
});

describe('platform version', () => {
  test.each([
    [{ cpuArchitecture: CpuArchitecture.ARM64 }, /cpuArchitecture ARM64 \(on Fargate and on Fargate Spot\) needs Fargate platform version 1\.4\.0/],
    [{ cpuArchitecture: CpuArchitecture.ARM64, capacityProviderStrategy: CapacityProviderStrategy.fargateSpot({ acceptNoOnDemandBase: true }) }, /ARM64/],
    [{ enableExecuteCommand: true }, /enableExecuteCommand needs/],
  ])('1.3.0 is refused for %o', (overrides, message) => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'service', serviceProps({ ...overrides, platformVersion: '1.3.0' })), 'platformVersion', message);
  });

  test.each(['LATEST', '1.4.0', undefined])('ARM64 on Fargate Spot runs on %p (ECS API: FARGATE_SPOT supports ARM64 on 1.4.0 or later)', (platformVersion) => {
    const { doc } = synth((stack) => new TunnelFargateService(stack, 'service', serviceProps({
      cpuArchitecture: CpuArchitecture.ARM64,
      capacityProviderStrategy: CapacityProviderStrategy.mixed({ fargateBase: 1, fargateWeight: 1, fargateSpotWeight: 3 }),
      platformVersion,
    })));
    expect(Object.values<any>(resources(doc, 'aws_ecs_service'))[0].platform_version).toBe(platformVersion);
  });

  test('1.3.0 still runs x86 tasks without ECS Exec, and a malformed version is refused', () => {
    expect(() => new TunnelFargateService(newStack(), 'service', serviceProps({ platformVersion: '1.3.0' }))).not.toThrow();
    expectInvalid(() => new TunnelFargateService(newStack(), 'service', serviceProps({ platformVersion: 'v1.4' })), 'platformVersion', /Expected "LATEST" or a Fargate platform version/);
  });
});

describe('Fargate Spot without an on-demand base', () => {
  test.each([
    ['fargateSpot()', CapacityProviderStrategy.fargateSpot(), 1],
    ['mixed() without fargateBase', CapacityProviderStrategy.mixed({ fargateWeight: 1, fargateSpotWeight: 1 }), 1],
    ['fargateSpot() accepted', CapacityProviderStrategy.fargateSpot({ acceptNoOnDemandBase: true }), 0],
    ['mixed() without base, accepted', CapacityProviderStrategy.mixed({ fargateWeight: 1, fargateSpotWeight: 1, acceptNoOnDemandBase: true }), 0],
    ['mixed() with an on-demand base', CapacityProviderStrategy.mixed({ fargateBase: 1, fargateWeight: 0, fargateSpotWeight: 1 }), 0],
    ['fargate()', CapacityProviderStrategy.fargate(), 0],
  ])('%s: %d warning(s) naming the opt-out', (_what, capacityProviderStrategy, count) => {
    const stack = newStack();
    new TunnelFargateService(stack, 'service', serviceProps({ capacityProviderStrategy }));
    expect(warnings(stack)).toHaveLength(count);
    if (count > 0) {
      expect(warnings(stack)[0]).toMatch(/fargateBase: 1.*acceptNoOnDemandBase: true/);
    }
  });
});

describe('private ECR images by reference', () => {
  test('name:tag@digest is accepted and kept verbatim (the digest decides what is pulled)', () => {
    for (const reference of [`ghcr.io/acme/app:1.4.2@${DIGEST}`, `nginx:1.27@${DIGEST}`, `localhost:5000/app:1@${DIGEST}`]) {
      const image = ContainerImage.fromRegistry(reference);
      expect(image._problem).toBeUndefined();
      expect(image.imageUri).toBe(reference);
    }
    expect(ContainerImage.fromRegistry('nginx:1.27@sha256:abc')._problem).toBeDefined();
    expect(ContainerImage.fromRegistry(`Nginx:1.27@${DIGEST}`)._problem).toBeDefined();
  });

  test.each([
    [`${ECR_REFERENCE}:1.4.2`, 'arn:aws:ecr:eu-west-1:123456789012:repository/team/app', { image_tag: '1.4.2' }],
    [`${ECR_REFERENCE}:1.4.2@${DIGEST}`, 'arn:aws:ecr:eu-west-1:123456789012:repository/team/app', { image_digest: DIGEST }],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:2', 'arn:aws-cn:ecr:cn-north-1:123456789012:repository/app', { image_tag: '2' }],
    ['123456789012.dkr-ecr.us-gov-west-1.on.aws/app:2', 'arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/app', { image_tag: '2' }],
  ])('%s: pull on exactly %s, and the plan checks the image', (reference, arn, wanted) => {
    const image = ContainerImage.fromRegistry(reference);
    expect(image.repositoryArn).toBe(arn);
    const { json, doc } = synth((stack) => new TunnelFargateService(stack, 'service', serviceProps({ app: { image, port: 8080 } })));
    expect(json).toContain(`"${arn}"`);
    const checks = Object.values<any>(doc.data.aws_ecr_images);
    expect(checks).toHaveLength(1);
    const [field, value] = Object.entries(wanted)[0];
    expect(checks[0].lifecycle.postcondition[0].condition).toBe(`\${contains(self.image_ids[*].${field}, "${value}")}`);
    expect(checks[0].registry_id).toBe('123456789012');
  });

  test('public registries get no pull rights and no check', () => {
    const image = ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
    expect(image.repositoryArn).toBeUndefined();
    const { doc } = synth((stack) => new TunnelFargateService(stack, 'service', serviceProps({ app: { image, port: 8080 } })));
    expect(doc.data?.aws_ecr_images).toBeUndefined();
  });
});

describe('an ECR image must be in its repository before the service uses it', () => {
  test('fromEcrRepository: a postcondition on the repository\'s image list, which the task definition waits for', () => {
    const { doc } = synth((stack) => {
      const repository = new EcrRepository(stack, 'repository', { name: 'team/app' });
      new TunnelTaskDefinition(stack, 'task', taskDefinitionProps({ app: { image: ContainerImage.fromEcrRepository(repository, '1.4.2'), port: 8080 } }));
    });
    const [id, check] = Object.entries<any>(doc.data.aws_ecr_images)[0];
    expect(check.repository_name).toMatch(/^\$\{aws_ecr_repository\.\w+\.name\}$/);
    expect(check.region).toMatch(/^\$\{aws_ecr_repository\.\w+\.region\}$/);
    expect(check.lifecycle.postcondition).toEqual([{
      condition: '${contains(self.image_ids[*].image_tag, "1.4.2")}',
      error_message: expect.stringMatching(/^The image of app\.image \(tag 1\.4\.2\) is not in the ECR repository "\$\{aws_ecr_repository\.\w+\.name\}"|^The image of app\.image \(tag 1\.4\.2\) is not in the ECR repository it names: push it/),
    }]);
    expect(Object.values<any>(doc.resource.aws_ecs_task_definition)[0].depends_on).toEqual([`data.aws_ecr_images.${id}`]);
  });

  test('fromExistingEcrRepository reads account, region and name from the ARN, and checkImageExists: false turns it off', () => {
    const props = { repositoryArn: 'arn:aws:ecr:us-east-1:210987654321:repository/shared/app', repositoryUrl: '210987654321.dkr.ecr.us-east-1.amazonaws.com/shared/app', tag: DIGEST };
    const { doc } = synth((stack) => new TunnelTaskDefinition(stack, 'task', taskDefinitionProps({ app: { image: ContainerImage.fromExistingEcrRepository(props), port: 8080 } })));
    expect(Object.values<any>(doc.data.aws_ecr_images)[0]).toMatchObject({ repository_name: 'shared/app', registry_id: '210987654321', region: 'us-east-1' });
    const off = synth((stack) => new TunnelTaskDefinition(stack, 'task', taskDefinitionProps({
      app: { image: ContainerImage.fromExistingEcrRepository({ ...props, checkImageExists: false }), port: 8080 },
    })));
    expect(off.doc.data?.aws_ecr_images).toBeUndefined();
    expect(Object.values<any>(off.doc.resource.aws_ecs_task_definition)[0].depends_on).toBeUndefined();
  });

  test('a pull-through cache is filled by the first pull: no check', () => {
    const image = ContainerImage.cloudflaredFromPullThroughCache({ registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', prefix: 'docker-hub' });
    const { doc } = synth((stack) => new TunnelTaskDefinition(stack, 'task', taskDefinitionProps({ sidecar: { image } })));
    expect(doc.data?.aws_ecr_images).toBeUndefined();
  });
});

describe('the building blocks name their own props', () => {
  test('TunnelFargateService: app.secrets.<name>', () => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'task', serviceProps({
      app: { image: ContainerImage.fromRegistry('ghcr.io/acme/app:1'), port: 8080, secrets: { DB: ContainerSecret.fromSsmParameter('db') } },
    })), 'app.secrets.DB', /Given to ContainerSecret\.fromSsmParameter\(parameterArn\)\.$/);
  });

  test('TunnelFargateService: capacityProviderStrategy', () => {
    expectInvalid(() => new TunnelFargateService(newStack(), 'service', serviceProps({
      capacityProviderStrategy: CapacityProviderStrategy.mixed({ fargateWeight: 0, fargateSpotWeight: 0 }),
    })), 'capacityProviderStrategy', /At least one of fargateWeight and fargateSpotWeight/);
  });
});
