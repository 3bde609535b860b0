/**
 * Where an image is in a private ECR registry: for the execution role's pull permission and the
 * plan-time check that the tag exists. Internal: not part of the public API.
 */
import { isToken } from '../../core/validation';

/** An image in a private ECR repository. */
export interface EcrImageLocation {
  /** Name of the repository, e.g. `team/app`. */
  readonly repositoryName: string;
  /** Account of the registry; the provider's account when undefined. */
  readonly registryId?: string;
  /** Region of the registry; the provider's region when undefined. */
  readonly region?: string;
  /** The tag, when the image is pinned by tag only. */
  readonly tag?: string;
  /** The digest, when the image is pinned by digest (ECS then pulls by digest, whatever the tag). */
  readonly digest?: string;
}

/** The location and the repository ARN of a private ECR image given by reference. */
export interface EcrReference extends EcrImageLocation {
  /** ARN of the repository. */
  readonly repositoryArn: string;
}

/**
 * `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<name>` and the dual-stack form
 * `<account>.dkr-ecr.<region>.on.aws/<name>`, each followed by `:tag`, `@digest` or both.
 */
const ECR_REFERENCE = /^(\d{12})\.(?:dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(\.cn)?|dkr-ecr\.([a-z]{2}(?:-[a-z]+)+-\d)\.on\.aws)\/([^:@]+)(?::([^@]+))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** The AWS partition of a region. */
export function partitionOf(region: string, china: boolean): string {
  return china ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/**
 * The ECR location of a pinned reference, or undefined when the reference is not a private ECR image
 * (or is a token: nothing can be derived from it at synth).
 */
export function ecrLocationFromReference(reference: string): EcrReference | undefined {
  if (isToken(reference)) {
    return undefined;
  }
  const match = ECR_REFERENCE.exec(reference);
  if (!match) {
    return undefined;
  }
  const [, account, region, china, dualStackRegion, repositoryName, tag, digest] = match;
  const theRegion = region ?? dualStackRegion;
  return {
    repositoryArn: `arn:${partitionOf(theRegion, china !== undefined)}:ecr:${theRegion}:${account}:repository/${repositoryName}`,
    repositoryName,
    registryId: account,
    region: theRegion,
    ...(digest !== undefined ? { digest } : { tag }),
  };
}
