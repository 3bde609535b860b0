// Ordinary day-2 changes of a ZeroTrustFargateService, synthesized before and
// after: what stays, what changes in place, and that no stateful or serving
// resource is replaced (force-new attributes listed in force-new-attributes.ts).
import { CapacityProviderStrategy, FargateCluster, ZeroTrustFargateService, ZeroTrustFargateServiceProps } from '../../src';
import { onlyResource, resources, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';
import { addresses, planDiff, statefulReplacements } from './plan-diff';

const BASE: ZeroTrustFargateServiceProps = { ...PATTERN_PROPS, service: { desiredCount: 2 } };

function build(overrides: Partial<ZeroTrustFargateServiceProps> = {}): any {
  return synth((stack) => new ZeroTrustFargateService(stack, 'admin', { ...BASE, ...overrides })).doc;
}

/** Addresses of one resource type. */
function typed(doc: any, type: string): string[] {
  return addresses(doc).filter((address) => address.startsWith(`${type}.`));
}

describe('changing hostname', () => {
  const before = build();
  const after = build({ hostname: 'panel.example.com' });
  const diff = planDiff(before, after);

  test('replaces nothing stateful or serving, in AWS or Cloudflare', () => {
    expect(statefulReplacements(diff)).toEqual([]);
  });

  test('leaves every AWS resource untouched', () => {
    expect(diff.changed.filter((address) => address.startsWith('aws_'))).toEqual([]);
    expect(addresses(after).filter((a) => a.startsWith('aws_'))).toEqual(addresses(before).filter((a) => a.startsWith('aws_')));
  });

  test('updates the Access application and the ingress rule in place, and moves the DNS record', () => {
    expect(diff.changed).toEqual(expect.arrayContaining([
      ...typed(before, 'cloudflare_zero_trust_access_application'),
      ...typed(before, 'cloudflare_zero_trust_tunnel_cloudflared_config'),
    ]));
    expect(onlyResource(after, 'cloudflare_zero_trust_access_application').domain).toBe('panel.example.com');
    expect(onlyResource(after, 'cloudflare_zero_trust_tunnel_cloudflared_config').config.ingress[0].hostname).toBe('panel.example.com');
    // The old record goes before the application stops covering its name; the new one waits for the application.
    expect(onlyResource(after, 'cloudflare_dns_record').name).toBe('panel.example.com');
    expect(onlyResource(after, 'cloudflare_dns_record').depends_on).toEqual(onlyResource(before, 'cloudflare_dns_record').depends_on);
  });

  test('keeps the names that force replacement: cluster, service, tunnel', () => {
    for (const type of ['aws_ecs_cluster', 'aws_ecs_service', 'cloudflare_zero_trust_tunnel_cloudflared']) {
      expect(onlyResource(after, type).name).toBe(onlyResource(before, type).name);
    }
    expect(onlyResource(after, 'aws_ecs_service').name).toBe('test-admin');
  });
});

describe('physical names come from the construct path', () => {
  test('an explicit name still wins', () => {
    const doc = build({ name: 'tools' });
    expect(onlyResource(doc, 'aws_ecs_service').name).toBe('tools');
    expect(onlyResource(doc, 'aws_ecs_cluster').name).toBe('tools');
  });

  test('a long path is shortened to 63 characters with a hash, and two such paths differ', () => {
    const doc = synth((stack) => {
      for (const id of ['a-very-long-construct-id-for-the-internal-admin-panel-service-one', 'a-very-long-construct-id-for-the-internal-admin-panel-service-two']) {
        new ZeroTrustFargateService(stack, id, { ...BASE, hostname: `${id.slice(-3)}.example.com`, outputPrefix: id.slice(-3) });
      }
    }).doc;
    const names = Object.values<any>(resources(doc, 'aws_ecs_service')).map((service) => service.name);
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/);
      expect(name).toMatch(/-[0-9a-f]{8}$/);
    }
    expect(names[0]).not.toBe(names[1]);
  });
});

describe('rotating the tunnel secret', () => {
  const before = build({ tunnel: { secretRotationKey: '2026-01' } });
  const after = build({ tunnel: { secretRotationKey: '2026-12' } });
  const diff = planDiff(before, after);

  test('changes only the random secret; tunnel secret and parameter value follow in place at apply', () => {
    expect(statefulReplacements(diff)).toEqual([]);
    expect(diff.changed).toEqual(typed(before, 'random_password'));
  });

  test('rolls the service whenever the parameter value changes', () => {
    const service = onlyResource(after, 'aws_ecs_service');
    const [parameter] = Object.keys(resources(after, 'aws_ssm_parameter'));
    expect(service.force_new_deployment).toBe(true);
    expect(service.triggers).toEqual({ tunnel_credential_version: `\${aws_ssm_parameter.${parameter}.version}` });
  });
});

describe('changing the capacity provider strategy', () => {
  const before = build();
  const after = build({ service: { desiredCount: 2, capacityProviderStrategy: CapacityProviderStrategy.fargateSpot() } });
  const diff = planDiff(before, after);

  test('is an in-place update of the service alone, which the provider accepts with force_new_deployment', () => {
    expect(statefulReplacements(diff)).toEqual([]);
    expect(diff.changed).toEqual(typed(before, 'aws_ecs_service'));
    expect(onlyResource(after, 'aws_ecs_service').force_new_deployment).toBe(true);
  });
});

describe('changing the task count or size', () => {
  test('updates the service (and registers a new task definition revision) without replacing anything stateful', () => {
    const before = build();
    const diff = planDiff(before, build({ service: { desiredCount: 4, cpu: 512, memory: 1024 } }));
    expect(statefulReplacements(diff)).toEqual([]);
    expect(diff.changed).toEqual([...typed(before, 'aws_ecs_service'), ...typed(before, 'aws_ecs_task_definition')].sort());
  });
});

describe('a FargateCluster passed as existingCluster', () => {
  test('makes the service wait for its capacity providers, as a created cluster does', () => {
    const doc = synth((stack) => {
      const cluster = new FargateCluster(stack, 'shared', { name: 'shared' });
      new ZeroTrustFargateService(stack, 'admin', { ...BASE, existingCluster: cluster });
    }).doc;
    const [capacityProviders] = Object.keys(resources(doc, 'aws_ecs_cluster_capacity_providers'));
    expect(onlyResource(doc, 'aws_ecs_service').depends_on).toContain(`aws_ecs_cluster_capacity_providers.${capacityProviders}`);
  });
});
