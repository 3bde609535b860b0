import { rendered } from './rendered';
import { PinnedVersions } from '../../src/core/versions';
import { ContainerImage, EcrRepository } from '../../src/image';
import { synth, raisedAs } from '../helpers';

const DIGEST = `sha256:${'a1'.repeat(32)}`;
const REPO_ARN = 'arn:aws:ecr:eu-west-1:123456789012:repository/team/my-app';
const REPO_URL = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/my-app';

describe('ContainerImage.fromRegistry', () => {
  test.each([
    'grafana/grafana:11.3.0',
    'ghcr.io/org/app:v1.2.3',
    'localhost:5000/app:1.0',
    `nginx@${DIGEST}`,
  ])('accepts the pinned reference %s unchanged, without a repository ARN', (reference) => {
    const image = ContainerImage.fromRegistry(reference);
    expect(image.imageUri).toBe(reference);
    expect(image.repositoryArn).toBeUndefined();
  });

  test.each([
    ['a latest tag', 'grafana/grafana:latest'],
    ['a LATEST tag', 'grafana/grafana:LATEST'],
    ['no tag', 'grafana/grafana'],
    ['a registry port but no tag', 'localhost:5000/app'],
    ['an empty tag', 'grafana/grafana:'],
    ['a malformed digest', 'nginx@sha256:abc'],
    ['an empty reference', ''],
  ])('rejects %s', (_what, reference) => {
    expect(raisedAs('value', ContainerImage.fromRegistry(reference))).toThrow(/Invalid value: .*"latest" and untagged references are not allowed/);
  });

  test.each([
    'public.ecr.aws/cloudflare/cloudflared:2025.11.1',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/grafana:11.3.0',
    'registry.example.com:8443/a/b_c/d-e:1',
    'my__name/x.y:2',
  ])('accepts the repository of %s', (reference) => {
    expect(ContainerImage.fromRegistry(reference).imageUri).toBe(reference);
  });

  test.each([
    ['a scheme', 'https://ghcr.io/acme/admin:1.4.2'],
    ['an upper-case repository', 'ghcr.io/Acme/Admin:1.4.2'],
    ['an empty path component', 'ghcr.io//admin:1.4.2'],
    ['a trailing separator', 'acme/admin-:1.4.2'],
    ['a scheme with a digest', `http://nginx@${DIGEST}`],
  ])('rejects %s, which registers but never pulls', (_what, reference) => {
    expect(raisedAs('value', ContainerImage.fromRegistry(reference))).toThrow(
      /Invalid value: .*Expected \[registry-host\[:port\]\/\]repository:tag with no scheme.*Docker refuses to pull anything else/);
  });
});

describe('ContainerImage.fromEcrRepository', () => {
  test('points at the repository URL with the tag and carries its ARN', () => {
    const [uri, arn] = rendered((stack) => {
      const repo = new EcrRepository(stack, 'Repo', { name: 'my-app' });
      const image = ContainerImage.fromEcrRepository(repo, '1.4.2');
      expect(image.repositoryArn).toBe(repo.repositoryArn);
      return [image.imageUri, image.repositoryArn!];
    });
    expect(uri).toMatch(/^\$\{aws_ecr_repository\.\w+\.repository_url\}:1\.4\.2$/);
    expect(arn).toMatch(/^\$\{aws_ecr_repository\.\w+\.arn\}$/);
  });

  test('a digest becomes name@digest', () => {
    const [uri] = rendered((stack) => [ContainerImage.fromEcrRepository(new EcrRepository(stack, 'Repo', { name: 'my-app' }), DIGEST).imageUri]);
    expect(uri).toMatch(new RegExp(`\\.repository_url\\}@${DIGEST}$`));
  });

  test.each(['latest', '', '-dash', 'a b'])('rejects the tag %p', (tag) => {
    synth((stack) => {
      const repo = new EcrRepository(stack, 'Repo', { name: 'my-app' });
      expect(raisedAs('value', ContainerImage.fromEcrRepository(repo, tag))).toThrow(/Invalid value: .*pinned version tag/);
    });
  });
});

describe('ContainerImage.fromExistingEcrRepository', () => {
  test('builds the URI and carries the given ARN', () => {
    const image = ContainerImage.fromExistingEcrRepository({ repositoryArn: REPO_ARN, repositoryUrl: REPO_URL, tag: '2.0.0' });
    expect(image.imageUri).toBe(`${REPO_URL}:2.0.0`);
    expect(image.repositoryArn).toBe(REPO_ARN);
  });

  test('rejects a malformed repository ARN', () => {
    expect(raisedAs('value', ContainerImage.fromExistingEcrRepository({ repositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/*', repositoryUrl: REPO_URL, tag: '1' })))
      .toThrow(/Invalid value: .*ECR repository ARN/);
  });

  test('rejects a URL that carries a tag', () => {
    expect(raisedAs('value', ContainerImage.fromExistingEcrRepository({ repositoryArn: REPO_ARN, repositoryUrl: `${REPO_URL}:1.0`, tag: '1.0' })))
      .toThrow(/Invalid value: .*without a tag/);
  });

  test('rejects a URL of another repository than the ARN names', () => {
    expect(raisedAs('value', ContainerImage.fromExistingEcrRepository({ repositoryArn: REPO_ARN, repositoryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/other', tag: '1.0' })))
      .toThrow(/Invalid value: .*named in repositoryArn \("team\/my-app"\)/);
  });

  test('rejects latest', () => {
    expect(raisedAs('value', ContainerImage.fromExistingEcrRepository({ repositoryArn: REPO_ARN, repositoryUrl: REPO_URL, tag: 'latest' })))
      .toThrow(/Invalid value: "latest"/);
  });
});

describe('ContainerImage.cloudflared', () => {
  test('defaults to the official image at the pinned version', () => {
    const image = ContainerImage.cloudflared();
    expect(image.imageUri).toBe(`cloudflare/cloudflared:${PinnedVersions.CLOUDFLARED}`);
    expect(image.imageUri).not.toMatch(/latest/);
    expect(image.repositoryArn).toBeUndefined();
  });

  test('takes another pinned version', () => {
    expect(ContainerImage.cloudflared('2024.12.2').imageUri).toBe('cloudflare/cloudflared:2024.12.2');
  });

  test('rejects latest', () => {
    expect(raisedAs('value', ContainerImage.cloudflared('latest'))).toThrow(/Invalid value: "latest".*pinned/);
  });

  test('accepts the oldest release with `tunnel ready` and any later one', () => {
    expect(PinnedVersions.CLOUDFLARED_MINIMUM).toBe('2024.11.1');
    for (const version of ['2024.11.1', '2024.11.2', '2024.12.0', '2025.1.0']) {
      expect(ContainerImage.cloudflared(version).imageUri).toBe(`cloudflare/cloudflared:${version}`);
    }
  });

  test('pins the digest next to the tag, so the pulled image is the one verified', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(ContainerImage.cloudflared('2026.8.2', digest).imageUri).toBe(`cloudflare/cloudflared:2026.8.2@${digest}`);
    expect(ContainerImage.cloudflared(undefined, digest).imageUri).toBe(`cloudflare/cloudflared:${PinnedVersions.CLOUDFLARED}@${digest}`);
  });

  test('rejects a digest that is not sha256 of 64 hex digits', () => {
    expect(raisedAs('value', ContainerImage.cloudflared('2026.8.2', 'sha256:abc'))).toThrow(/^Invalid value: "sha256:abc"\. Expected an image digest/);
  });

  test('rejects a digest given twice, as version and as digest', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(raisedAs('value', ContainerImage.cloudflared(digest, digest))).toThrow(/^Invalid value: "sha256:abab.*Expected a release tag/);
  });

  test('rejects releases without `tunnel ready`, which the health check needs', () => {
    for (const version of ['2024.11.0', '2024.10.1', '2023.3.1']) {
      expect(raisedAs('value', ContainerImage.cloudflared(version)))
        .toThrow(new RegExp(`Invalid value: "${version}"\\. Expected release 2024\\.11\\.1 or newer: .*tunnel ready`));
    }
  });
});
