/**
 * Validation of `ContainerImage.fromDockerBuild()` props into a build spec. Internal: not part of the
 * public API.
 */
import { existsSync, statSync } from 'fs';
import { isAbsolute, relative, resolve, sep } from 'path';
import { ignoreFileFor, readIgnoreRules } from './build-context';
import { DockerBuildSpec, registryOfArn, RegistryTarget } from './docker-build';
import { DockerProviderClasses } from './docker-provider';
import { IgnorePatternError, IgnoreRules } from './dockerignore';
import { invalid, isToken } from '../../core/validation';
import { DockerBuildImageProps } from '../docker-build-image';
import { TagMutability } from '../ecr-repository';

/** A build stage name, as `FROM ... AS <name>` accepts it. */
const STAGE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** A build argument name: no `=`, no whitespace. */
const BUILD_ARG_NAME = /^[^=\s]+$/;

/** Fails unless `value` is known at synth: it is part of the image's tag. */
function requireKnown(property: string, value: unknown, what: string): void {
  if (isToken(value)) {
    invalid(property, value, `Expected ${what} known at synth: the image's tag is a hash of its sources and build settings, `
      + 'so a value Terraform resolves later could change the image without changing the tag.');
  }
}

/**
 * Checks the props and reads the context's ignore rules.
 *
 * @param repository where to push: the URL and the registry, from whichever repository prop was given
 */
export function dockerBuildSpec(
  props: DockerBuildImageProps,
  repository: { repositoryUrl: string; registry: RegistryTarget },
  classes: DockerProviderClasses,
): DockerBuildSpec {
  requireKnown('directory', props.directory, 'a folder');
  const directory = resolve(props.directory);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    invalid('directory', props.directory, `Expected an existing folder (the build context); resolved to ${directory === props.directory ? 'itself' : JSON.stringify(directory)}, which ${existsSync(directory) ? 'is not a folder' : 'does not exist'}.`);
  }

  const fileGiven = props.file ?? 'Dockerfile';
  requireKnown('file', fileGiven, 'a path');
  const dockerfile = resolve(directory, fileGiven);
  const inside = relative(directory, dockerfile);
  if (isAbsolute(fileGiven) || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    invalid('file', fileGiven, 'Expected the path of the Dockerfile relative to directory and inside it, e.g. "Dockerfile" or "docker/app.Dockerfile".');
  }
  if (!existsSync(dockerfile) || !statSync(dockerfile).isFile()) {
    invalid('file', fileGiven, `Expected a Dockerfile in directory; there is no file ${inside.split(sep).join('/')} in ${JSON.stringify(props.directory)}.`);
  }
  const file = inside.split(sep).join('/');

  const buildArgs: { [name: string]: string } = {};
  for (const name of Object.keys(props.buildArgs ?? {}).sort()) {
    const value = props.buildArgs![name];
    if (!BUILD_ARG_NAME.test(name)) {
      invalid(`buildArgs.${name}`, name, 'Expected a build argument name without "=" or whitespace, as an ARG instruction declares it.');
    }
    requireKnown(`buildArgs.${name}`, value, 'a value');
    if (typeof value !== 'string') {
      invalid(`buildArgs.${name}`, value, 'Expected a string.');
    }
    buildArgs[name] = value;
  }

  if (props.target !== undefined) {
    requireKnown('target', props.target, 'a stage name');
    if (!STAGE_NAME.test(props.target)) {
      invalid('target', props.target, 'Expected the name of a build stage (FROM ... AS <name>): a letter, then letters, digits, "_", "." or "-".');
    }
  }

  const ignoreFile = ignoreFileFor(directory, file);
  let rules: IgnoreRules;
  try {
    rules = readIgnoreRules(directory, ignoreFile);
  } catch (error) {
    // `instanceof` is safe here: the error class is private to this module and thrown by the same copy just above.
    if (error instanceof IgnorePatternError) {
      invalid('directory', props.directory, `Expected an ignore file Docker accepts: ${error.message}`);
    }
    throw error;
  }

  return { directory, file, ignoreFile, rules, buildArgs, target: props.target, ...repository, classes };
}

/** The push target of an `EcrRepository` of the stack: the stack's AWS account and region. */
export function ownRepositoryTarget(repositoryUrl: string, tagMutability: string | undefined): { repositoryUrl: string; registry: RegistryTarget } {
  if (tagMutability !== undefined && !isToken(tagMutability) && tagMutability !== TagMutability.MUTABLE) {
    invalid('repository', tagMutability,
      'Expected an EcrRepository with tagMutability: TagMutability.MUTABLE. Each built image is tagged with the hash of its sources, '
      + 'so deploying sources that were pushed before (a revert) pushes an existing tag again, which ECR refuses for immutable tags. '
      + 'The service runs the image by its digest, so a moved tag never changes what runs.');
  }
  return { repositoryUrl, registry: { key: 'stack' } };
}

/** The push target of a repository made elsewhere, in the account and region of its ARN. */
export function existingRepositoryTarget(repositoryArn: string, repositoryUrl: string): { repositoryUrl: string; registry: RegistryTarget } {
  return { repositoryUrl, registry: registryOfArn(repositoryArn) };
}
