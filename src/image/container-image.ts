import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { DockerBuildImageProps } from './docker-build-image';
import { EcrRepository } from './ecr-repository';
import { DockerBuild } from './internal/docker-build';
import { dockerBuildSpec, existingRepositoryTarget, ownRepositoryTarget } from './internal/docker-build-spec';
import { loadDockerProvider } from './internal/docker-provider';
import { EcrImageLocation, ecrLocationFromReference, partitionOf } from './internal/ecr-image-location';
import { DIGEST, requireDigest, requirePinnedReference, requirePinnedTag, requireReleaseAtLeast, withTag } from './internal/image-reference';
import { ArgumentProblem, checkArguments } from '../core/argument-problem';
import { arnResource, ECR_REPOSITORY_ARN, requireArn } from '../core/arn';
import { invalid, isToken } from '../core/validation';
import { PinnedVersions } from '../core/versions';

/** An ECR repository that exists already (made elsewhere), and the tag to run from it. */
export interface ExistingEcrImageProps {
  /** ARN of the repository. The task execution role may pull from exactly this repository. */
  readonly repositoryArn: string;

  /** URL of the repository without a tag, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-app`. */
  readonly repositoryUrl: string;

  /** A pinned tag (not `latest`) or a digest `sha256:<64 hex digits>`. */
  readonly tag: string;

  /**
   * Check at plan time that the tag (or digest) is in the repository, so that `terraform plan` fails
   * with a message saying what to push, instead of a service whose tasks cannot pull their image. The
   * check reads the repository's image list (`data.aws_ecr_images`), so whoever runs Terraform needs
   * `ecr:ListImages` on the repository; for a repository of another account, its repository policy
   * must allow that too. Turn it off only when the deploying identity cannot be given that right.
   *
   * @default true
   */
  readonly checkImageExists?: boolean;
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
   * An image from a registry, by reference: Docker Hub, GitHub's registry, Amazon ECR Public, or a
   * private ECR repository.
   *
   * For a private ECR repository (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`), the task execution
   * role may pull from exactly that repository, and the plan checks that the tag (or digest) is in it, as
   * with `fromExistingEcrRepository()`. Other registries need no AWS permission; a registry that needs a
   * login (private Docker Hub or GitHub images) is not supported.
   *
   * @param reference `name:tag`, `name@sha256:<digest>` or `name:tag@sha256:<digest>`, e.g.
   * `grafana/grafana:11.3.0`, kept verbatim. With a tag and a digest, Docker pulls by the digest and the tag
   * stays for readers. `latest` and untagged references are refused.
   */
  public static fromRegistry(reference: string): ContainerImage {
    const problem = checkArguments('ContainerImage.fromRegistry', () => requirePinnedReference('ContainerImage.fromRegistry(reference)', reference));
    const ecr = problem === undefined ? ecrLocationFromReference(reference) : undefined;
    return new ContainerImage(reference, { repositoryArn: ecr?.repositoryArn, ecrImage: ecr, problem });
  }

  /**
   * An image from a repository made with `EcrRepository`.
   *
   * The plan checks that the tag is in the repository (`data.aws_ecr_images` with a postcondition): a
   * repository created in the same apply as the service is empty, so create it first (a stack of its
   * own, or `cdktf deploy` of the repository alone), push the image, then deploy the service.
   *
   * @param repository the repository
   * @param tag a pinned tag (not `latest`) or a digest `sha256:<64 hex digits>`
   */
  public static fromEcrRepository(repository: EcrRepository, tag: string): ContainerImage {
    const problem = checkArguments('ContainerImage.fromEcrRepository', () => requirePinnedTag('ContainerImage.fromEcrRepository(tag)', tag));
    return new ContainerImage(withTag(repository.repositoryUrl, tag), {
      repositoryArn: repository.repositoryArn,
      ecrImage: {
        repositoryName: repository.repositoryName,
        registryId: repository.repository.registryId,
        region: repository.repository.region,
        ...tagOrDigest(tag),
      },
      problem,
    });
  }

  /**
   * An image from an ECR repository made outside this library, for example in another stack or
   * account. The plan checks that the tag is in the repository (see `checkImageExists`).
   *
   * @param props The ARN and URL of the repository, and the tag to run.
   */
  public static fromExistingEcrRepository(props: ExistingEcrImageProps): ContainerImage {
    const problem = checkArguments('ContainerImage.fromExistingEcrRepository', () => {
      requireExistingRepository('', props.repositoryArn, props.repositoryUrl, '; give the tag in "tag"');
      requirePinnedTag('tag', props.tag);
    });
    const ecrImage = problem !== undefined || props.checkImageExists === false
      ? undefined
      : { ...ecrLocationFromArn(props.repositoryArn), ...tagOrDigest(props.tag) };
    return new ContainerImage(withTag(props.repositoryUrl, props.tag), { repositoryArn: props.repositoryArn, ecrImage, problem });
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
    return new ContainerImage(build.imageUri, { repositoryArn, build, problem: undefined });
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
    const problem = checkArguments('ContainerImage.cloudflared', () => {
      requirePinnedTag('ContainerImage.cloudflared(version)', tag);
      requireReleaseAtLeast('ContainerImage.cloudflared(version)', tag, PinnedVersions.CLOUDFLARED_MINIMUM,
        'the sidecar\'s health check runs `cloudflared tunnel ready`, which older releases lack');
      if (digest !== undefined) {
        requireDigest('ContainerImage.cloudflared(digest)', digest);
        if (tag.startsWith('sha256:')) {
          invalid('ContainerImage.cloudflared(version)', tag, 'Expected a release tag such as "2026.8.2" next to digest; give the digest once, in digest.');
        }
      }
    });
    // Docker and ECS accept `name:tag@digest` and pull by the digest.
    const reference = withTag(CLOUDFLARED_REPOSITORY, tag) + (digest === undefined ? '' : `@${digest}`);
    return new ContainerImage(reference, { problem });
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
    const repositoryName = `${props.prefix}/${CLOUDFLARED_REPOSITORY}`;
    let repositoryArn = props.cacheRepositoryArn;
    const problem = official._problem ?? checkArguments('ContainerImage.cloudflaredFromPullThroughCache', () => {
      if (!isToken(props.prefix) && (!CACHE_PREFIX.test(props.prefix) || props.prefix.length > 30)) {
        invalid('prefix', props.prefix, 'Expected the rule\'s ECR repository prefix: 2-30 lowercase letters, digits, "._-" and "/" separators, e.g. "docker-hub".');
      }
      if (!isToken(props.registry)) {
        const match = ECR_REGISTRY.exec(props.registry);
        if (!match) {
          invalid('registry', props.registry,
            'Expected a private ECR registry without a path, e.g. "123456789012.dkr.ecr.eu-west-1.amazonaws.com"; give the prefix in "prefix".');
        }
        const [, account, region, china] = match;
        repositoryArn ??= `arn:${partitionOf(region, china !== undefined)}:ecr:${region}:${account}:repository/${repositoryName}`;
      } else if (repositoryArn === undefined) {
        invalid('cacheRepositoryArn', repositoryArn, 'Required when registry is only known at apply time: the execution role needs the cache repository\'s ARN.');
      }
      requireArn('cacheRepositoryArn', repositoryArn, ECR_REPOSITORY_ARN);
      const arnName = arnResource(repositoryArn)?.replace(/^repository\//, '');
      if (arnName !== undefined && !isToken(props.prefix) && arnName !== repositoryName) {
        invalid('cacheRepositoryArn', repositoryArn, `Expected the ARN of the repository "${repositoryName}" that the image is pulled from.`);
      }
    });
    // No plan-time check of the tag: the first pull of a tag fills the cache.
    return new ContainerImage(`${props.registry}/${repositoryName}${reference}`, { repositoryArn, pullsThroughCache: true, problem });
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

  /**
   * Where the image is in ECR, for the plan-time check that the tag exists. Undefined for images from
   * other registries, pull-through caches and when the check is turned off.
   * @internal
   */
  public readonly _ecrImage?: EcrImageLocation;

  /**
   * What the factory found wrong with its arguments; the construct that receives the image raises it
   * under the prop the user wrote (`app.image`, `sidecar.image`).
   * @internal
   */
  public readonly _problem: ArgumentProblem;

  /** The build of an image from `fromDockerBuild()`. */
  private readonly build?: DockerBuild;

  private constructor(imageUri: string, options: ImageOptions) {
    this.imageUri = imageUri;
    this.repositoryArn = options.repositoryArn;
    this._pullsThroughCache = options.pullsThroughCache ?? false;
    this._ecrImage = options.ecrImage;
    this._problem = options.problem;
    this.build = options.build;
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
    // Pushed in the same apply: no plan-time check that the tag exists (it does not, before the push).
    return new ContainerImage(this.build.bind(scope, id, cpuArchitecture), {
      repositoryArn: this.repositoryArn, pullsThroughCache: this._pullsThroughCache, problem: this._problem,
    });
  }
}

/** What the private constructor takes besides the reference. */
interface ImageOptions {
  readonly repositoryArn?: string;
  readonly pullsThroughCache?: boolean;
  readonly ecrImage?: EcrImageLocation;
  readonly problem: ArgumentProblem;
  readonly build?: DockerBuild;
}

/** The tag or digest part of a location. */
function tagOrDigest(tag: string): Pick<EcrImageLocation, 'tag' | 'digest'> {
  return !isToken(tag) && DIGEST.test(tag) ? { digest: tag } : { tag };
}

/** Repository name, account and region of an ECR repository ARN (Terraform expressions for a token). */
function ecrLocationFromArn(arn: string): Omit<EcrImageLocation, 'tag' | 'digest'> {
  if (!isToken(arn)) {
    const [, , , region, account, resource] = arn.split(':');
    return { repositoryName: resource.replace(/^repository\//, ''), registryId: account, region };
  }
  const parts = Fn.split(':', arn);
  return {
    repositoryName: Fn.trimprefix(Fn.element(parts, 5), 'repository/'),
    registryId: Fn.element(parts, 4),
    region: Fn.element(parts, 3),
  };
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
  if (!isToken(repositoryUrl)) {
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
