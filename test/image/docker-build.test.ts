// ContainerImage.fromDockerBuild(): what it writes into the stack (the build, the push, ECR auth, the
// digest the service runs), how the tag follows the sources, and its errors. No Docker daemon runs
// here: the tests read the synthesized Terraform JSON and the staged build context.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack, Testing, App, Fn, TerraformOutput } from 'cdktf';
import {
  ContainerImage, CpuArchitecture, DockerBuildImageProps, EcrRepository, TagMutability, ZeroTrustFargateService, ZeroTrustFargateServiceProps,
} from '../../src';
import { setModuleLoader } from '../../src/image/internal/docker-provider';
import { expectInvalid, onlyResource, resources } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';
import { decodeJsonencode } from '../service/decode';

const FLASK_APP = join(__dirname, '..', '..', 'examples', 'flask', 'app');
const HASH = /^[0-9a-f]{64}$/;

/** A stack with the three providers, in `app` (a new one by default). */
function newStack(app: App = Testing.app(), id = 'test'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new CloudflareProvider(stack, 'cloudflare', {});
  new RandomProvider(stack, 'random');
  return stack;
}

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A new build context with these files (path -> content). */
function context(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'docker-build-context-')));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const APP_FILES = {
  'Dockerfile': 'FROM python:3.12.12-slim-bookworm\nCOPY . /app\nCMD ["python", "/app/app.py"]\n',
  'app.py': 'print("hello")\n',
  '.dockerignore': '*.log\nnode_modules\n!node_modules/keep.txt\n',
  'debug.log': 'noise',
  'node_modules/left-pad/index.js': 'module.exports = 1;',
  'node_modules/keep.txt': 'kept',
};

interface Built {
  readonly stack: TerraformStack;
  readonly doc: any;
  readonly json: string;
}

/** A stack with a MUTABLE repository and one service whose app is built with `props`. */
function build(props: Omit<DockerBuildImageProps, 'repository'>, options: { stackId?: string; service?: ZeroTrustFargateServiceProps['service'] } = {}): Built {
  const stack = newStack(Testing.app(), options.stackId);
  const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
  const image = ContainerImage.fromDockerBuild({ repository, ...props });
  new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, app: { image, port: 8080 }, service: options.service });
  const json = Testing.synth(stack);
  return { stack, doc: JSON.parse(json), json };
}

/** The tag of the only docker_image. */
function tagOf(doc: any): string {
  return onlyResource(doc, 'docker_image').name.split(':').pop();
}

function appContainer(doc: any): any {
  return decodeJsonencode(onlyResource(doc, 'aws_ecs_task_definition').container_definitions).find((c: any) => c.name === 'app');
}

describe('the synthesized build and push', () => {
  const dir = context(APP_FILES);
  const { doc, json } = build({ directory: dir });
  const [imageId, image] = Object.entries<any>(resources(doc, 'docker_image'))[0];
  const [pushId, push] = Object.entries<any>(resources(doc, 'docker_registry_image'))[0];
  const tag = tagOf(doc);
  const repositoryId = Object.keys(resources(doc, 'aws_ecr_repository'))[0];

  test('docker_image builds the staged context for linux/amd64 with BuildKit, tagged <repository URL>:<content hash>', () => {
    expect(tag).toMatch(HASH);
    expect(image.name).toBe(`\${aws_ecr_repository.${repositoryId}.repository_url}:${tag}`);
    // The context is a copy under the stack's folder: a relative path, valid where cdktf runs Terraform.
    expect(image.build).toEqual({
      context: expect.stringMatching(new RegExp(`^assets/[A-Za-z0-9_-]+/${tag}$`)),
      dockerfile: `${image.build.context}/Dockerfile`,
      platform: 'linux/amd64',
      builder: 'default',
    });
  });

  test('docker_registry_image pushes that image and keeps it in ECR when replaced (rollbacks still pull it)', () => {
    expect(push).toEqual({
      name: `\${docker_image.${imageId}.name}`,
      keep_remotely: true,
      provider: image.provider,
    });
  });

  test('one aliased docker provider authenticates to ECR with aws_ecr_authorization_token', () => {
    expect(image.provider).toBe('docker.zero_trust_fargate_image_build');
    const [tokenId, token] = Object.entries<any>(doc.data.aws_ecr_authorization_token)[0];
    expect(token).toEqual({}); // the registry of the stack's AWS account and region
    const ref = (attribute: string) => `\${data.aws_ecr_authorization_token.${tokenId}.${attribute}}`;
    expect(doc.provider.docker).toEqual([{
      alias: 'zero_trust_fargate_image_build',
      registry_auth: [{ address: ref('proxy_endpoint'), username: ref('user_name'), password: ref('password') }],
    }]);
    expect(doc.terraform.required_providers.docker).toEqual({ source: 'kreuzwerker/docker', version: '3.6.2' });
  });

  test('the container runs exactly the pushed image, by digest, so the service depends on the push', () => {
    expect(appContainer(doc).image).toBe(`\${aws_ecr_repository.${repositoryId}.repository_url}:${tag}@\${docker_registry_image.${pushId}.sha256_digest}`);
    const [taskDefinitionId] = Object.keys(resources(doc, 'aws_ecs_task_definition'));
    expect(onlyResource(doc, 'aws_ecs_service').task_definition).toBe(`\${aws_ecs_task_definition.${taskDefinitionId}.arn}`);
  });

  test('the execution role may pull from exactly the repository', () => {
    const statements = (Object.values(doc.data.aws_iam_policy_document) as any[]).flatMap((p) => p.statement);
    expect(statements.filter((s) => s.actions.includes('ecr:BatchGetImage')))
      .toEqual([expect.objectContaining({ resources: [`\${aws_ecr_repository.${repositoryId}.arn}`] })]);
  });

  test('no absolute path of this machine in the output', () => {
    expect(json).not.toContain(dir);
    expect(json).not.toContain(tmpdir());
  });
});

describe('the tag follows the sources the build sends, and nothing else', () => {
  const base = build({ directory: context(APP_FILES) });
  const baseTag = tagOf(base.doc);
  const variant = (change: (dir: string) => void, props: Partial<DockerBuildImageProps> = {}): string => {
    const dir = context(APP_FILES);
    change(dir);
    return tagOf(build({ directory: dir, ...props }).doc);
  };

  test('the same sources in another folder, synthesized again, give the same bytes', () => {
    const again = build({ directory: context(APP_FILES) });
    expect(again.json).toBe(base.json);
  });

  test('file times do not count', () => {
    expect(variant((dir) => utimesSync(join(dir, 'app.py'), new Date(0), new Date(0)))).toBe(baseTag);
  });

  test.each([
    ['an ignored file changes', (dir: string) => writeFileSync(join(dir, 'debug.log'), 'other noise')],
    ['an ignored file is added', (dir: string) => writeFileSync(join(dir, 'new.log'), 'x')],
    ['a file inside an ignored folder changes', (dir: string) => writeFileSync(join(dir, 'node_modules/left-pad/index.js'), '2')],
  ])('unchanged when %s', (_what, change) => {
    expect(variant(change)).toBe(baseTag);
  });

  test.each([
    ['a source file changes', (dir: string) => writeFileSync(join(dir, 'app.py'), 'print("bye")\n')],
    ['a source file is added', (dir: string) => writeFileSync(join(dir, 'util.py'), '')],
    ['an empty folder is added', (dir: string) => mkdirSync(join(dir, 'data'))],
    ['the Dockerfile changes', (dir: string) => writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.13-slim\n')],
    ['a file re-included by an exception changes', (dir: string) => writeFileSync(join(dir, 'node_modules/keep.txt'), 'changed')],
    ['a file becomes executable', (dir: string) => chmodSync(join(dir, 'app.py'), 0o755)],
    ['the .dockerignore changes what is sent', (dir: string) => writeFileSync(join(dir, '.dockerignore'), 'node_modules\n')],
  ])('changed when %s', (_what, change) => {
    expect(variant(change)).not.toBe(baseTag);
  });

  test.each([
    ['build arguments', { buildArgs: { VERSION: '2' } }],
    ['a target stage', { target: 'runtime' }],
  ])('changed by %s', (_what, props) => {
    expect(variant(() => undefined, props)).not.toBe(baseTag);
  });

  test('changed by the platform: an ARM64 task gets an arm64 build', () => {
    const arm = build({ directory: context(APP_FILES) }, { service: { cpuArchitecture: CpuArchitecture.ARM64 } });
    expect(onlyResource(arm.doc, 'docker_image').build.platform).toBe('linux/arm64');
    expect(tagOf(arm.doc)).not.toBe(baseTag);
  });

  test('changed by the stack: two stacks pushing one context to one repository never share a tag', () => {
    expect(tagOf(build({ directory: context(APP_FILES) }, { stackId: 'other' }).doc)).not.toBe(baseTag);
  });

  test('a Dockerfile-specific ignore file replaces .dockerignore, as BuildKit reads it', () => {
    const dir = context({ ...APP_FILES, 'Dockerfile.dockerignore': 'app.py\n' });
    const withOwn = tagOf(build({ directory: dir }).doc);
    writeFileSync(join(dir, 'app.py'), 'print("ignored now")\n');
    expect(tagOf(build({ directory: dir }).doc)).toBe(withOwn);
    writeFileSync(join(dir, 'debug.log'), 'no longer ignored');
    expect(tagOf(build({ directory: dir }).doc)).not.toBe(withOwn);
  });
});

test('a full synth stages exactly the files the build sends, at the path the JSON names', () => {
  const dir = context(APP_FILES);
  chmodSync(join(dir, 'app.py'), 0o755);
  const app = Testing.app();
  const stack = newStack(app);
  const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
  new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, app: { image: ContainerImage.fromDockerBuild({ directory: dir, repository }), port: 8080 } });
  const outdir = Testing.fullSynth(stack);
  folders.push(outdir);
  const stackDir = join(outdir, 'stacks', stack.node.id);
  const doc = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
  const staged = join(stackDir, onlyResource(doc, 'docker_image').build.context);
  const list = (root: string, rel = ''): string[] => readdirSync(join(root, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? list(root, `${rel}${e.name}/`) : [`${rel}${e.name}`])).sort();
  expect(list(staged)).toEqual(['.dockerignore', 'Dockerfile', 'app.py', 'node_modules/keep.txt']);
  expect(readFileSync(join(staged, 'app.py'), 'utf8')).toBe(APP_FILES['app.py']);
  expect(existsSync(join(stackDir, onlyResource(doc, 'docker_image').build.dockerfile))).toBe(true);
  // The mode travels with the file (COPY keeps it).
  expect(Math.floor(statSync(join(staged, 'app.py')).mode / 0o100) % 2).toBe(1);
});

test('a synth output folder inside the context is neither hashed nor copied', () => {
  const dir = context(APP_FILES);
  const synthInto = (): string => {
    const app = Testing.app({ outdir: join(dir, 'cdktf.out') });
    const stack = newStack(app);
    const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
    new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, app: { image: ContainerImage.fromDockerBuild({ directory: dir, repository }), port: 8080 } });
    app.synth();
    return tagOf(JSON.parse(readFileSync(join(dir, 'cdktf.out', 'stacks', 'test', 'cdk.tf.json'), 'utf8')));
  };
  const first = synthInto();
  // The second synth finds the first one's output (with its staged copy) in the context; the tag stays.
  expect(existsSync(join(dir, 'cdktf.out', 'stacks', 'test', 'assets'))).toBe(true);
  expect(synthInto()).toBe(first);
});

describe('in a stack', () => {
  test('a user\'s own docker provider stays the default one; ours is aliased', () => {
    const stack = newStack();
    new DockerProvider(stack, 'docker', { host: 'unix:///var/run/docker.sock' });
    const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
    new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, app: { image: ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository }), port: 5000 } });
    const doc = JSON.parse(Testing.synth(stack));
    expect(doc.provider.docker).toHaveLength(2);
    expect(doc.provider.docker).toContainEqual({ host: 'unix:///var/run/docker.sock' });
    expect(doc.provider.docker.filter((p: any) => p.alias === 'zero_trust_fargate_image_build')).toHaveLength(1);
  });

  test('one image used by two services of one stack is built and pushed once, with one provider and one token', () => {
    const stack = newStack();
    const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
    const image = ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository });
    const first = new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, outputPrefix: 'admin', app: { image, port: 5000 } });
    new ZeroTrustFargateService(stack, 'other', {
      ...PATTERN_PROPS,
      outputPrefix: 'other',
      hostname: 'other.example.com',
      existingNetwork: first.network,
      existingCluster: first.cluster,
      app: { image: ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository }), port: 5000 },
    });
    const doc = JSON.parse(Testing.synth(stack));
    expect(Object.keys(resources(doc, 'docker_image'))).toHaveLength(1);
    expect(Object.keys(resources(doc, 'docker_registry_image'))).toHaveLength(1);
    expect(Object.keys(doc.data.aws_ecr_authorization_token)).toHaveLength(1);
    expect(doc.provider.docker).toHaveLength(1);
    const images = Object.values<any>(resources(doc, 'aws_ecs_task_definition'))
      .map((t) => decodeJsonencode(t.container_definitions).find((c: any) => c.name === 'app').image);
    expect(new Set(images).size).toBe(1);
  });

  test('one image for two CPU architectures in one stack fails, naming both platforms', () => {
    const stack = newStack();
    const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
    const image = ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository });
    const first = new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, outputPrefix: 'admin', app: { image, port: 5000 } });
    expect(() => new ZeroTrustFargateService(stack, 'arm', {
      ...PATTERN_PROPS,
      outputPrefix: 'arm',
      hostname: 'arm.example.com',
      existingNetwork: first.network,
      existingCluster: first.cluster,
      app: { image, port: 5000 },
      service: { cpuArchitecture: CpuArchitecture.ARM64 },
    })).toThrow(/two CPU architectures in one stack \(linux\/amd64 and linux\/arm64\)/);
  });

  test('a repository made elsewhere: the token and the role use the account and region of its ARN', () => {
    const stack = newStack();
    const image = ContainerImage.fromDockerBuild({
      directory: FLASK_APP,
      existingRepository: {
        repositoryArn: 'arn:aws:ecr:us-east-1:210987654321:repository/team/app',
        repositoryUrl: '210987654321.dkr.ecr.us-east-1.amazonaws.com/team/app',
      },
    });
    expect(image.repositoryArn).toBe('arn:aws:ecr:us-east-1:210987654321:repository/team/app');
    new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, app: { image, port: 5000 } });
    const doc = JSON.parse(Testing.synth(stack));
    expect(Object.values(doc.data.aws_ecr_authorization_token)).toEqual([{ registry_id: '210987654321', region: 'us-east-1' }]);
    expect(onlyResource(doc, 'docker_image').name).toMatch(/^210987654321\.dkr\.ecr\.us-east-1\.amazonaws\.com\/team\/app:[0-9a-f]{64}$/);
  });

  test('imageUri resolves, in a stack that runs the image, to the reference the container runs', () => {
    const stack = newStack();
    const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
    const image = ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository });
    new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, app: { image, port: 5000 } });
    new TerraformOutput(stack, 'image', { value: image.imageUri });
    const doc = JSON.parse(Testing.synth(stack));
    expect(doc.output.image.value).toBe(appContainer(doc).image);
  });
});

describe('errors name the prop, the value and what is allowed', () => {
  const stack = newStack();
  const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });

  test('an immutable repository (the EcrRepository default) is refused: a revert would push an existing tag', () => {
    const immutable = new EcrRepository(stack, 'immutable', { name: 'immutable' });
    expectInvalid(() => ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository: immutable }), 'repository',
      /"IMMUTABLE"\. Expected an EcrRepository with tagMutability: TagMutability\.MUTABLE/);
  });

  test('neither or both repositories', () => {
    expectInvalid(() => ContainerImage.fromDockerBuild({ directory: FLASK_APP }), 'repository', /Expected exactly one of repository/);
    expectInvalid(() => ContainerImage.fromDockerBuild({
      directory: FLASK_APP,
      repository,
      existingRepository: { repositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/a', repositoryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/a' },
    }), 'repository', /Expected exactly one of repository/);
  });

  test('an existing repository whose URL names another repository than its ARN', () => {
    expectInvalid(() => ContainerImage.fromDockerBuild({
      directory: FLASK_APP,
      existingRepository: { repositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/a', repositoryUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/b' },
    }), 'existingRepository.repositoryUrl', /named in existingRepository\.repositoryArn \("a"\)/);
  });

  test('a folder that does not exist, and a Dockerfile outside the folder or missing', () => {
    expectInvalid(() => ContainerImage.fromDockerBuild({ directory: join(FLASK_APP, 'nope'), repository }), 'directory', /Expected an existing folder/);
    expectInvalid(() => ContainerImage.fromDockerBuild({ directory: FLASK_APP, file: '../Dockerfile', repository }), 'file', /inside it/);
    expectInvalid(() => ContainerImage.fromDockerBuild({ directory: FLASK_APP, file: 'Containerfile', repository }), 'file', /there is no file Containerfile/);
  });

  test('build settings Terraform resolves later cannot be part of the tag', () => {
    const token = Fn.timestamp();
    expectInvalid(() => ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository, buildArgs: { VERSION: token } }), 'buildArgs.VERSION', /known at synth/);
    expectInvalid(() => ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository, target: 'two words' }), 'target', /name of a build stage/);
  });

  test('an ignore file Docker refuses', () => {
    const dir = context({ 'Dockerfile': 'FROM scratch\n', '.dockerignore': 'ok\n[broken\n' });
    expectInvalid(() => ContainerImage.fromDockerBuild({ directory: dir, repository }), 'directory', /\.dockerignore line 2: "\[broken"/);
  });
});

describe('without @cdktf/provider-docker installed', () => {
  const missing = (id: string) => {
    const error: any = new Error(`Cannot find module '${id}'`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  };

  test('fromDockerBuild fails at synth, naming the package and the command that installs it', () => {
    const previous = setModuleLoader(missing);
    try {
      const stack = newStack();
      const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
      expect(() => ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository })).toThrow(
        'ContainerImage.fromDockerBuild() needs the package @cdktf/provider-docker (^12.0.3, the kreuzwerker/docker provider 3.6.2), which is not installed. '
        + 'It is an optional peer dependency of cdktf-zero-trust-fargate: install it next to the library with `npm install @cdktf/provider-docker@^12.0.3`.');
    } finally {
      setModuleLoader(previous);
    }
  });

  test('everything else works without it', () => {
    const previous = setModuleLoader(missing);
    try {
      const stack = newStack();
      new ZeroTrustFargateService(stack, 'admin', PATTERN_PROPS);
      expect(Testing.synth(stack)).not.toContain('docker');
    } finally {
      setModuleLoader(previous);
    }
  });

  test('another major version is refused, naming the range', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const previous = setModuleLoader((id) => (id.endsWith('package.json') ? { version: '11.2.0' } : require(id)));
    try {
      const stack = newStack();
      const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
      expect(() => ContainerImage.fromDockerBuild({ directory: FLASK_APP, repository })).toThrow(/needs @cdktf\/provider-docker \^12\.0\.3 .* but version 11\.2\.0 is installed/);
    } finally {
      setModuleLoader(previous);
    }
  });
});

test('the staged copy of a context holds no ignored secret', () => {
  const dir = context({ 'Dockerfile': 'FROM scratch\n', '.dockerignore': '.env\n', '.env': 'SECRET=1' });
  const stack = newStack();
  const repository = new EcrRepository(stack, 'repository', { name: 'admin', tagMutability: TagMutability.MUTABLE });
  new ZeroTrustFargateService(stack, 'admin', { ...PATTERN_PROPS, app: { image: ContainerImage.fromDockerBuild({ directory: dir, repository }), port: 8080 } });
  const outdir = Testing.fullSynth(stack);
  folders.push(outdir);
  const stackDir = join(outdir, 'stacks', stack.node.id);
  const staged = onlyResource(JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')), 'docker_image').build.context;
  expect(readdirSync(join(stackDir, staged)).sort()).toEqual(['.dockerignore', 'Dockerfile']);
});
