/**
 * The plan-time check that each ECR image of a task is in its repository. Internal: not part of the
 * public API.
 *
 * ECS registers a task definition whatever its images, and a service whose image is missing keeps
 * starting tasks that fail to pull until the deployment circuit breaker gives up (or
 * `wait_for_steady_state` times out). The typical cause is an `EcrRepository` created in the same apply
 * as the service: the repository is empty until someone pushes. A postcondition on the repository's
 * image list fails the plan (or, for a repository created in the same apply, the apply, before the
 * task definition) with a message that says what to push.
 *
 * `data.aws_ecr_images` (ListImages) rather than `data.aws_ecr_image`: the latter's read fails by
 * itself on a missing tag (DescribeImages returns ImageNotFoundException), so its postcondition could
 * never print the explanation.
 */
import { DataAwsEcrImages } from '@cdktf/provider-aws/lib/data-aws-ecr-images';
import { IResolvable } from 'cdktf';
import { Construct } from 'constructs';
import { isToken } from '../../core/validation';
import { ContainerImage } from '../../image';

/**
 * Adds one `data.aws_ecr_images` with a postcondition per ECR image that can be checked; returns them
 * for the task definition's `depends_on`.
 *
 * @param scope where the data sources go
 * @param images each image with the prop the user wrote it in, e.g. `['app.image', image]`
 */
export function imageExistsChecks(scope: Construct, images: Array<[string, string, ContainerImage | undefined]>): DataAwsEcrImages[] {
  const checks: DataAwsEcrImages[] = [];
  for (const [id, property, image] of images) {
    const location = image?._ecrImage;
    if (location === undefined) {
      continue;
    }
    const [field, wanted] = location.digest !== undefined ? ['image_digest', location.digest] : ['image_tag', location.tag!];
    checks.push(new DataAwsEcrImages(scope, id, {
      repositoryName: location.repositoryName,
      registryId: location.registryId,
      region: location.region,
      lifecycle: {
        postcondition: [{
          condition: `\${contains(self.image_ids[*].${field}, ${literal(wanted)})}` as unknown as IResolvable,
          errorMessage: `The image of ${property} (${field === 'image_tag' ? 'tag' : 'digest'} ${wanted}) is not in the ECR `
            + `repository ${isToken(location.repositoryName) ? 'it names' : `"${location.repositoryName}"`}: push it `
            + 'before deploying the service (a repository created in the same apply is empty: deploy the repository first, '
            + 'push, then deploy the service; see docs/constraints.md of cdktf-zero-trust-fargate).',
        }],
      },
    }));
  }
  return checks;
}

/** A string for inside a Terraform expression: a token as it is, a literal quoted. */
function literal(value: string): string {
  return isToken(value) ? value : JSON.stringify(value);
}

