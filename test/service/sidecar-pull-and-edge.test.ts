// The sidecar's edge IP version and its image pulled through an ECR pull-through cache of Docker Hub.
import { decodeJsonencode } from './decode';
import { serviceProps } from './fixtures';
import { PinnedVersions } from '../../src/core/versions';
import { ContainerImage } from '../../src/image';
import { CloudflaredEdgeIpVersion, TunnelFargateService, TunnelFargateServiceProps } from '../../src/service';
import { onlyResource, synth, raisedAs } from '../helpers';

const REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const CACHE_ARN = 'arn:aws:ecr:eu-west-1:123456789012:repository/docker-hub/cloudflare/cloudflared';
const DIGEST = `sha256:${'a'.repeat(64)}`;

function build(overrides: Partial<TunnelFargateServiceProps> = {}) {
  const { doc } = synth((stack) => new TunnelFargateService(stack, 'web', serviceProps(overrides)));
  const containers: any[] = decodeJsonencode(onlyResource(doc, 'aws_ecs_task_definition').container_definitions);
  const sidecar = containers.find((c) => c.name === 'cloudflared');
  const documents = Object.entries<any>(doc.data.aws_iam_policy_document)
    .filter(([key]) => key.includes('execution-role') && key.includes('PolicyDocument'));
  const statements: Record<string, any> = Object.fromEntries(documents[0][1].statement.map((s: any) => [s.sid, s]));
  const env = (name: string) => sidecar.environment.find((e: any) => e.name === name)?.value;
  return { sidecar, statements, env };
}

describe('edge IP version', () => {
  test('is written out as IPv4 by default, whatever cloudflared\'s own default', () => {
    expect(build().env('TUNNEL_EDGE_IP_VERSION')).toBe('4');
  });

  test.each([
    [CloudflaredEdgeIpVersion.AUTO, 'auto'],
    [CloudflaredEdgeIpVersion.IPV6, '6'],
    [CloudflaredEdgeIpVersion.IPV4, '4'],
  ])('%s sets TUNNEL_EDGE_IP_VERSION=%s', (edgeIpVersion, value) => {
    expect(build({ sidecar: { edgeIpVersion } }).env('TUNNEL_EDGE_IP_VERSION')).toBe(value);
  });

  test('a value outside the enum is refused', () => {
    expect(() => build({ sidecar: { edgeIpVersion: '5' as CloudflaredEdgeIpVersion } }))
      .toThrow(/^Invalid sidecar\.edgeIpVersion: "5"\./);
  });
});

describe('ContainerImage.cloudflaredFromPullThroughCache', () => {
  test('pulls <registry>/<prefix>/cloudflare/cloudflared:<pinned version>', () => {
    const image = ContainerImage.cloudflaredFromPullThroughCache({ registry: REGISTRY, prefix: 'docker-hub' });
    expect(image.imageUri).toBe(`${REGISTRY}/docker-hub/cloudflare/cloudflared:${PinnedVersions.CLOUDFLARED}`);
    expect(image.repositoryArn).toBe(CACHE_ARN);
    expect(image._pullsThroughCache).toBe(true);
  });

  test('keeps a version and digest', () => {
    const image = ContainerImage.cloudflaredFromPullThroughCache({ registry: REGISTRY, prefix: 'mirror/hub', version: '2026.8.1', digest: DIGEST });
    expect(image.imageUri).toBe(`${REGISTRY}/mirror/hub/cloudflare/cloudflared:2026.8.1@${DIGEST}`);
    expect(image.repositoryArn).toBe('arn:aws:ecr:eu-west-1:123456789012:repository/mirror/hub/cloudflare/cloudflared');
  });

  test('derives the partition of China and GovCloud registries', () => {
    expect(ContainerImage.cloudflaredFromPullThroughCache({ registry: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', prefix: 'hub' }).repositoryArn)
      .toBe('arn:aws-cn:ecr:cn-north-1:123456789012:repository/hub/cloudflare/cloudflared');
    expect(ContainerImage.cloudflaredFromPullThroughCache({ registry: '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com', prefix: 'hub' }).repositoryArn)
      .toBe('arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/hub/cloudflare/cloudflared');
  });

  test('the execution role pulls from, creates and imports into exactly the cache repository', () => {
    const image = ContainerImage.cloudflaredFromPullThroughCache({ registry: REGISTRY, prefix: 'docker-hub', cacheRepositoryArn: CACHE_ARN });
    const { sidecar, statements } = build({ sidecar: { image } });
    expect(sidecar.image).toBe(`${REGISTRY}/docker-hub/cloudflare/cloudflared:${PinnedVersions.CLOUDFLARED}`);
    expect(statements.EcrLogin.resources).toEqual(['*']);
    expect(statements.EcrPull.resources).toEqual([CACHE_ARN]);
    expect(statements.EcrPullThroughCache).toEqual(expect.objectContaining({
      effect: 'Allow',
      actions: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'],
      resources: [CACHE_ARN],
    }));
  });

  test('an image from a mirror repository gets no import permission', () => {
    const image = ContainerImage.fromExistingEcrRepository({
      repositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/mirror/cloudflared',
      repositoryUrl: `${REGISTRY}/mirror/cloudflared`,
      tag: PinnedVersions.CLOUDFLARED,
    });
    const { statements } = build({ sidecar: { image } });
    expect(statements.EcrPull.resources).toEqual(['arn:aws:ecr:eu-west-1:123456789012:repository/mirror/cloudflared']);
    expect(statements.EcrPullThroughCache).toBeUndefined();
  });

  describe('rejects', () => {
    test('a release older than the minimum', () => {
      expect(raisedAs('sidecar.image', ContainerImage.cloudflaredFromPullThroughCache({ registry: REGISTRY, prefix: 'docker-hub', version: '2024.10.0' })))
        .toThrow(/^Invalid sidecar\.image: "2024\.10\.0"\..*Given to ContainerImage\.cloudflared\(version\)\.$/);
    });

    test('a registry with a path or not in ECR', () => {
      expect(raisedAs('sidecar.image', ContainerImage.cloudflaredFromPullThroughCache({ registry: `${REGISTRY}/docker-hub`, prefix: 'docker-hub' })))
        .toThrow(/^Invalid sidecar\.image: .*Given to ContainerImage\.cloudflaredFromPullThroughCache\(registry\)\.$/);
      expect(raisedAs('sidecar.image', ContainerImage.cloudflaredFromPullThroughCache({ registry: 'docker.io', prefix: 'docker-hub' })))
        .toThrow(/^Invalid sidecar\.image: "docker\.io"\./);
    });

    test('a bad prefix', () => {
      expect(raisedAs('sidecar.image', ContainerImage.cloudflaredFromPullThroughCache({ registry: REGISTRY, prefix: 'Docker-Hub' })))
        .toThrow(/^Invalid sidecar\.image: "Docker-Hub"\..*\(prefix\)\.$/);
    });

    test('an ARN of another repository', () => {
      expect(raisedAs('sidecar.image', ContainerImage.cloudflaredFromPullThroughCache({
        registry: REGISTRY, prefix: 'docker-hub', cacheRepositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/other',
      }))).toThrow(/^Invalid sidecar\.image: .*\(cacheRepositoryArn\)\.$/);
    });
  });
});
