/**
 * An image built from a local folder and pushed to ECR during `terraform apply`, with the Docker
 * provider (kreuzwerker/docker 3.6.2). Internal: not part of the public API; users reach it through
 * `ContainerImage.fromDockerBuild()`.
 *
 * What one build writes into the stack of each task definition that uses it:
 * - `docker_image`: `docker build` of a copy of the context (only the files the build sends, staged
 *   under the stack's folder in `cdktf.out`, at a path relative to it), for the task's platform,
 *   tagged `<repository URL>:<content hash>`;
 * - `docker_registry_image`: the push of that tag, kept in the registry when Terraform replaces or
 *   destroys it (a rollback, or an older task definition, may still need the image);
 * - and, once per stack, an `aws_ecr_authorization_token` per registry and an aliased `docker`
 *   provider whose `registry_auth` uses it, so a user's own `docker` provider is left alone.
 *
 * The container runs `<repository URL>:<hash>@<pushed digest>`: ECS pulls exactly what was pushed,
 * and the task definition depends on the push.
 */
import { join, posix } from 'path';
import { DataAwsEcrAuthorizationToken } from '@cdktf/provider-aws/lib/data-aws-ecr-authorization-token';
import type { DockerProvider, DockerProviderRegistryAuth } from '@cdktf/provider-docker/lib/provider';
import { Fn, ISynthesisSession, Lazy, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ContextEntry, contextEntries, contextHash, copyEntries, removeFolder } from './build-context';
import { DockerProviderClasses } from './docker-provider';
import { IgnoreRules } from './dockerignore';
import { isToken } from '../../core/validation';

/** The registry an image is pushed to, as the ECR authorization token data source selects it. */
export interface RegistryTarget {
  /** Identifies the registry within a stack: one token data source and one `registry_auth` each. */
  readonly key: string;
  /** Account of the registry. Unset: the account of the stack's AWS provider. */
  readonly registryId?: string;
  /** Region of the registry. Unset: the region of the stack's AWS provider. */
  readonly region?: string;
}

/** Everything about one build that the factory validated. */
export interface DockerBuildSpec {
  /** Absolute path of the context folder. */
  readonly directory: string;
  /** The Dockerfile, relative to `directory`, `/`-separated. */
  readonly file: string;
  /** The ignore file Docker reads, relative to `directory`, if there is one. */
  readonly ignoreFile?: string;
  readonly rules: IgnoreRules;
  /** Sorted by name. */
  readonly buildArgs: { [name: string]: string };
  readonly target?: string;
  /** URL of the repository, without a tag. */
  readonly repositoryUrl: string;
  readonly registry: RegistryTarget;
  readonly classes: DockerProviderClasses;
}

/** Docker's platform for each ECS CPU architecture (`runtime_platform.cpu_architecture`). */
const PLATFORMS: { [cpuArchitecture: string]: string } = {
  X86_64: 'linux/amd64',
  ARM64: 'linux/arm64',
};

/** Alias of the library's own `docker` provider: a user's default `docker` provider stays theirs. */
export const DOCKER_PROVIDER_ALIAS = 'zero_trust_fargate_image_build';

/** Construct id of the per-stack holder of that provider and the ECR tokens, at the stack's root. */
const SUPPORT_ID = 'zero-trust-fargate-image-builds';

/** Marks the support construct (a symbol, not `instanceof`: two copies of the library may meet). */
const SUPPORT_MARK: unique symbol = Symbol.for('cdktf-zero-trust-fargate/ImageBuildSupport');

/** cdktf's hook for work at synth time (what `TerraformAsset` uses to copy its files). */
const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

/** One stack's provider, ECR tokens and builds. */
class ImageBuildSupport extends Construct {
  public static of(stack: TerraformStack, classes: DockerProviderClasses): ImageBuildSupport {
    const existing = stack.node.tryFindChild(SUPPORT_ID) as { [SUPPORT_MARK]?: boolean } | undefined;
    if (existing !== undefined && existing[SUPPORT_MARK] === true) {
      return existing as ImageBuildSupport;
    }
    return new ImageBuildSupport(stack, classes);
  }

  public readonly provider: DockerProvider;
  /** Builds of this stack by `<repository URL>\0<tag>`: one set of resources per image. */
  public readonly builds = new Map<string, { construct: Construct; uri: string }>();
  private readonly tokens = new Map<string, DataAwsEcrAuthorizationToken>();
  private readonly auths: DockerProviderRegistryAuth[] = [];

  private constructor(stack: TerraformStack, classes: DockerProviderClasses) {
    super(stack, SUPPORT_ID);
    Object.defineProperty(this, SUPPORT_MARK, { value: true });
    // The daemon comes from DOCKER_HOST or DOCKER_CONTEXT on the deploying machine, as with the docker CLI.
    this.provider = new classes.DockerProvider(this, 'docker', { alias: DOCKER_PROVIDER_ALIAS });
  }

  /** Makes the provider able to push to `registry`. */
  public authorize(registry: RegistryTarget): void {
    if (this.tokens.has(registry.key)) {
      return;
    }
    const token = new DataAwsEcrAuthorizationToken(this, `ecr-token-${this.tokens.size + 1}`, {
      registryId: registry.registryId,
      region: registry.region,
    });
    this.tokens.set(registry.key, token);
    // The provider reads `registry_auth` when it starts, during plan: the token is a data source
    // without unknown inputs, so it is known then. It is valid for 12 hours, longer than any apply.
    this.auths.push({ address: token.proxyEndpoint, username: token.userName, password: token.password });
    this.provider.registryAuth = [...this.auths];
  }
}

/** True while `construct` is still part of its tree (a failed construct may have been removed). */
function attached(construct: IConstruct): boolean {
  let node: IConstruct = construct;
  while (node.node.scope !== undefined) {
    if (node.node.scope.node.tryFindChild(node.node.id) !== node) {
      return false;
    }
    node = node.node.scope;
  }
  return true;
}

/** An image built from `spec`, bound to the task definitions that run it. */
export class DockerBuild {
  /** The image reference for the stack that resolves it: known once a task definition there uses the image. */
  public readonly imageUri: string;

  private readonly bindings = new Map<TerraformStack, { platform: string; uri: string; construct: Construct }>();

  constructor(private readonly spec: DockerBuildSpec, private readonly factory: string) {
    this.imageUri = Lazy.stringValue({
      produce: (context) => {
        const binding = this.bindings.get(TerraformStack.of(context.scope));
        if (binding === undefined) {
          throw new Error(`The image of ${this.factory} is built for the task definition that runs it: use it as a container's image `
            + 'of a task definition in this stack (e.g. app.image) before reading its imageUri elsewhere.');
        }
        return binding.uri;
      },
    });
  }

  /**
   * Adds the build and push for the platform of `cpuArchitecture` to the stack of `scope`, once per
   * stack (under `scope`, with construct id `id`), and returns the reference the container runs.
   *
   * @param cpuArchitecture the task's `runtime_platform.cpu_architecture`, `X86_64` or `ARM64`
   */
  public bind(scope: Construct, id: string, cpuArchitecture: string): string {
    const platform = PLATFORMS[cpuArchitecture];
    if (platform === undefined) {
      throw new Error(`${this.factory} builds for a known CPU architecture only; the task's cpuArchitecture is ${
        isToken(cpuArchitecture) ? 'a Terraform token' : JSON.stringify(cpuArchitecture)}. Use CpuArchitecture.X86_64 or CpuArchitecture.ARM64.`);
    }
    const stack = TerraformStack.of(scope);
    const bound = this.bindings.get(stack);
    if (bound !== undefined && attached(bound.construct)) {
      if (bound.platform !== platform) {
        throw new Error(`${this.factory} is used by task definitions of two CPU architectures in one stack (${bound.platform} and ${platform}): `
          + 'an image is built for one platform. Call ContainerImage.fromDockerBuild() once per architecture.');
      }
      return bound.uri;
    }

    const support = ImageBuildSupport.of(stack, this.spec.classes);
    const outdir = (stack.node.root as { outdir?: string }).outdir;
    const entries = contextEntries(this.spec.directory, this.spec.rules,
      [this.spec.file, ...(this.spec.ignoreFile === undefined ? [] : [this.spec.ignoreFile])],
      outdir === undefined ? [] : [outdir]);
    // The tag names the content and the build settings, and the stack: two stacks that push one
    // context to one repository never share (and so never fight over, or untag) a tag.
    const tag = contextHash(this.spec.directory, entries, {
      stack: stack.node.id,
      platform,
      file: this.spec.file,
      buildArgs: this.spec.buildArgs,
      target: this.spec.target ?? null,
    });
    const key = `${this.spec.repositoryUrl}\u0000${tag}`;
    const existing = support.builds.get(key);
    if (existing !== undefined && attached(existing.construct)) {
      this.bindings.set(stack, { platform, uri: existing.uri, construct: existing.construct });
      return existing.uri;
    }

    support.authorize(this.spec.registry);
    const construct = new Construct(scope, id);
    const folder = `assets/${stack.getLogicalId(construct.node)}`;
    const context = `${folder}/${tag}`;
    stageOnSynth(construct, stack, this.spec.directory, entries, folder, context);

    const name = `${this.spec.repositoryUrl}:${tag}`;
    const image = new this.spec.classes.Image(construct, 'image', {
      provider: support.provider,
      name,
      buildAttribute: {
        // Paths relative to the stack's folder, where cdktf runs Terraform: the same on every machine.
        // The provider reads the Dockerfile path from the working directory, not from the context.
        context,
        dockerfile: posix.join(context, this.spec.file),
        platform,
        buildArgs: Object.keys(this.spec.buildArgs).length > 0 ? this.spec.buildArgs : undefined,
        target: this.spec.target,
        // BuildKit through buildx's default builder: the provider's legacy builder fails on Docker's
        // containerd image store (kreuzwerker/terraform-provider-docker#534).
        builder: 'default',
      },
    });
    const pushed = new this.spec.classes.RegistryImage(construct, 'push', {
      provider: support.provider,
      name: image.name,
      // A replaced or destroyed push leaves the image in ECR: the running service, a rollback and
      // older task definition revisions still pull it. The repository's lifecycle policy cleans up.
      keepRemotely: true,
    });
    const uri = `${name}@${pushed.sha256Digest}`;
    support.builds.set(key, { construct, uri });
    this.bindings.set(stack, { platform, uri, construct });
    return uri;
  }
}

/** At synth, copies the entries to `<stack folder>/<context>`, replacing earlier copies in `folder`. */
function stageOnSynth(
  construct: Construct, stack: TerraformStack, directory: string, entries: ContextEntry[], folder: string, context: string,
): void {
  Object.defineProperty(construct, CUSTOM_SYNTHESIS, {
    enumerable: false,
    value: {
      onSynthesize: (session: ISynthesisSession) => {
        const stackFolder = join(session.manifest.outdir, session.manifest.forStack(stack).synthesizedStackPath, '..');
        removeFolder(join(stackFolder, ...folder.split('/')));
        copyEntries(directory, entries, join(stackFolder, ...context.split('/')));
      },
    },
  });
}

/** The account and region of an ECR repository ARN, as expressions when the ARN is a token. */
export function registryOfArn(repositoryArn: string): RegistryTarget {
  if (isToken(repositoryArn)) {
    return {
      key: `arn:${repositoryArn}`,
      registryId: Fn.element(Fn.split(':', repositoryArn), 4),
      region: Fn.element(Fn.split(':', repositoryArn), 3),
    };
  }
  const [, , , region, account] = repositoryArn.split(':');
  return { key: `${account}:${region}`, registryId: account, region };
}
