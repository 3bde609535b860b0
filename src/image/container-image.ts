import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { DockerBuildImageProps } from './docker-build-image';
import { EcrRepository } from './ecr-repository';
import { requireDigest, requirePinnedReference, requirePinnedTag, requireReleaseAtLeast, withTag } from './image-reference';
import { DockerBuild } from './internal/docker-build';
import { dockerBuildSpec, existingRepositoryTarget, ownRepositoryTarget } from './internal/docker-build-spec';
import { loadDockerProvider } from './internal/docker-provider';
import { invalid } from '../core/validation';
import { PinnedVersions } from '../core/versions';
import { arnResource, ECR_REPOSITORY_ARN, requireArn } from '../iam/internal/arn';

/** An ECR repository that exists already (made elsewhere), and the tag to run from it. */
export interface ExistingEcrImageProps {
  /** ARN of the repository. The task execution role may pull from exactly this repository. */
  readonly repositoryArn: string;

  /** URL of the repository without a tag, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-app`. */
  readonly repositoryUrl: string;

  /** A pinned tag (not `latest`) or a digest `sha256:<64 hex digits>`. */
  readonly tag: string;
}

/** Where the sidecar image comes from through an ECR pull-through cache of Docker Hub. */
export interface CloudflaredPullThroughCacheProps {
  /**
   * The private registry holding the cache, `<account>.dkr.ecr.<region>.amazonaws.com`, without a path.
   */
  readonly registry: string;

  /**
   * The pull-through cache rule's ECR repository prefix (`ecr_repository_prefix`) for Docker Hub
   * (`registry-1.docker.io`), e.g. `docker-hub`. The image is pulled as
   * `<registry>/<prefix>/cloudflare/cloudflared:<version>`.
   */
  readonly prefix: string;

  /**
   * ARN of the cache repository, `arn:<partition>:ecr:<region>:<account>:repository/<prefix>/cloudflare/cloudflared`.
   * Give it when `registry` is only known at apply time, or to state it explicitly.
   *
   * @default - derived from `registry` and `prefix`
   */
  readonly cacheRepositoryArn?: string;

  /**
   * A pinned release tag, at least `PinnedVersions.CLOUDFLARED_MINIMUM`.
   *
   * @default PinnedVersions.CLOUDFLARED
   */
  readonly version?: string;

  /**
   * The image index digest of that release, `sha256:<64 hex digits>`. The cache keeps the upstream digest.
   *
   * @default - the tag only
   */
  readonly digest?: string;
}

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]`, a private ECR registry. */
const ECR_REGISTRY = /^(\d{12})\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(\.cn)?$/;

/** An ECR repository prefix of a pull-through cache rule. */
const CACHE_PREFIX = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;

/** Docker Hub's path of the official image. */
const CLOUDFLARED_REPOSITORY = 'cloudflare/cloudflared';

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>`, without a tag. */
const ECR_URL = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([a-z0-9][a-z0-9._/-]*)$/;

/**
 * The image a container runs, always pinned to a version tag or a digest.
 *
 * Images from ECR carry their repository ARN so that the task execution role can be allowed to pull
 * from exactly that repository and nothing else.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AppContainerOptions, ContainerImage, EcrRepository } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * // From a public registry, pinned to a tag (or a digest).
 * const fromRegistry = ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2');
 *
 * // From a repository of this stack: the task may pull from exactly that repository.
 * const repository = new EcrRepository(stack, 'repository', { name: 'acme/admin' });
 * const app: AppContainerOptions = { image: ContainerImage.fromEcrRepository(repository, '1.4.2'), port: 8080 };
 */
export class ContainerImage {
  /**
   * An image from a public or private registry that needs no AWS permissions to pull, such as Docker Hub
   * or GitHub's registry.
   *
   * @param reference `name:tag` or `name@sha256:<digest>`, e.g. `grafana/grafana:11.3.0`; `latest` and
   * untagged references are refused.
   */
  public static fromRegistry(reference: string): ContainerImage {
    requirePinnedReference('ContainerImage.fromRegistry(reference)', reference);
    return new ContainerImage(reference);
  }

  /**
   * An image from a repository made with `EcrRepository`.
   *
   * @param repository the repository
   * @param tag a pinned tag (not `latest`) or a digest `sha256:<64 hex digits>`
   */
  public static fromEcrRepository(repository: EcrRepository, tag: string): ContainerImage {
    requirePinnedTag('ContainerImage.fromEcrRepository(tag)', tag);
    return new ContainerImage(withTag(repository.repositoryUrl, tag), repository.repositoryArn);
  }

  /**
   * An image from an ECR repository made outside this library.
   *
   * @param props The ARN and URL of the repository, and the tag to run.
   */
  public static fromExistingEcrRepository(props: ExistingEcrImageProps): ContainerImage {
    requireExistingRepository('', props.repositoryArn, props.repositoryUrl, '; give the tag in "tag"');
    requirePinnedTag('tag', props.tag);
    return new ContainerImage(withTag(props.repositoryUrl, props.tag), props.repositoryArn);
  }

  /**
   * An image that `terraform apply` builds from a folder with a Dockerfile and pushes to ECR, like
   * aws-cdk's `ContainerImage.fromAsset()`: one `cdktf deploy` takes the app from its sources to a
   * running service.
   *
   * The image is tagged with a hash of the files the build sends (after `.dockerignore`) and the build
   * settings, computed at synth: unchanged sources neither rebuild nor roll the service, changed ones
   * do. It is built for the platform of the task that runs it (`linux/amd64` or `linux/arm64`, from
   * `cpuArchitecture`), and the container runs exactly the pushed image, by its digest.
   *
   * Needs the optional peer dependency `@cdktf/provider-docker` (`npm install @cdktf/provider-docker@^12.0.3`),
   * and a running Docker daemon on the machine that runs `cdktf deploy`.
   *
   * @example
   * import { TerraformStack } from 'cdktf';
   * import { AppContainerOptions, ContainerImage, EcrRepository, TagMutability } from 'cdktf-zero-trust-fargate';
   *
   * declare const stack: TerraformStack;
   *
   * // Mutable tags: each image is tagged with the hash of its sources, and a revert pushes an earlier tag again.
   * const repository = new EcrRepository(stack, 'repository', { name: 'acme/admin', tagMutability: TagMutability.MUTABLE });
   * const app: AppContainerOptions = {
   *   // The folder with the app's Dockerfile, next to cdktf.json.
   *   image: ContainerImage.fromDockerBuild({ directory: 'app', repository }),
   *   port: 8080,
   * };
   *
   * @param props The build context, the Dockerfile and build settings, and the repository to push to.
   */
  public static fromDockerBuild(props: DockerBuildImageProps): ContainerImage {
    const factory = 'ContainerImage.fromDockerBuild()';
    if ((props.repository === undefined) === (props.existingRepository === undefined)) {
      invalid('repository', props.repository === undefined ? undefined : '<EcrRepository>',
        'Expected exactly one of repository (an EcrRepository of this stack) and existingRepository (one made elsewhere).');
    }
    let target: ReturnType<typeof ownRepositoryTarget>;
    let repositoryArn: string;
    if (props.repository !== undefined) {
      target = ownRepositoryTarget(props.repository.repositoryUrl, props.repository.repository.imageTagMutabilityInput);
      repositoryArn = props.repository.repositoryArn;
    } else {
      const existing = props.existingRepository!;
      requireExistingRepository('existingRepository.', existing.repositoryArn, existing.repositoryUrl, '');
      target = existingRepositoryTarget(existing.repositoryArn, existing.repositoryUrl);
      repositoryArn = existing.repositoryArn;
    }
    const build = new DockerBuild(dockerBuildSpec(props, target, loadDockerProvider(factory)), factory);
    return new ContainerImage(build.imageUri, repositoryArn, false, build);
  }

  /**
   * The official `cloudflare/cloudflared` image from Docker Hub.
   *
   * A tag can be moved to other content by whoever controls the repository; a digest cannot. With
   * `digest`, ECS pulls exactly the image you checked (get it with
   * `docker buildx imagetools inspect cloudflare/cloudflared:<version>`), and the tag stays in the
   * reference for people reading the plan.
   *
   * @param version a pinned release tag such as `2026.8.2`, at least `PinnedVersions.CLOUDFLARED_MINIMUM`;
   * `latest` is refused. Leave it out for the version this library is tested with.
   * @param digest the image index digest of that release, `sha256:<64 hex digits>`
   * @default PinnedVersions.CLOUDFLARED
   */
  public static cloudflared(version?: string, digest?: string): ContainerImage {
    const tag = version ?? PinnedVersions.CLOUDFLARED;
    requirePinnedTag('ContainerImage.cloudflared(version)', tag);
    requireReleaseAtLeast('ContainerImage.cloudflared(version)', tag, PinnedVersions.CLOUDFLARED_MINIMUM,
      'the sidecar\'s health check runs `cloudflared tunnel ready`, which older releases lack');
    if (digest === undefined) {
      return new ContainerImage(withTag('cloudflare/cloudflared', tag));
    }
    requireDigest('ContainerImage.cloudflared(digest)', digest);
    if (tag.startsWith('sha256:')) {
      invalid('ContainerImage.cloudflared(version)', tag, 'Expected a release tag such as "2026.8.2" next to digest; give the digest once, in digest.');
    }
    // Docker and ECS accept `name:tag@digest` and pull by the digest.
    return new ContainerImage(`${withTag('cloudflare/cloudflared', tag)}@${digest}`);
  }

  /**
   * The official `cloudflare/cloudflared` image pulled through an ECR pull-through cache of Docker Hub
   * in your account, so that task starts do not depend on Docker Hub's availability or its anonymous
   * pull rate limits (only the first pull of a tag, and ECR's daily refresh, reach Docker Hub).
   *
   * The cache rule itself (an `aws_ecr_pull_through_cache_rule` with upstream `registry-1.docker.io`,
   * which needs a Docker Hub credential in Secrets Manager) is yours to create. The image carries the
   * cache repository's ARN: the execution role may pull from exactly that repository, and also
   * `ecr:BatchImportUpstreamImage` and `ecr:CreateRepository` on it, because the first pull of a tag
   * that is not cached yet creates the repository and imports the image with the puller's
   * permissions. For a mirror you fill yourself instead, use `ContainerImage.fromExistingEcrRepository()`.
   *
   * @param props The registry and prefix of the pull-through cache rule, and the pinned release.
   */
  public static cloudflaredFromPullThroughCache(props: CloudflaredPullThroughCacheProps): ContainerImage {
    const official = ContainerImage.cloudflared(props.version, props.digest);
    const reference = official.imageUri.slice(CLOUDFLARED_REPOSITORY.length);
    if (!Token.isUnresolved(props.prefix) && (!CACHE_PREFIX.test(props.prefix) || props.prefix.length > 30)) {
      invalid('prefix', props.prefix, 'Expected the rule\'s ECR repository prefix: 2-30 lowercase letters, digits, "._-" and "/" separators, e.g. "docker-hub".');
    }
    const repositoryName = `${props.prefix}/${CLOUDFLARED_REPOSITORY}`;
    let repositoryArn = props.cacheRepositoryArn;
    if (!Token.isUnresolved(props.registry)) {
      const match = ECR_REGISTRY.exec(props.registry);
      if (!match) {
        invalid('registry', props.registry,
          'Expected a private ECR registry without a path, e.g. "123456789012.dkr.ecr.eu-west-1.amazonaws.com"; give the prefix in "prefix".');
      }
      const [, account, region, china] = match;
      const partition = china ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
      repositoryArn ??= `arn:${partition}:ecr:${region}:${account}:repository/${repositoryName}`;
    } else if (repositoryArn === undefined) {
      invalid('cacheRepositoryArn', repositoryArn, 'Required when registry is only known at apply time: the execution role needs the cache repository\'s ARN.');
    }
    requireArn('cacheRepositoryArn', repositoryArn, ECR_REPOSITORY_ARN);
    const arnName = arnResource(repositoryArn)?.replace(/^repository\//, '');
    if (arnName !== undefined && !Token.isUnresolved(props.prefix) && arnName !== repositoryName) {
      invalid('cacheRepositoryArn', repositoryArn, `Expected the ARN of the repository "${repositoryName}" that the image is pulled from.`);
    }
    return new ContainerImage(`${props.registry}/${repositoryName}${reference}`, repositoryArn, true);
  }

  /** The full reference a container definition's `image` field takes. */
  public readonly imageUri: string;

  /**
   * ARN of the ECR repository the image comes from, so the execution role may pull from exactly it.
   * Undefined for images from other registries, which need no AWS permission to pull.
   */
  public readonly repositoryArn?: string;

  /**
   * True when `repositoryArn` is an ECR pull-through cache that the first pull of a tag fills, so the
   * execution role may also create that repository and import into it.
   * @internal
   */
  public readonly _pullsThroughCache: boolean;

  /** The build of an image from `fromDockerBuild()`. */
  private readonly build?: DockerBuild;

  private constructor(imageUri: string, repositoryArn?: string, pullsThroughCache: boolean = false, build?: DockerBuild) {
    this.imageUri = imageUri;
    this.repositoryArn = repositoryArn;
    this._pullsThroughCache = pullsThroughCache;
    this.build = build;
  }

  /**
   * Called by the task definition that runs this image, with its CPU architecture (`X86_64` or
   * `ARM64`): an image from `fromDockerBuild()` adds its build and push there, for that platform, and
   * returns the image as pushed (its reference pinned to the pushed digest). Other images return themselves.
   * @internal
   */
  public _bind(scope: Construct, id: string, cpuArchitecture: string): ContainerImage {
    if (this.build === undefined) {
      return this;
    }
    return new ContainerImage(this.build.bind(scope, id, cpuArchitecture), this.repositoryArn, this._pullsThroughCache);
  }
}

/**
 * Checks an ECR repository ARN and URL made outside this library: a full repository ARN, a URL
 * without tag, and both naming the same repository (the execution role may pull from exactly the ARN).
 *
 * @param prefix prepended to the property names in errors, e.g. `existingRepository.`
 * @param urlHint appended to the URL error, e.g. where the tag goes
 */
function requireExistingRepository(prefix: string, repositoryArn: string, repositoryUrl: string, urlHint: string): void {
  requireArn(`${prefix}repositoryArn`, repositoryArn, ECR_REPOSITORY_ARN);
  if (!Token.isUnresolved(repositoryUrl)) {
    const match = ECR_URL.exec(repositoryUrl);
    if (!match) {
      invalid(`${prefix}repositoryUrl`, repositoryUrl,
        `Expected an ECR repository URL without a tag, e.g. "123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-app"${urlHint}.`);
    }
    const arnName = arnResource(repositoryArn)?.replace(/^repository\//, '');
    if (arnName !== undefined && arnName !== match[1]) {
      invalid(`${prefix}repositoryUrl`, repositoryUrl,
        `Expected the URL of the repository named in ${prefix}repositoryArn ("${arnName}"), so that the execution role may pull from it.`);
    }
  }
}
