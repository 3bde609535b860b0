// Every pair of values of the options that interact: each combination either fails at synth with an
// error naming the props, or synthesizes output that satisfies every platform rule of
// docs/constraints.md (checked on the JSON by rules.ts, not by snapshot).
import { Testing } from 'cdktf';
import { violations } from './rules';
import {
  AccessRule, AwsAlertTarget, CapacityProviderStrategy, CloudflareAlertTarget, CloudflaredEdgeIpVersion, CloudflaredProtocol, CpuArchitecture,
  EgressMode, ExistingCluster, ExistingNetwork, TunnelCredentialFormat, ValidationErrors, ZeroTrustFargateService, ZeroTrustFargateServiceProps,
} from '../../src';
import { newStack } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

type Props = ZeroTrustFargateServiceProps;
type Change = (props: Props) => Props;

const service = (options: NonNullable<Props['service']>): Change => (props) => ({ ...props, service: { ...props.service, ...options } });
const sidecar = (options: NonNullable<NonNullable<Props['service']>['sidecar']>): Change =>
  (props) => ({ ...props, service: { ...props.service, sidecar: { ...props.service?.sidecar, ...options } } });
const network = (options: NonNullable<Props['network']>): Change => (props) => ({ ...props, network: { ...props.network, ...options } });
const same: Change = (props) => props;

const EXISTING_NETWORK = new ExistingNetwork({ vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'] });
const IPV6_EDGE_EGRESS = [
  { description: 'Cloudflare edge over IPv6 (QUIC)', protocol: 'udp', fromPort: 7844, ipv6CidrBlocks: ['::/0'] },
  { description: 'Cloudflare edge over IPv6 (HTTP/2)', protocol: 'tcp', fromPort: 7844, ipv6CidrBlocks: ['::/0'] },
  { description: 'Cloudflare edge over IPv4', protocol: 'tcp', fromPort: 7844 },
  { description: 'Cloudflare edge over IPv4 (QUIC)', protocol: 'udp', fromPort: 7844 },
  { description: 'HTTPS (AWS APIs, image pulls)', protocol: 'tcp', fromPort: 443 },
];

/** The options that interact, each value a change of the props; the first value is the default. */
const OPTIONS: Record<string, Record<string, Change>> = {
  cpuArchitecture: {
    X86_64: same,
    ARM64: service({ cpuArchitecture: CpuArchitecture.ARM64 }),
  },
  capacityProviderStrategy: {
    fargate: same,
    fargateSpot: service({ capacityProviderStrategy: CapacityProviderStrategy.fargateSpot({ acceptNoOnDemandBase: true }) }),
    mixedWithBase: service({ capacityProviderStrategy: CapacityProviderStrategy.mixed({ fargateBase: 1, fargateWeight: 1, fargateSpotWeight: 3 }) }),
  },
  egressMode: {
    NAT_GATEWAY_SINGLE: same,
    NAT_GATEWAY_PER_AZ: network({ egressMode: EgressMode.NAT_GATEWAY_PER_AZ }),
    PUBLIC_SUBNETS: network({ egressMode: EgressMode.PUBLIC_SUBNETS }),
  },
  edgeIpVersion: {
    IPV4: same,
    IPV6: sidecar({ edgeIpVersion: CloudflaredEdgeIpVersion.IPV6 }),
    AUTO: sidecar({ edgeIpVersion: CloudflaredEdgeIpVersion.AUTO }),
  },
  protocol: {
    AUTO: same,
    HTTP2: sidecar({ protocol: CloudflaredProtocol.HTTP2 }),
    QUIC: sidecar({ protocol: CloudflaredProtocol.QUIC }),
  },
  credentialFormat: {
    TOKEN: same,
    CREDENTIALS_FILE: (props) => ({ ...props, credential: { format: TunnelCredentialFormat.CREDENTIALS_FILE } }),
  },
  alerts: {
    none: same,
    aws: (props) => ({ ...props, alerts: { aws: AwsAlertTarget.email('ops@example.com') } }),
    cloudflare: (props) => ({ ...props, alerts: { cloudflare: CloudflareAlertTarget.email('ops@example.com') } }),
  },
  metrics: {
    off: same,
    on: sidecar({ metrics: {} }),
  },
  vpcEndpoints: {
    off: same,
    on: network({ vpcEndpoints: true }),
  },
  pathApplications: {
    none: same,
    one: (props) => ({ ...props, access: { ...props.access, paths: [{ path: '/api', allow: [AccessRule.emails(['ci@example.com'])] }] } }),
  },
  network: {
    new: same,
    existing: (props) => ({ ...props, existingNetwork: EXISTING_NETWORK }),
    existingWithIpv6Egress: (props) => ({
      ...props, existingNetwork: EXISTING_NETWORK, service: { ...props.service, egressRules: IPV6_EDGE_EGRESS },
    }),
  },
  cluster: {
    new: same,
    existing: (props) => ({ ...props, existingCluster: ExistingCluster.fromArn('arn:aws:ecs:eu-west-1:123456789012:cluster/apps') }),
  },
};

type Combination = Record<string, string>;

/**
 * The prop a combination must fail on, or undefined when it must deploy. Each refusal is a rule of
 * docs/constraints.md.
 */
function expectedError(combination: Combination): string | undefined {
  const existingNetwork = combination.network !== 'new';
  if (existingNetwork && (combination.egressMode !== 'NAT_GATEWAY_SINGLE' || combination.vpcEndpoints !== 'off')) {
    return 'network'; // settings of a new VPC next to an existing one
  }
  if (combination.edgeIpVersion === 'IPV6' && !existingNetwork) {
    return 'service.sidecar.edgeIpVersion'; // EDGE-IPV6-NETWORK
  }
  if (combination.edgeIpVersion === 'IPV6' && combination.network === 'existing') {
    return 'service.egressRules'; // EDGE-EGRESS
  }
  return undefined;
}

/** Every pair of values of two options, the others at their defaults. */
function pairs(): Combination[] {
  const names = Object.keys(OPTIONS);
  const defaults = Object.fromEntries(names.map((name) => [name, Object.keys(OPTIONS[name])[0]]));
  const seen = new Map<string, Combination>();
  names.forEach((a, i) => names.slice(i + 1).forEach((b) => {
    for (const valueA of Object.keys(OPTIONS[a])) {
      for (const valueB of Object.keys(OPTIONS[b])) {
        const combination = { ...defaults, [a]: valueA, [b]: valueB };
        seen.set(JSON.stringify(combination), combination);
      }
    }
  }));
  return [...seen.values()];
}

function propsOf(combination: Combination): Props {
  return Object.entries(combination).reduce<Props>((props, [name, value]) => OPTIONS[name][value](props), { ...PATTERN_PROPS, name: 'combo' });
}

function label(combination: Combination): string {
  const defaults = Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, Object.keys(OPTIONS[name])[0]]));
  const changed = Object.entries(combination).filter(([name, value]) => defaults[name] !== value).map(([name, value]) => `${name}=${value}`);
  return changed.length === 0 ? 'defaults' : changed.join(', ');
}

const COMBINATIONS = pairs();

test('the pairs cover every value of every option', () => {
  for (const [name, values] of Object.entries(OPTIONS)) {
    for (const value of Object.keys(values)) {
      expect(COMBINATIONS.some((c) => c[name] === value)).toBe(true);
    }
  }
  expect(COMBINATIONS.length).toBeGreaterThan(150);
});

test.each(COMBINATIONS.map((combination) => [label(combination), combination] as const))('%s', (_label, combination) => {
  const stack = newStack();
  const expected = expectedError(combination);
  let error: unknown;
  try {
    new ZeroTrustFargateService(stack, 'combo', propsOf(combination));
  } catch (e) {
    error = e;
  }
  if (expected !== undefined) {
    expect(ValidationErrors.propertyOf(error)).toBe(expected);
    return;
  }
  expect(error).toBeUndefined();
  const doc = JSON.parse(Testing.synth(stack));
  expect(violations(doc)).toEqual([]);
});

describe('each rule finds what breaks it', () => {
  // One stack that exercises every rule, and one change per rule that breaks it.
  const base = (): any => {
    const stack = newStack();
    new ZeroTrustFargateService(stack, 'combo', propsOf({
      ...Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, Object.keys(OPTIONS[name])[0]])),
      capacityProviderStrategy: 'mixedWithBase',
      alerts: 'cloudflare',
      metrics: 'on',
      vpcEndpoints: 'on',
      cpuArchitecture: 'ARM64',
    }));
    return JSON.parse(Testing.synth(stack));
  };
  const only = <T>(record: Record<string, T> | undefined): T => Object.values(record ?? {})[0];
  const editContainers = (doc: any, edit: (text: string) => string) => {
    const td = only<any>(doc.resource.aws_ecs_task_definition);
    td.container_definitions = edit(td.container_definitions);
  };
  const BREAKS: Record<string, (doc: any) => void> = {
    'FARGATE-SIZE': (doc) => { only<any>(doc.resource.aws_ecs_task_definition).memory = '4096'; },
    'FARGATE-STOP-TIMEOUT': (doc) => editContainers(doc, (text) => text.replace('"stopTimeout" = 20', '"stopTimeout" = 121')),
    'SPOT-STOP-NOTICE': (doc) => editContainers(doc, (text) => text.replace('"stopTimeout" = 20', '"stopTimeout" = 90')),
    'ARM64-PLATFORM': (doc) => { only<any>(doc.resource.aws_ecs_service).platform_version = '1.3.0'; },
    'CAPACITY-PROVIDERS': (doc) => { only<any>(doc.resource.aws_ecs_cluster_capacity_providers).capacity_providers = ['FARGATE']; },
    'STRATEGY-FORCE-NEW': (doc) => { only<any>(doc.resource.aws_ecs_service).force_new_deployment = false; },
    'PUBLIC-IP': (doc) => { only<any>(doc.resource.aws_ecs_service).network_configuration.assign_public_ip = true; },
    'EDGE-EGRESS': (doc) => { Object.values<any>(doc.resource.aws_security_group).forEach((g) => { g.egress = g.egress.length ? [{ ...g.egress[0], protocol: 'tcp', from_port: 443, to_port: 443 }] : []; }); },
    'EDGE-IPV6-NETWORK': (doc) => editContainers(doc, (text) => text.replace('"name" = "TUNNEL_EDGE_IP_VERSION", "value" = "4"', '"name" = "TUNNEL_EDGE_IP_VERSION", "value" = "6"')),
    'CREDENTIAL-FORM': (doc) => editContainers(doc, (text) => text.replace('"name" = "TUNNEL_TOKEN"', '"name" = "TUNNEL_CRED_CONTENTS"')),
    'SIDECAR-HEALTH': (doc) => editContainers(doc, (text) => text.replace('"CMD", "cloudflared"', '"CMD-SHELL", "cloudflared"')),
    'GRACE-PERIOD': (doc) => editContainers(doc, (text) => text.replace('"value" = "30s"', '"value" = "200s"')),
    'TUNNEL-REPLICAS': (doc) => { only<any>(doc.resource.aws_ecs_service).desired_count = 13; },
    'METRICS-AGENT': (doc) => editContainers(doc, (text) => text.replace(/("name" = "cloudwatch-agent", [^{]*?"essential" = )false/, '$1true')),
    'TUNNEL-HEALTH-FILTER': (doc) => { delete only<any>(doc.resource.cloudflare_notification_policy).filters.new_status; },
    'VPC-ENDPOINTS': (doc) => { Object.values<any>(doc.resource.aws_vpc_endpoint).forEach((e) => { e.private_dns_enabled = false; }); },
    'INGRESS-CATCH-ALL': (doc) => { only<any>(doc.resource.cloudflare_zero_trust_tunnel_cloudflared_config).config.ingress.pop(); },
  };

  test('the stack breaks none', () => {
    expect(violations(base())).toEqual([]);
  });

  test.each(Object.keys(BREAKS))('%s', (rule) => {
    const doc = base();
    BREAKS[rule](doc);
    expect(violations(doc).map((v) => v.rule)).toContain(rule);
  });
});
