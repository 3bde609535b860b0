// Graceful stop: ECS stops the sidecar first (it depends on the app); cloudflared drains open requests
// for its grace period while the app still runs, and the app gets SIGTERM only after cloudflared exits.
import { TerraformVariable } from 'cdktf';
import { decodeJsonencode } from './decode';
import { app, serviceProps, taskDefinitionProps } from './fixtures';
import {
  CapacityProviderStrategy, TunnelFargateService, TunnelFargateServiceProps,
} from '../../src/service';
import { TunnelTaskDefinition, TunnelTaskDefinitionProps } from '../../src/service/internal/tunnel-task-definition';
import { newStack, onlyResource, synth } from '../helpers';

const props = taskDefinitionProps;

function containers(overrides: Partial<TunnelTaskDefinitionProps> = {}) {
  const { doc } = synth((stack) => new TunnelTaskDefinition(stack, 'task', props(overrides)));
  const all: any[] = decodeJsonencode(onlyResource(doc, 'aws_ecs_task_definition').container_definitions);
  const sidecar = all.find((c) => c.name === 'cloudflared');
  const grace = sidecar.environment.find((e: any) => e.name === 'TUNNEL_GRACE_PERIOD')?.value;
  return { appContainer: all.find((c) => c.name === 'app'), sidecar, grace };
}

describe('graceful stop', () => {
  test('by default cloudflared drains for 30 s, is killed 5 s later, and the app then has 20 s', () => {
    const { appContainer, sidecar, grace } = containers();
    expect(grace).toBe('30s');
    expect(sidecar.stopTimeout).toBe(35);
    expect(appContainer.stopTimeout).toBe(20);
    // The dependency is what makes ECS stop the sidecar before the app.
    expect(sidecar.dependsOn).toEqual([{ containerName: 'app', condition: 'START' }]);
  });

  test('the grace period is tunable; the app\'s default does not follow it', () => {
    const { appContainer, sidecar, grace } = containers({ sidecar: { gracePeriodSeconds: 60 } });
    expect([grace, sidecar.stopTimeout, appContainer.stopTimeout]).toEqual(['60s', 65, 20]);
  });

  test('the longest grace period fills Fargate\'s 120 seconds for the sidecar', () => {
    const { appContainer, sidecar, grace } = containers({ sidecar: { gracePeriodSeconds: 115 } });
    expect([grace, sidecar.stopTimeout, appContainer.stopTimeout]).toEqual(['115s', 120, 20]);
  });

  test('a grace period of 0 stops cloudflared at once', () => {
    const { appContainer, sidecar, grace } = containers({ sidecar: { gracePeriodSeconds: 0 } });
    expect([grace, sidecar.stopTimeout, appContainer.stopTimeout]).toEqual(['0s', 5, 20]);
  });

  test('the app\'s stop timeout may be shorter than the grace period: it counts from cloudflared\'s exit', () => {
    expect(containers({ app: app({ stopTimeoutSeconds: 5 }) }).appContainer.stopTimeout).toBe(5);
  });

  test('the app\'s stop timeout is tunable', () => {
    expect(containers({ app: app({ stopTimeoutSeconds: 90 }) }).appContainer.stopTimeout).toBe(90);
  });

  test('the default fits a Fargate Spot interruption: sidecar then app stop within 120 seconds', () => {
    const { appContainer, sidecar } = containers();
    expect(sidecar.stopTimeout + appContainer.stopTimeout).toBeLessThanOrEqual(120);
  });

  test('a number token as grace period becomes Terraform arithmetic', () => {
    const { doc } = synth((stack) => {
      const grace = new TerraformVariable(stack, 'grace', { type: 'number' }).numberValue;
      new TunnelTaskDefinition(stack, 'task', props({ sidecar: { gracePeriodSeconds: grace } }));
    });
    const text = onlyResource(doc, 'aws_ecs_task_definition').container_definitions;
    expect(text).toContain('"value" = "${var.grace}s"');
    expect(text).toContain('"stopTimeout" = (var.grace + 5)');
    expect(text).toContain('"stopTimeout" = 20');
  });

  describe('rejects', () => {
    // Checked once, by the service that owns the task options.
    const attempt = (overrides: Partial<TunnelFargateServiceProps>) => () => new TunnelFargateService(newStack(), 'task', serviceProps(overrides));

    test('a negative grace period', () => {
      expect(attempt({ sidecar: { gracePeriodSeconds: -1 } })).toThrow(/^Invalid sidecar\.gracePeriodSeconds: -1\. Expected a whole number from 0 to 115/);
    });

    test('a grace period the sidecar\'s stop timeout could not exceed within 120 seconds', () => {
      expect(attempt({ sidecar: { gracePeriodSeconds: 116 } })).toThrow(/^Invalid sidecar\.gracePeriodSeconds: 116\./);
    });

    test('a fractional grace period', () => {
      expect(attempt({ sidecar: { gracePeriodSeconds: 2.5 } })).toThrow(/^Invalid sidecar\.gracePeriodSeconds: 2\.5\./);
    });

    test('an app stop timeout above Fargate\'s maximum', () => {
      expect(attempt({ app: app({ stopTimeoutSeconds: 121 }) })).toThrow(/^Invalid app\.stopTimeoutSeconds: 121\. Expected a whole number from 1 to 120/);
    });

    test('an app stop timeout of 0', () => {
      expect(attempt({ app: app({ stopTimeoutSeconds: 0 }) })).toThrow(/^Invalid app\.stopTimeoutSeconds: 0\./);
    });
  });
});

describe('Fargate Spot\'s two-minute notice', () => {
  const service = (overrides: Partial<TunnelFargateServiceProps>) => () => synth((stack) => new TunnelFargateService(stack, 'web', serviceProps(overrides)));
  const spot = CapacityProviderStrategy.fargateSpot();

  test('the defaults fit: 30 + 5 + 20 = 55 seconds', () => {
    expect(service({ capacityProviderStrategy: spot })).not.toThrow();
  });

  test('exactly 120 seconds fits', () => {
    expect(service({ capacityProviderStrategy: spot, sidecar: { gracePeriodSeconds: 95 } })).not.toThrow();
    expect(service({ capacityProviderStrategy: spot, app: app({ stopTimeoutSeconds: 85 }) })).not.toThrow();
  });

  test('a long grace period with the default app stop is refused, naming the grace period', () => {
    expect(service({ capacityProviderStrategy: spot, sidecar: { gracePeriodSeconds: 100 } }))
      .toThrow(/^Invalid sidecar\.gracePeriodSeconds: 100\. With FARGATE_SPOT in capacityProviderStrategy, .* must be at most 120 seconds \(it is 125\)/);
  });

  test('a long app stop timeout is refused, naming it', () => {
    const mixed = CapacityProviderStrategy.mixed({ fargateWeight: 1, fargateSpotWeight: 3 });
    expect(service({ capacityProviderStrategy: mixed, app: app({ stopTimeoutSeconds: 90 }) }))
      .toThrow(/^Invalid app\.stopTimeoutSeconds: 90\. With FARGATE_SPOT/);
  });

  test('on-demand Fargate, or a Spot weight of 0, allows each container the full 120 seconds', () => {
    const long = { sidecar: { gracePeriodSeconds: 115 }, app: app({ stopTimeoutSeconds: 120 }) };
    expect(service(long)).not.toThrow();
    expect(service({ ...long, capacityProviderStrategy: CapacityProviderStrategy.fargate() })).not.toThrow();
    expect(service({ ...long, capacityProviderStrategy: CapacityProviderStrategy.mixed({ fargateWeight: 1, fargateSpotWeight: 0 }) })).not.toThrow();
  });
});
