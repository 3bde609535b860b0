import { TerraformStack } from 'cdktf';
import { TunnelCredentialFormat } from '../../src/credential';
import { ContainerImage } from '../../src/image';
import {
  CloudflaredLogLevel, CloudflaredProtocol, ContainerSecret, CpuArchitecture, SidecarStartCondition, TunnelFargateService, TunnelFargateServiceProps,
} from '../../src/service';
import { TunnelTaskDefinition, TunnelTaskDefinitionProps } from '../../src/service/internal/tunnel-task-definition';
import { newStack, onlyResource, synth } from '../helpers';
import { decodeJsonencode } from './decode';
import { PARAMETER_ARN, TUNNEL_ID, app, credential, serviceProps, taskDefinitionProps } from './fixtures';

const HEALTH = { command: ['CMD', '/app/healthcheck'] };

const props = taskDefinitionProps;

function build(overrides: Partial<TunnelTaskDefinitionProps> = {}) {
  const result = synth((stack) => new TunnelTaskDefinition(stack, 'task', props(overrides)));
  const taskDefinition = onlyResource(result.doc, 'aws_ecs_task_definition');
  const containers: any[] = decodeJsonencode(taskDefinition.container_definitions);
  const byName = (name: string) => containers.find((c) => c.name === name);
  return { ...result, taskDefinition, containers, appContainer: byName('app'), sidecar: byName('cloudflared') };
}

/** The task options are checked once, by the service that owns them, which makes the task definition. */
function attempt(overrides: Partial<TunnelFargateServiceProps>, stack: TerraformStack = newStack()) {
  return () => new TunnelFargateService(stack, 'task', serviceProps(overrides));
}

describe('TunnelTaskDefinition', () => {
  test('snapshot', () => {
    const { json, containers } = build({
      app: app({
        environment: { LOG_LEVEL: 'info' },
        secrets: { DATABASE_URL: ContainerSecret.fromSsmParameter('arn:aws:ssm:eu-west-1:123456789012:parameter/app/db') },
        healthCheck: HEALTH,
        readonlyRootFilesystem: true,
        writablePaths: ['/tmp'],
      }),
    });
    expect(json).toMatchSnapshot();
    // The same container definitions, decoded, for a readable review.
    expect(containers).toMatchSnapshot();
  });

  test('is a Fargate awsvpc task with the default size on LINUX/X86_64', () => {
    const { taskDefinition } = build();
    expect(taskDefinition.requires_compatibilities).toEqual(['FARGATE']);
    expect(taskDefinition.network_mode).toBe('awsvpc');
    expect(taskDefinition.cpu).toBe('256');
    expect(taskDefinition.memory).toBe('512');
    expect(taskDefinition.runtime_platform).toEqual({ operating_system_family: 'LINUX', cpu_architecture: 'X86_64' });
    expect(taskDefinition.execution_role_arn).toBe('arn:aws:iam::123456789012:role/app-execution');
    expect(taskDefinition.task_role_arn).toBe('arn:aws:iam::123456789012:role/app-task');
  });

  test('defaults memory to the smallest value for the CPU', () => {
    const { taskDefinition } = build({ cpu: 2048 });
    expect(taskDefinition.memory).toBe('4096');
  });

  test('accepts another valid size and ARM64', () => {
    const { taskDefinition } = build({ cpu: 8192, memory: 20480, cpuArchitecture: CpuArchitecture.ARM64 });
    expect(taskDefinition.cpu).toBe('8192');
    expect(taskDefinition.memory).toBe('20480');
    expect(taskDefinition.runtime_platform.cpu_architecture).toBe('ARM64');
  });

  test('exposes the container definitions, names and port', () => {
    const stack = newStack();
    const task = new TunnelTaskDefinition(stack, 'task', props({ app: app({ name: 'web', port: 3000 }) }));
    expect(task.appContainerName).toBe('web');
    expect(task.sidecarContainerName).toBe('cloudflared');
    expect(task.appPort).toBe(3000);
    expect(task._containerDefinitions.map((c) => c.name)).toEqual(['web', 'cloudflared']);
  });

  describe('cloudflared sidecar', () => {
    test('runs the pinned official image with `tunnel run` and the token only through secrets', () => {
      const { sidecar } = build();
      expect(sidecar.image).toBe(ContainerImage.cloudflared().imageUri);
      expect(sidecar.image).not.toMatch(/:latest$/);
      expect(sidecar.command).toEqual(['tunnel', 'run']);
      expect(sidecar.secrets).toEqual([{ name: 'TUNNEL_TOKEN', valueFrom: PARAMETER_ARN }]);
      const envNames = sidecar.environment.map((e: any) => e.name);
      expect(envNames).not.toContain('TUNNEL_TOKEN');
      expect(JSON.stringify(sidecar.environment)).not.toContain(PARAMETER_ARN);
      expect(sidecar.essential).toBe(true);
    });

    test('does not repeat --no-autoupdate (the image entrypoint has it)', () => {
      const { sidecar } = build();
      expect(sidecar.command).not.toContain('--no-autoupdate');
      expect(sidecar.entryPoint).toBeUndefined();
    });

    test('uses TUNNEL_CRED_CONTENTS and the tunnel id for a CREDENTIALS_FILE credential', () => {
      const { sidecar } = build({ credential: credential(TunnelCredentialFormat.CREDENTIALS_FILE), tunnelId: TUNNEL_ID });
      expect(sidecar.command).toEqual(['tunnel', 'run', TUNNEL_ID]);
      expect(sidecar.secrets).toEqual([{ name: 'TUNNEL_CRED_CONTENTS', valueFrom: PARAMETER_ARN }]);
      expect(sidecar.environment.map((e: any) => e.name)).not.toContain('TUNNEL_CRED_CONTENTS');
    });

    test('fixes the metrics address and sets log level and protocol through the environment', () => {
      const { sidecar } = build({ sidecar: { logLevel: CloudflaredLogLevel.WARN, protocol: CloudflaredProtocol.HTTP2 } });
      expect(sidecar.environment).toEqual([
        { name: 'TUNNEL_EDGE_IP_VERSION', value: '4' },
        { name: 'TUNNEL_GRACE_PERIOD', value: '30s' },
        { name: 'TUNNEL_LOGLEVEL', value: 'warn' },
        { name: 'TUNNEL_METRICS', value: '127.0.0.1:2000' },
        { name: 'TUNNEL_TRANSPORT_PROTOCOL', value: 'http2' },
      ]);
    });

    test('DEBUG logging synthesizes with a warning that request headers and Access tokens reach the logs', () => {
      const warnings = (logLevel?: CloudflaredLogLevel) => build({ sidecar: { logLevel } }).stack.node.findAll()
        .flatMap((c) => c.node.metadata).map((m) => String(m.data)).filter((text) => /sidecar\.logLevel/.test(text));
      expect(warnings(CloudflaredLogLevel.DEBUG)).toEqual([
        expect.stringMatching(/sidecar\.logLevel is CloudflaredLogLevel\.DEBUG: cloudflared then logs every request's headers, including Cloudflare Access tokens .* and session cookies/),
      ]);
      expect(warnings(CloudflaredLogLevel.INFO)).toEqual([]);
      expect(warnings(undefined)).toEqual([]);
      expect(build({ sidecar: { logLevel: CloudflaredLogLevel.DEBUG } }).sidecar.environment).toContainEqual({ name: 'TUNNEL_LOGLEVEL', value: 'debug' });
    });

    test('has an exec-form (CMD, not CMD-SHELL) health check against the metrics server', () => {
      const { sidecar } = build();
      expect(sidecar.healthCheck.command).toEqual(['CMD', 'cloudflared', 'tunnel', '--metrics', '127.0.0.1:2000', 'ready']);
      expect(sidecar.healthCheck.command[0]).not.toBe('CMD-SHELL');
    });

    test('runs as non-root user 65532 on a read-only root filesystem', () => {
      const { sidecar } = build();
      expect(sidecar.user).toBe('65532');
      expect(sidecar.readonlyRootFilesystem).toBe(true);
    });

    test('starts after the app has started by default', () => {
      const { sidecar } = build();
      expect(sidecar.dependsOn).toEqual([{ containerName: 'app', condition: 'START' }]);
    });

    test('waits for a healthy app when HEALTHY is chosen', () => {
      const { sidecar } = build({
        app: app({ name: 'web', healthCheck: HEALTH }),
        sidecar: { startCondition: SidecarStartCondition.HEALTHY },
      });
      expect(sidecar.dependsOn).toEqual([{ containerName: 'web', condition: 'HEALTHY' }]);
    });

    test('accepts another image', () => {
      const { sidecar } = build({ sidecar: { image: ContainerImage.fromRegistry('cloudflare/cloudflared:2025.9.0') } });
      expect(sidecar.image).toBe('cloudflare/cloudflared:2025.9.0');
    });
  });

  describe('app container', () => {
    test('renders image, port, environment, secrets, command, health check and user', () => {
      const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-AbCdEf';
      const { appContainer } = build({
        app: app({
          environment: { MODE: 'production' },
          secrets: { API_KEY: ContainerSecret.fromSecretsManager(secretArn, { jsonKey: 'apiKey' }) },
          command: ['gunicorn', 'app:app'],
          healthCheck: { command: ['CMD', 'curl', '-f', 'http://localhost:8080/'], intervalSeconds: 10, startPeriodSeconds: 20 },
          user: '1000:1000',
        }),
      });
      expect(appContainer).toMatchObject({
        name: 'app',
        image: 'ghcr.io/acme/app:1.4.2',
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
        environment: [{ name: 'MODE', value: 'production' }],
        secrets: [{ name: 'API_KEY', valueFrom: `${secretArn}:apiKey::` }],
        command: ['gunicorn', 'app:app'],
        healthCheck: { command: ['CMD', 'curl', '-f', 'http://localhost:8080/'], interval: 10, timeout: 5, retries: 3, startPeriod: 20 },
        user: '1000:1000',
        readonlyRootFilesystem: false,
      });
    });

    test('keeps secret values out of the plain environment', () => {
      const dbArn = 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/db';
      const { appContainer } = build({
        app: app({ environment: { MODE: 'x' }, secrets: { DATABASE_URL: ContainerSecret.fromSsmParameter(dbArn) } }),
      });
      expect(appContainer.secrets).toEqual([{ name: 'DATABASE_URL', valueFrom: dbArn }]);
      expect(appContainer.environment.map((e: any) => e.name)).toEqual(['MODE']);
      expect(JSON.stringify(appContainer.environment)).not.toContain(dbArn);
    });

    test('mounts a task-scoped volume (no host path) for each writable path', () => {
      const { appContainer, taskDefinition } = build({ app: app({ readonlyRootFilesystem: true, writablePaths: ['/tmp', '/var/cache/app'] }) });
      expect(appContainer.readonlyRootFilesystem).toBe(true);
      expect(appContainer.mountPoints).toEqual([
        { sourceVolume: 'app-writable-tmp', containerPath: '/tmp', readOnly: false },
        { sourceVolume: 'app-writable-var-cache-app', containerPath: '/var/cache/app', readOnly: false },
      ]);
      expect(taskDefinition.volume).toEqual([{ name: 'app-writable-tmp' }, { name: 'app-writable-var-cache-app' }]);
      for (const volume of taskDefinition.volume) {
        expect(volume.host_path).toBeUndefined();
      }
    });

    test('adds writable SSM agent paths for ECS Exec when the root filesystem is read-only', () => {
      const { appContainer, sidecar } = build({
        enableExecuteCommand: true,
        app: app({ readonlyRootFilesystem: true, writablePaths: ['/tmp'] }),
      });
      expect(appContainer.mountPoints.map((m: any) => m.containerPath)).toEqual(['/tmp', '/var/lib/amazon', '/var/log/amazon']);
      expect(appContainer.linuxParameters).toEqual({ initProcessEnabled: true });
      expect(sidecar.mountPoints).toBeUndefined();
    });

    test('needs no extra volumes for ECS Exec when the root filesystem is writable', () => {
      const { appContainer, taskDefinition } = build({ enableExecuteCommand: true });
      expect(appContainer.mountPoints).toBeUndefined();
      expect(taskDefinition.volume).toBeUndefined();
    });

    test('logs both containers to the log group with their own stream prefix and the current region', () => {
      const { appContainer, sidecar, doc } = build();
      expect(Object.keys(doc.data.aws_region)).toHaveLength(1);
      for (const [container, prefix] of [[appContainer, 'app'], [sidecar, 'cloudflared']]) {
        expect(container.logConfiguration).toEqual({
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/app',
            'awslogs-region': expect.stringMatching(/^\$\{data\.aws_region\..+\.region\}$/),
            'awslogs-stream-prefix': prefix,
          },
        });
      }
    });
  });

  describe('rejects bad input before creating resources', () => {
    function expectError(overrides: Partial<TunnelFargateServiceProps>, message: RegExp) {
      const stack = newStack();
      expect(attempt(overrides, stack)).toThrow(message);
      expect(stack.node.tryFindChild('task')?.node.children ?? []).toHaveLength(0);
    }

    test('an unknown CPU value', () => {
      expectError({ cpu: 300, memory: 512 }, /Invalid cpu: 300\. .*256, 512, 1024, 2048, 4096, 8192, 16384/);
    });

    test('a memory value that does not fit the CPU, listing the valid ones', () => {
      expectError({ cpu: 512, memory: 512 }, /Invalid memory: 512\. With cpu 512, Fargate accepts memory values \(MiB\) 1024, 2048, 3072, 4096\./);
    });

    test('too little memory for a bigger CPU', () => {
      expectError({ cpu: 1024, memory: 1024 }, /Invalid memory: 1024\. With cpu 1024, .*2048, 3072, 4096, 5120, 6144, 7168, 8192\./);
    });

    test('a port outside 1-65535', () => {
      expectError({ app: app({ port: 70000 }) }, /Invalid app\.port: 70000\. Expected a whole number from 1 to 65535/);
      expectError({ app: app({ port: 0 }) }, /Invalid app\.port: 0/);
    });

    test('the port of the cloudflared metrics server', () => {
      expectError({ app: app({ port: 2000 }) }, /Invalid app\.port: 2000\. .*cloudflared metrics/);
    });

    test('an app container named like the sidecar', () => {
      expectError({ app: app({ name: 'cloudflared' }) }, /Invalid app\.name: "cloudflared"\. .*taken by the tunnel sidecar/);
    });

    test('an app container name with invalid characters', () => {
      expectError({ app: app({ name: 'my app' }) }, /Invalid app\.name: "my app"/);
    });

    test('HEALTHY without an app health check', () => {
      expectError({ sidecar: { startCondition: SidecarStartCondition.HEALTHY } }, /Invalid sidecar\.startCondition: "HEALTHY"\. .*app\.healthCheck is required/);
    });

    test('CREDENTIALS_FILE without a tunnel id', () => {
      expectError({ credential: credential(TunnelCredentialFormat.CREDENTIALS_FILE) }, /Invalid tunnelId: undefined\. .*CREDENTIALS_FILE credential needs the tunnel ID/);
    });

    test('a tunnel id that is not a UUID', () => {
      expectError({ credential: credential(TunnelCredentialFormat.CREDENTIALS_FILE), tunnelId: 'my-tunnel' }, /Invalid tunnelId: "my-tunnel"\. Expected the tunnel UUID/);
    });

    test('a secret name that is not a valid environment variable name', () => {
      const secret = ContainerSecret.fromSsmParameter(PARAMETER_ARN);
      expectError({ app: app({ secrets: { 'DB-URL': secret } }) }, /Invalid app\.secrets: "DB-URL"\. .*\[A-Za-z_\]/);
    });

    test('a secret name that repeats an environment key', () => {
      const secret = ContainerSecret.fromSsmParameter(PARAMETER_ARN);
      expectError({ app: app({ environment: { DB_URL: 'x' }, secrets: { DB_URL: secret } }) }, /Invalid app\.secrets: "DB_URL"\. .*also a key of app\.environment/);
    });

    test('an environment name that is not a valid environment variable name', () => {
      expectError({ app: app({ environment: { '1ABC': 'x' } }) }, /Invalid app\.environment: "1ABC"/);
    });

    test('a health check that is neither CMD nor CMD-SHELL', () => {
      expectError({ app: app({ healthCheck: { command: ['curl', 'localhost'] } }) }, /Invalid app\.healthCheck\.command: .*"CMD"/);
    });

    test('a health check interval out of range', () => {
      expectError({ app: app({ healthCheck: { ...HEALTH, intervalSeconds: 1 } }) }, /Invalid app\.healthCheck\.intervalSeconds: 1\. Expected a whole number from 5 to 300/);
    });

    test('a relative or repeated writable path', () => {
      expectError({ app: app({ writablePaths: ['tmp'] }) }, /Invalid app\.writablePaths: "tmp"\. Expected an absolute path/);
      expectError({ app: app({ writablePaths: ['/tmp', '/tmp'] }) }, /Invalid app\.writablePaths: "\/tmp"\. Each path may appear only once/);
    });

    test('an empty command', () => {
      expectError({ app: app({ command: [] }) }, /Invalid app\.command: \[\]/);
    });
  });
});
