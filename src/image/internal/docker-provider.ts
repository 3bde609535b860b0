/**
 * Loads the optional peer dependency `@cdktf/provider-docker` on first use. Internal: not part of the
 * public API.
 *
 * Only `ContainerImage.fromDockerBuild()` needs the Docker provider, so the library never imports it at
 * load time: users who do not build images need not install it, and those who do get an error that
 * names the package instead of a bare `Cannot find module`.
 */
import type { Image, ImageConfig } from '@cdktf/provider-docker/lib/image';
import type { DockerProvider, DockerProviderConfig } from '@cdktf/provider-docker/lib/provider';
import type { RegistryImage, RegistryImageConfig } from '@cdktf/provider-docker/lib/registry-image';
import type { Construct } from 'constructs';

/** The package, and the range of it whose resource shapes this library writes (kreuzwerker/docker 3.6.2). */
export const DOCKER_PROVIDER_PACKAGE = '@cdktf/provider-docker';
export const DOCKER_PROVIDER_RANGE = '^12.0.3';

/** The three classes of the Docker provider that image builds use. */
export interface DockerProviderClasses {
  readonly DockerProvider: new (scope: Construct, id: string, config: DockerProviderConfig) => DockerProvider;
  readonly Image: new (scope: Construct, id: string, config: ImageConfig) => Image;
  readonly RegistryImage: new (scope: Construct, id: string, config: RegistryImageConfig) => RegistryImage;
}

/** How a module is loaded; tests replace it to act as if the package were missing. */
export type ModuleLoader = (id: string) => unknown;

// eslint-disable-next-line @typescript-eslint/no-require-imports
let load: ModuleLoader = (id) => require(id);

/** Replaces the module loader (tests only); returns the previous one. */
export function setModuleLoader(loader: ModuleLoader): ModuleLoader {
  const previous = load;
  load = loader;
  return previous;
}

/** True for Node's error when the module itself (not something it requires) cannot be found. */
function isMissing(error: unknown, id: string): boolean {
  const err = error as { code?: string; message?: string };
  return (err?.code === 'MODULE_NOT_FOUND' || err?.code === 'ERR_MODULE_NOT_FOUND') && (err.message ?? '').includes(id);
}

/**
 * The Docker provider's classes, each from its deep path (the package root would load every resource
 * of the provider).
 *
 * @param caller what needs them, for the error, e.g. `ContainerImage.fromDockerBuild()`
 * @throws Error naming the package and how to install it when it is missing or too old
 */
export function loadDockerProvider(caller: string): DockerProviderClasses {
  const paths = {
    DockerProvider: `${DOCKER_PROVIDER_PACKAGE}/lib/provider`,
    Image: `${DOCKER_PROVIDER_PACKAGE}/lib/image`,
    RegistryImage: `${DOCKER_PROVIDER_PACKAGE}/lib/registry-image`,
  } as const;
  // The resource shapes this library writes were checked against the provider of major version 12.
  const version = String(loadOrExplain(`${DOCKER_PROVIDER_PACKAGE}/package.json`, caller)?.version);
  if (!version.startsWith('12.')) {
    throw new Error(`${caller} needs ${DOCKER_PROVIDER_PACKAGE} ${DOCKER_PROVIDER_RANGE} (the kreuzwerker/docker provider 3.6.2), `
      + `but version ${version} is installed: install \`${DOCKER_PROVIDER_PACKAGE}@${DOCKER_PROVIDER_RANGE}\`.`);
  }
  const loaded: Partial<Record<keyof typeof paths, unknown>> = {};
  for (const [name, path] of Object.entries(paths) as Array<[keyof typeof paths, string]>) {
    const module = loadOrExplain(path, caller);
    if (typeof module?.[name] !== 'function') {
      throw new Error(
        `${caller} needs ${DOCKER_PROVIDER_PACKAGE} ${DOCKER_PROVIDER_RANGE}, but the installed version has no ${name} in ${path}: `
        + `install \`${DOCKER_PROVIDER_PACKAGE}@${DOCKER_PROVIDER_RANGE}\`.`);
    }
    loaded[name] = module[name];
  }
  return loaded as unknown as DockerProviderClasses;
}

/** `load(path)`, or an error naming the package and how to install it when it is missing. */
function loadOrExplain(path: string, caller: string): { readonly [name: string]: unknown } | undefined {
  try {
    return load(path) as { readonly [name: string]: unknown } | undefined;
  } catch (error) {
    if (isMissing(error, DOCKER_PROVIDER_PACKAGE)) {
      throw new Error(
        `${caller} needs the package ${DOCKER_PROVIDER_PACKAGE} (${DOCKER_PROVIDER_RANGE}, the kreuzwerker/docker provider 3.6.2), `
        + 'which is not installed. It is an optional peer dependency of cdktf-zero-trust-fargate: install it next to the library with '
        + `\`npm install ${DOCKER_PROVIDER_PACKAGE}@${DOCKER_PROVIDER_RANGE}\`. Deploying then needs a running Docker daemon.`);
    }
    throw error;
  }
}
