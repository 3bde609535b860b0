// Tests of the one-deploy Flask stack, written the way you would test your own (see docs/testing.md):
// a snapshot, and the facts that make one `cdktf deploy` take app/ to a running service: the image is
// built from app/ for the task's platform, pushed to the stack's repository, and the service runs
// exactly the pushed digest. The image tag in the snapshot is a hash of app/: it changes when app/ does.
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Image } from '@cdktf/provider-docker/lib/image';
import { RegistryImage } from '@cdktf/provider-docker/lib/registry-image';
import { Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest'; // types of cdktf's matchers (toHaveResourceWithProperties, ...)
import { FlaskBuildStack } from './stack';

// The stack reads its settings from environment variables, with placeholders
// when unset: clear them, so the snapshot is the same on every machine.
for (const name of Object.keys(process.env)) {
  if (/^(CLOUDFLARE_|AWS_REGION$|FLASK_)/.test(name)) delete process.env[name];
}

Testing.setupJest(); // adds cdktf's matchers to expect()

const synthesized = Testing.synth(new FlaskBuildStack(Testing.app(), 'flask-build'));
const doc = JSON.parse(synthesized);
const [imageId, image] = Object.entries<any>(doc.resource.docker_image)[0];
const [pushId] = Object.keys(doc.resource.docker_registry_image);
const [repositoryId] = Object.keys(doc.resource.aws_ecr_repository);

test('the synthesized stack matches the snapshot', () => {
  expect(synthesized).toMatchSnapshot();
});

test('the image is built from a copy of app/ for linux/amd64 and tagged with a hash of its files', () => {
  expect(synthesized).toHaveResourceWithProperties(Image, {
    name: expect.stringMatching(new RegExp(`^\\$\\{aws_ecr_repository\\.${repositoryId}\\.repository_url\\}:[0-9a-f]{64}$`)),
    build: expect.objectContaining({ platform: 'linux/amd64', context: expect.stringMatching(/^assets\//) }),
  });
});

test('the push keeps earlier images in ECR, for rollbacks', () => {
  expect(synthesized).toHaveResourceWithProperties(RegistryImage, { name: `\${docker_image.${imageId}.name}`, keep_remotely: true });
});

test('the app container runs exactly the pushed digest; the sidecar the official pinned cloudflared', () => {
  expect(synthesized).toHaveResourceWithProperties(EcsTaskDefinition, {
    container_definitions: expect.stringContaining(
      `"name" = "flask", "image" = "${image.name}@\${docker_registry_image.${pushId}.sha256_digest}"`),
  });
  expect(synthesized).toHaveResourceWithProperties(EcsTaskDefinition, {
    container_definitions: expect.stringContaining('"name" = "cloudflared", "image" = "cloudflare/cloudflared:'),
  });
});
