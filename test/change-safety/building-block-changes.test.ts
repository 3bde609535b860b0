// Day-2 changes below the pattern: network mode, zones, service token
// rotation, image expiry. Each is synthesized before and after.
import { AccessServiceToken, EcrRepository, EgressMode, ZeroTrustFargateService, ZeroTrustFargateServiceProps } from '../../src';
import { onlyResource, resources, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';
import { addresses, planDiff, statefulReplacements } from './plan-diff';

const BASE: ZeroTrustFargateServiceProps = { ...PATTERN_PROPS, zoneName: undefined };

function pattern(egressMode: EgressMode): any {
  return synth((stack) => new ZeroTrustFargateService(stack, 'admin', { ...BASE, network: { egressMode } })).doc;
}

describe('switching the network egress mode', () => {
  const modes = [EgressMode.NAT_GATEWAY_SINGLE, EgressMode.NAT_GATEWAY_PER_AZ, EgressMode.PUBLIC_SUBNETS];
  for (const from of modes) {
    for (const to of modes.filter((mode) => mode !== from)) {
      test(`${from} -> ${to} replaces no subnet, VPC or service, and removes only what is created before destroyed`, () => {
        const before = pattern(from);
        const after = pattern(to);
        const diff = planDiff(before, after);
        expect(statefulReplacements(diff)).toEqual([]);
        const gone = addresses(before).filter((address) => !addresses(after).includes(address));
        for (const address of gone) {
          const [type, id] = address.split(/\.(.*)/s);
          // NAT gateways, their addresses and routes go only after the service has moved off them.
          expect([type, before.resource[type][id].lifecycle]).toEqual([type, { create_before_destroy: true }]);
        }
      });
    }
  }

  test('the service follows the subnets of the new mode in place and waits for its steady state', () => {
    const after = pattern(EgressMode.PUBLIC_SUBNETS);
    const service = onlyResource(after, 'aws_ecs_service');
    expect(service.network_configuration.assign_public_ip).toBe(true);
    expect(service.wait_for_steady_state).toBe(true);
  });
});

describe('the region changing its zone list', () => {
  test('cannot replace looked-up subnets: their availability_zone is ignored after creation', () => {
    const doc = pattern(EgressMode.NAT_GATEWAY_SINGLE);
    const subnets = Object.values<any>(resources(doc, 'aws_subnet'));
    expect(subnets.length).toBeGreaterThan(0);
    for (const subnet of subnets) {
      expect(subnet.lifecycle).toEqual({ ignore_changes: ['availability_zone'] });
    }
    expect(Object.values<any>(doc.data.aws_availability_zones)[0].state).toBeUndefined();
  });
});

describe('rotating a service token', () => {
  const token = (rotation: { rotationVersion?: number; previousSecretExpiresAt?: string }) => synth((stack) => {
    new AccessServiceToken(stack, 'ci', { cloudflareAccountId: '0123456789abcdef0123456789abcdef', name: 'ci', ...rotation });
  }).doc;

  test('is one in-place update with both values', () => {
    const before = token({});
    const after = token({ rotationVersion: 2, previousSecretExpiresAt: '2030-01-31T00:00:00Z' });
    expect(addresses(after)).toEqual(addresses(before));
    expect(onlyResource(after, 'cloudflare_zero_trust_access_service_token')).toMatchObject({
      client_secret_version: 2,
      previous_client_secret_expires_at: '2030-01-31T00:00:00Z',
    });
  });
});

describe('changing image expiry', () => {
  test('rewrites the lifecycle policy only; the repository stays', () => {
    const repo = (taggedImageExpiryDays?: number) => synth((stack) => new EcrRepository(stack, 'repo', { name: 'admin', taggedImageExpiryDays })).doc;
    const before = repo();
    const diff = planDiff(before, repo(365));
    expect(statefulReplacements(diff)).toEqual([]);
    expect(diff.changed).toEqual(addresses(before).filter((address) => address.startsWith('aws_ecr_lifecycle_policy.')));
  });
});
