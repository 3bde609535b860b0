import { EcrRepository } from './ecr-repository';

/** An ECR repository made outside this library, to push a built image to. */
export interface ExistingEcrRepositoryProps {
  /** ARN of the repository. The task execution role may pull from exactly this repository. */
  readonly repositoryArn: string;

  /** URL of the repository without a tag, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-app`. */
  readonly repositoryUrl: string;
}

/**
 * What `ContainerImage.fromDockerBuild()` builds and where it pushes the image. Give exactly one of
 * `repository` and `existingRepository`.
 */
export interface DockerBuildImageProps {
  /**
   * The build context: the folder `docker build` sends, with the Dockerfile in it. A relative path is
   * resolved from the working directory of the synth (the folder of `cdktf.json` when the cdktf CLI
   * runs the app); `path.join(__dirname, 'app')` does not depend on it.
   */
  readonly directory: string;

  /**
   * The repository of this stack to push to. Its tags must be `TagMutability.MUTABLE`: each image is
   * tagged with the hash of its sources, so deploying sources that were pushed before (a revert)
   * pushes an existing tag again. The service runs the image by its digest, so a moved tag never
   * changes what runs.
   *
   * @default - `existingRepository`
   */
  readonly repository?: EcrRepository;

  /**
   * A repository made elsewhere, to push to instead. Its tags should be mutable, for the reason given
   * at `repository`: with immutable tags, deploying sources that were pushed before fails at the push.
   *
   * @default - `repository`
   */
  readonly existingRepository?: ExistingEcrRepositoryProps;

  /**
   * Path of the Dockerfile, relative to `directory` and inside it.
   *
   * @default 'Dockerfile'
   */
  readonly file?: string;

  /**
   * Build arguments (`--build-arg`), known at synth: they are part of the image's tag, so a changed
   * value builds and deploys a new image.
   *
   * @default - none
   */
  readonly buildArgs?: { [name: string]: string };

  /**
   * The build stage to build (`--target`) of a multi-stage Dockerfile.
   *
   * @default - the last stage
   */
  readonly target?: string;
}
