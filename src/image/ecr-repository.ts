import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository as EcrRepositoryResource } from '@cdktf/provider-aws/lib/ecr-repository';
import { Construct } from 'constructs';
import { lifecyclePolicyJson } from './internal/ecr-lifecycle';
import { requireRepositoryName } from './internal/repository-name';
import { KMS_KEY_ARN, requireArn } from '../core/arn';
import { stableOutput, toOutputIdentifier } from '../core/outputs';
import { claimPhysicalName } from '../core/physical-names';
import { isToken, requirePositiveInteger } from '../core/validation';

/** Whether an image tag, once pushed, may later point at a different image. */
export enum TagMutability {
  /** A tag always names the same image: what a task definition pins is what runs. */
  IMMUTABLE = 'IMMUTABLE',
  /** A tag may be pushed again and then names a newer image. */
  MUTABLE = 'MUTABLE',
}

/** Properties of an `EcrRepository`. */
export interface EcrRepositoryProps {
  /**
   * Name of the repository: lowercase letters and digits in components joined by single `.`, `_` or `-`,
   * optionally separated by `/`; 2 to 256 characters.
   */
  readonly name: string;

  /**
   * Whether tags may be overwritten. Immutable tags make a pinned tag mean one image forever.
   *
   * @default TagMutability.IMMUTABLE
   */
  readonly tagMutability?: TagMutability;

  /**
   * Days after which an untagged image expires, counted from its push. A whole number greater than 0.
   * Tagged images are not affected. A task definition that pins an image by digest needs that image to
   * keep a tag: with `TagMutability.MUTABLE`, pushing its tag again leaves it untagged.
   *
   * @default 7
   */
  readonly untaggedImageExpiryDays?: number;

  /**
   * Days after which a tagged image expires, counted from its push. A whole number greater than 0.
   *
   * Off by default because ECR cannot tell which images are deployed: any expiry of tagged images can
   * remove the image a running service uses, and ECS then cannot start its tasks again (scale-out, a
   * failed task, a zone outage). Set it only well beyond the age of the oldest image that any
   * deployment, a rollback included, may still run. There is deliberately no count-based limit
   * ("keep the newest N images"): pushing N images that are not deployed (branch builds, a busy CI)
   * would expire the image the service runs.
   *
   * @default - tagged images never expire
   */
  readonly taggedImageExpiryDays?: number;

  /**
   * ARN of a customer-managed KMS key to encrypt images with.
   *
   * @default - images are encrypted with AES256 (keys managed by ECR)
   */
  readonly kmsKeyArn?: string;

  /**
   * Whether `terraform destroy` deletes the repository even when it still holds images.
   *
   * @default false
   */
  readonly forceDelete?: boolean;

  /**
   * Tags for the repository.
   *
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A private ECR repository for an app image: images are scanned on push, tags are immutable unless you
 * choose otherwise, and a lifecycle policy expires untagged images. It never expires an image a
 * deployment may still run: tagged images expire only by an age window you opt into
 * (`taggedImageExpiryDays`).
 *
 * Use it with `ContainerImage.fromEcrRepository()`; the task execution role is then allowed to pull
 * from exactly this repository.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { ContainerImage, EcrRepository } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const repository = new EcrRepository(stack, 'repository', {
 *   name: 'acme/admin',
 *   untaggedImageExpiryDays: 14,
 * });
 * const image = ContainerImage.fromEcrRepository(repository, '1.4.2');
 */
export class EcrRepository extends Construct {
  /** Name of the repository. */
  public readonly repositoryName: string;

  /** ARN of the repository, to scope pull permissions to it. */
  public readonly repositoryArn: string;

  /** URL of the repository (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`), without a tag. */
  public readonly repositoryUrl: string;

  /** The underlying `aws_ecr_repository`, for settings this construct does not expose. */
  public readonly repository: EcrRepositoryResource;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the EcrRepository, described by `EcrRepositoryProps`.
   */
  constructor(scope: Construct, id: string, props: EcrRepositoryProps) {
    super(scope, id);

    const untaggedImageExpiryDays = props.untaggedImageExpiryDays ?? 7;
    const taggedImageExpiryDays = props.taggedImageExpiryDays;
    requireRepositoryName('name', props.name);
    claimPhysicalName(this, 'ECR repository', props.name, 'name');
    // Tokens (e.g. a Terraform variable) are written into the policy as they are.
    for (const [property, days] of [['untaggedImageExpiryDays', untaggedImageExpiryDays], ['taggedImageExpiryDays', taggedImageExpiryDays]] as const) {
      if (days !== undefined && !isToken(days)) {
        requirePositiveInteger(property, days);
      }
    }
    if (props.kmsKeyArn !== undefined) {
      requireArn('kmsKeyArn', props.kmsKeyArn, KMS_KEY_ARN);
    }

    this.repository = new EcrRepositoryResource(this, 'Repository', {
      name: props.name,
      imageTagMutability: props.tagMutability ?? TagMutability.IMMUTABLE,
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [
        props.kmsKeyArn === undefined
          ? { encryptionType: 'AES256' }
          : { encryptionType: 'KMS', kmsKey: props.kmsKeyArn },
      ],
      forceDelete: props.forceDelete ?? false,
      tags: props.tags,
    });

    new EcrLifecyclePolicy(this, 'LifecyclePolicy', {
      repository: this.repository.name,
      policy: lifecyclePolicyJson(untaggedImageExpiryDays, taggedImageExpiryDays),
    });

    this.repositoryName = this.repository.name;
    this.repositoryArn = this.repository.arn;
    this.repositoryUrl = this.repository.repositoryUrl;

    // Where to push the image: the first thing a user needs after apply, under a readable name
    // (`flask_repository_url` for the repository `flask`; from the construct id when the name is a token).
    const outputBase = toOutputIdentifier(isToken(props.name) ? id : props.name);
    stableOutput(this, 'repository-url', `${outputBase}_repository_url`, {
      value: this.repositoryUrl,
      description: `URL of the ECR repository ${isToken(props.name) ? id : props.name}`,
    }, 'name', props.name);
  }
}
