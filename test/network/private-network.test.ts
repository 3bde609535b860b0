import { TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import { EgressMode, PrivateNetwork, PrivateNetworkProps } from '../../src';
import { newStack, onlyResource, resources, synth } from '../helpers';

/** Synthesizes one PrivateNetwork and returns the document and the construct. */
function network(props: PrivateNetworkProps = {}) {
  let built: PrivateNetwork | undefined;
  const result = synth(stack => {
    built = new PrivateNetwork(stack, 'net', props);
  });
  return { ...result, network: built! };
}

/** Terraform reference to a resource's id, as it appears in the JSON. */
const ref = (type: string, logicalId: string) => `\${${type}.${logicalId}.id}`;

/** Logical ids of a type whose id starts with the construct-local name. */
function idsOf(doc: any, type: string, prefix: string): string[] {
  return Object.keys(resources(doc, type)).filter(id => id.startsWith(`net_${prefix}`)).sort();
}

/** Terraform reference to another attribute of a resource. */
const attr = (type: string, logicalId: string, name: string) => `\${${type}.${logicalId}.${name}}`;

/** `type.logicalId` of every resource, as Terraform addresses them. */
function addresses(doc: any): string[] {
  return Object.entries<any>(doc.resource).flatMap(([type, byId]) => Object.keys(byId).map(id => `${type}.${id}`)).sort();
}

/** The 0.0.0.0/0 route of a route table. */
function defaultRoute(doc: any, routeTableLogicalId: string): any {
  const routes = Object.values(resources(doc, 'aws_route')).filter((route: any) =>
    route.route_table_id === ref('aws_route_table', routeTableLogicalId) && route.destination_cidr_block === '0.0.0.0/0');
  expect(routes).toHaveLength(1);
  return routes[0];
}

describe('PrivateNetwork', () => {
  test('snapshot: defaults (one NAT gateway, two zones looked up)', () => {
    expect(network().json).toMatchSnapshot();
  });

  test('snapshot: NAT gateway per zone with VPC endpoints in explicit zones', () => {
    const { json } = network({
      name: 'app',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      egressMode: EgressMode.NAT_GATEWAY_PER_AZ,
      vpcEndpoints: true,
      tags: { Project: 'demo' },
    });
    expect(json).toMatchSnapshot();
  });

  test('snapshot: public subnets', () => {
    expect(network({ egressMode: EgressMode.PUBLIC_SUBNETS }).json).toMatchSnapshot();
  });

  test('VPC has the default CIDR, DNS support and hostnames, and a Name tag', () => {
    const vpc = onlyResource(network().doc, 'aws_vpc');
    expect(vpc).toMatchObject({
      cidr_block: '10.0.0.0/16',
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: { Name: 'net-vpc' },
    });
  });

  test('zones default to the first two zones of the region by name, Local Zones excluded', () => {
    const { doc } = network();
    const lookup = Object.values(doc.data.aws_availability_zones)[0] as any;
    // No state filter: an impaired zone must not drop out of the list and shift the others.
    expect(lookup.state).toBeUndefined();
    expect(lookup.filter).toEqual([{ name: 'opt-in-status', values: ['opt-in-not-required'] }]);
    expect(lookup.lifecycle.postcondition[0].condition).toBe('${length(self.names) >= 2}');
    const zones = idsOf(doc, 'aws_subnet', 'private').map(id => resources(doc, 'aws_subnet')[id].availability_zone);
    expect(zones).toEqual([0, 1].map(i => expect.stringMatching(new RegExp(`^\\$\\{element\\(data\\.aws_availability_zones\\.[^.]+\\.names, ${i}\\)\\}$`))));
  });

  test('looked-up subnets never move to another zone: a change of the zone list cannot replace them', () => {
    for (const egressMode of Object.values(EgressMode)) {
      const subnets = Object.values(resources(network({ egressMode, availabilityZoneCount: 3 }).doc, 'aws_subnet'));
      expect(subnets).toHaveLength(6);
      for (const subnet of subnets) {
        expect(subnet.lifecycle).toEqual({ ignore_changes: ['availability_zone'] });
      }
    }
  });

  test('subnets in explicit zones follow the list: changing it is the user\'s decision', () => {
    for (const subnet of Object.values(resources(network({ availabilityZones: ['eu-west-1a', 'eu-west-1b'] }).doc, 'aws_subnet'))) {
      expect(subnet.lifecycle).toBeUndefined();
    }
  });

  test('availabilityZoneCount picks that many zones', () => {
    const { doc, network: net } = network({ availabilityZoneCount: 3 });
    expect(idsOf(doc, 'aws_subnet', 'private')).toHaveLength(3);
    expect(idsOf(doc, 'aws_subnet', 'public')).toHaveLength(3);
    expect(net.taskSubnetIds).toHaveLength(3);
  });

  test('explicit zones are used as given, without a lookup', () => {
    const { doc, network: net } = network({ availabilityZones: ['eu-west-1b', 'eu-west-1c'] });
    expect(doc.data?.aws_availability_zones).toBeUndefined();
    const zones = idsOf(doc, 'aws_subnet', 'private').map(id => resources(doc, 'aws_subnet')[id].availability_zone);
    expect(zones).toEqual(['eu-west-1b', 'eu-west-1c']);
    expect(net.availabilityZones).toEqual(['eu-west-1b', 'eu-west-1c']);
  });

  test('no subnet assigns public IPs on launch, in any mode', () => {
    for (const egressMode of Object.values(EgressMode)) {
      const subnets = Object.values(resources(network({ egressMode }).doc, 'aws_subnet'));
      expect(subnets.length).toBeGreaterThan(0);
      for (const subnet of subnets) {
        expect(subnet.map_public_ip_on_launch).toBe(false);
      }
    }
  });

  test('subnets split the block into 16 slots: private first, public from the middle', () => {
    const { doc } = network({ cidrBlock: '10.20.0.0/24' });
    const cidrs = (prefix: string) => idsOf(doc, 'aws_subnet', prefix).map(id => resources(doc, 'aws_subnet')[id].cidr_block);
    expect(cidrs('private')).toEqual(['10.20.0.0/28', '10.20.0.16/28']);
    expect(cidrs('public')).toEqual(['10.20.0.128/28', '10.20.0.144/28']);
  });

  test('a CIDR block from a variable is split by Terraform with cidrsubnet', () => {
    const stack = newStack();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    new PrivateNetwork(stack, 'net', { cidrBlock: cidr.stringValue });
    const doc = JSON.parse(Testing.synth(stack));
    const subnet = resources(doc, 'aws_subnet')[idsOf(doc, 'aws_subnet', 'private')[0]];
    expect(subnet.cidr_block).toBe('${cidrsubnet(var.cidr, 4, 0)}');
  });

  describe('NAT_GATEWAY_SINGLE (default)', () => {
    test('one NAT gateway with an Elastic IP serves every private subnet', () => {
      const { doc, network: net } = network({ availabilityZoneCount: 3 });
      const natIds = Object.keys(resources(doc, 'aws_nat_gateway'));
      expect(natIds).toHaveLength(1);
      expect(onlyResource(doc, 'aws_eip').domain).toBe('vpc');
      const privateTables = idsOf(doc, 'aws_route_table', 'private-route-table');
      expect(privateTables).toHaveLength(3);
      for (const table of privateTables) {
        expect(defaultRoute(doc, table).nat_gateway_id).toBe(ref('aws_nat_gateway', natIds[0]));
      }
      expect(net.natGatewayIds).toHaveLength(1);
    });

    test('the NAT gateway sits in a public subnet that routes to the internet gateway', () => {
      const { doc } = network();
      const nat = onlyResource(doc, 'aws_nat_gateway');
      const igwId = Object.keys(resources(doc, 'aws_internet_gateway'))[0];
      expect(nat.subnet_id).toBe(ref('aws_subnet', idsOf(doc, 'aws_subnet', 'public-subnet-0')[0]));
      expect(nat.depends_on).toEqual([`aws_internet_gateway.${igwId}`]);
      expect(defaultRoute(doc, 'net_public-route-table_142DED7A').gateway_id).toBe(ref('aws_internet_gateway', igwId));
    });

    test('tasks run in the private subnets without public IPs', () => {
      const { doc, network: net } = network();
      expect(net.assignPublicIp).toBe(false);
      expect(net.taskSubnetIds).toEqual(net.privateSubnetIds);
      expect(net.privateSubnetIds).toHaveLength(2);
      const associations = Object.values(resources(doc, 'aws_route_table_association'));
      for (const [i, subnetId] of idsOf(doc, 'aws_subnet', 'private').entries()) {
        expect(associations).toContainEqual(expect.objectContaining({
          subnet_id: ref('aws_subnet', subnetId),
          route_table_id: ref('aws_route_table', idsOf(doc, 'aws_route_table', 'private-route-table')[i]),
        }));
      }
    });
  });

  describe('NAT_GATEWAY_PER_AZ', () => {
    test('one NAT gateway per zone; each private subnet routes to the one in its zone', () => {
      const { doc, network: net } = network({ egressMode: EgressMode.NAT_GATEWAY_PER_AZ, availabilityZoneCount: 3 });
      const natIds = idsOf(doc, 'aws_nat_gateway', 'nat-gateway');
      const publicSubnets = idsOf(doc, 'aws_subnet', 'public-subnet');
      expect(natIds).toHaveLength(3);
      expect(Object.keys(resources(doc, 'aws_eip'))).toHaveLength(3);
      idsOf(doc, 'aws_route_table', 'private-route-table').forEach((table, i) => {
        expect(defaultRoute(doc, table).nat_gateway_id).toBe(ref('aws_nat_gateway', natIds[i]));
        expect(resources(doc, 'aws_nat_gateway')[natIds[i]].subnet_id).toBe(ref('aws_subnet', publicSubnets[i]));
      });
      expect(net.natGatewayIds).toHaveLength(3);
      expect(net.assignPublicIp).toBe(false);
    });
  });

  describe('PUBLIC_SUBNETS', () => {
    test('tasks run in public subnets with public IPs; no NAT gateway', () => {
      const { doc, network: net } = network({ egressMode: EgressMode.PUBLIC_SUBNETS });
      expect(net.assignPublicIp).toBe(true);
      expect(net.taskSubnetIds).toEqual(net.publicSubnetIds);
      expect(net.natGatewayIds).toEqual([]);
      expect(resources(doc, 'aws_nat_gateway')).toEqual({});
      expect(resources(doc, 'aws_eip')).toEqual({});
    });

    test('the private subnets stay, with their route tables but without a route to the internet', () => {
      const { doc, network: net } = network({ egressMode: EgressMode.PUBLIC_SUBNETS });
      expect(idsOf(doc, 'aws_subnet', 'private')).toHaveLength(2);
      expect(net.privateSubnetIds).toHaveLength(2);
      const privateTables = idsOf(doc, 'aws_route_table', 'private-route-table');
      expect(net.privateRouteTableIds).toHaveLength(2);
      const routes = Object.values(resources(doc, 'aws_route'));
      expect(routes).toHaveLength(1);
      for (const table of privateTables) {
        expect(routes.filter((route: any) => route.route_table_id === ref('aws_route_table', table))).toEqual([]);
      }
    });

    test('public subnets route 0.0.0.0/0 to the internet gateway', () => {
      const { doc } = network({ egressMode: EgressMode.PUBLIC_SUBNETS });
      const igwId = Object.keys(resources(doc, 'aws_internet_gateway'))[0];
      const table = 'net_public-route-table_142DED7A';
      expect(defaultRoute(doc, table).gateway_id).toBe(ref('aws_internet_gateway', igwId));
      const publicSubnets = idsOf(doc, 'aws_subnet', 'public').map(id => ref('aws_subnet', id));
      const associations = Object.values(resources(doc, 'aws_route_table_association'))
        .filter((association: any) => publicSubnets.includes(association.subnet_id));
      expect(associations).toHaveLength(2);
      for (const association of associations) {
        expect(association.route_table_id).toBe(ref('aws_route_table', table));
      }
    });
  });

  describe('VPC endpoints', () => {
    test('absent unless asked for', () => {
      const { doc, network: net } = network();
      expect(resources(doc, 'aws_vpc_endpoint')).toEqual({});
      expect(net.endpoints).toBeUndefined();
    });

    test('interface endpoints for ECR, Logs and SSM in the private subnets, with private DNS', () => {
      const { doc } = network({ vpcEndpoints: true });
      const endpoints = Object.values(resources(doc, 'aws_vpc_endpoint'));
      const interfaces = endpoints.filter((e: any) => e.vpc_endpoint_type === 'Interface');
      expect(interfaces.map((e: any) => e.service_name.replace(/^.*\.region\}\./, '')).sort())
        .toEqual(['ecr.api', 'ecr.dkr', 'logs', 'ssm']);
      const privateSubnets = idsOf(doc, 'aws_subnet', 'private').map(id => ref('aws_subnet', id));
      for (const endpoint of interfaces) {
        expect(endpoint.private_dns_enabled).toBe(true);
        expect(endpoint.subnet_ids).toEqual(privateSubnets);
        expect(endpoint.service_name).toMatch(/^com\.amazonaws\.\$\{data\.aws_region\.[^.]+\.region\}\./);
      }
    });

    test('the S3 gateway endpoint is attached to every route table, private and public', () => {
      const { doc } = network({ vpcEndpoints: true, egressMode: EgressMode.NAT_GATEWAY_PER_AZ });
      const gateway = Object.values(resources(doc, 'aws_vpc_endpoint')).filter((e: any) => e.vpc_endpoint_type === 'Gateway');
      expect(gateway).toHaveLength(1);
      expect(gateway[0].service_name).toMatch(/\.s3$/);
      expect(gateway[0].route_table_ids).toEqual([
        ...idsOf(doc, 'aws_route_table', 'private-route-table'),
        'net_public-route-table_142DED7A',
      ].map(id => ref('aws_route_table', id)));
    });

    test('they are the same in every mode, so switching modes leaves them alone', () => {
      const endpoints = (egressMode: EgressMode) => resources(network({ vpcEndpoints: true, egressMode }).doc, 'aws_vpc_endpoint');
      const { network: net } = network({ vpcEndpoints: true, egressMode: EgressMode.PUBLIC_SUBNETS });
      expect(net.endpoints).toBeDefined();
      expect(endpoints(EgressMode.PUBLIC_SUBNETS)).toEqual(endpoints(EgressMode.NAT_GATEWAY_SINGLE));
      expect(endpoints(EgressMode.NAT_GATEWAY_PER_AZ)).toEqual(endpoints(EgressMode.NAT_GATEWAY_SINGLE));
    });

    test('their security group allows only HTTPS from the VPC CIDR', () => {
      const { doc } = network({ vpcEndpoints: true, cidrBlock: '10.1.0.0/16' });
      const groups = Object.entries(resources(doc, 'aws_security_group'));
      expect(groups).toHaveLength(1);
      const [groupId, group] = groups[0];
      expect(group.ingress).toEqual([expect.objectContaining({
        protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        cidr_blocks: ['10.1.0.0/16'],
        ipv6_cidr_blocks: [],
        description: expect.stringMatching(/HTTPS/),
      })]);
      expect(group.egress).toEqual([]);
      for (const endpoint of Object.values(resources(doc, 'aws_vpc_endpoint')).filter((e: any) => e.vpc_endpoint_type === 'Interface')) {
        expect(endpoint.security_group_ids).toEqual([ref('aws_security_group', groupId)]);
      }
    });
  });

  describe('switching egressMode on a running network', () => {
    const docOf = (egressMode: EgressMode) => network({ egressMode, vpcEndpoints: true }).doc;
    const modes = Object.values(EgressMode);

    /** Addresses only in `from`: what a plan from `from` to `to` destroys. */
    const removed = (from: any, to: any) => addresses(from).filter(address => !addresses(to).includes(address));

    /** The resource at an address. */
    const at = (doc: any, address: string) => {
      const [type, id] = address.split('.');
      return resources(doc, type)[id];
    };

    /** The egress path that comes and goes with the mode: NAT gateways, their EIPs, private default routes. */
    const EGRESS_PATH = /^(aws_eip\.net_nat-eip-\d|aws_nat_gateway\.net_nat-gateway-\d|aws_route\.net_private-default-route-\d)_/;

    test('no switch between any two modes destroys or changes a subnet, route table, association or endpoint', () => {
      for (const from of modes) {
        for (const to of modes.filter(mode => mode !== from)) {
          const before = docOf(from);
          const after = docOf(to);
          expect(removed(before, after).filter(address => !EGRESS_PATH.test(address))).toEqual([]);
          for (const type of ['aws_subnet', 'aws_route_table', 'aws_vpc_endpoint', 'aws_vpc', 'aws_internet_gateway']) {
            expect(resources(after, type)).toEqual(resources(before, type));
          }
          // Associations keep their subnet and table; only depends_on (no diff in a plan) follows the mode.
          const wiring = (doc: any) => Object.values(resources(doc, 'aws_route_table_association'))
            .map(({ subnet_id, route_table_id }: any) => ({ subnet_id, route_table_id }));
          expect(wiring(after)).toEqual(wiring(before));
        }
      }
    });

    test('NAT_GATEWAY_SINGLE -> PUBLIC_SUBNETS removes only the NAT gateway, its EIP and the private default routes', () => {
      const before = docOf(EgressMode.NAT_GATEWAY_SINGLE);
      const after = docOf(EgressMode.PUBLIC_SUBNETS);
      expect(removed(before, after)).toEqual([
        expect.stringMatching(/^aws_eip\.net_nat-eip-0_/),
        expect.stringMatching(/^aws_nat_gateway\.net_nat-gateway-0_/),
        expect.stringMatching(/^aws_route\.net_private-default-route-0_/),
        expect.stringMatching(/^aws_route\.net_private-default-route-1_/),
      ]);
      expect(removed(after, before)).toEqual([]);
    });

    test('PUBLIC_SUBNETS -> NAT_GATEWAY_SINGLE removes nothing', () => {
      expect(removed(docOf(EgressMode.PUBLIC_SUBNETS), docOf(EgressMode.NAT_GATEWAY_SINGLE))).toEqual([]);
    });

    test('NAT_GATEWAY_SINGLE -> NAT_GATEWAY_PER_AZ only adds a NAT gateway and repoints the second route', () => {
      const before = docOf(EgressMode.NAT_GATEWAY_SINGLE);
      const after = docOf(EgressMode.NAT_GATEWAY_PER_AZ);
      expect(removed(before, after)).toEqual([]);
      expect(removed(after, before)).toEqual([
        expect.stringMatching(/^aws_eip\.net_nat-eip-1_/),
        expect.stringMatching(/^aws_nat_gateway\.net_nat-gateway-1_/),
      ]);
      const [first, second] = idsOf(after, 'aws_route', 'private-default-route');
      expect(resources(after, 'aws_route')[first]).toEqual(resources(before, 'aws_route')[first]);
      expect(resources(after, 'aws_route')[second].nat_gateway_id).toBe(ref('aws_nat_gateway', idsOf(after, 'aws_nat_gateway', 'nat-gateway-1')[0]));
    });

    test('whatever a switch removes is create_before_destroy, so Terraform updates its dependents first', () => {
      for (const from of modes) {
        const before = docOf(from);
        const gone = modes.flatMap(to => removed(before, docOf(to)));
        for (const address of gone) {
          expect(at(before, address).lifecycle).toEqual({ create_before_destroy: true });
        }
      }
    });

    test('task subnet ids come from associations that wait for the default route, so the service depends on its egress path', () => {
      for (const egressMode of modes) {
        const stack = newStack();
        const net = new PrivateNetwork(stack, 'net', { egressMode });
        new TerraformOutput(stack, 'task-subnets', { value: net.taskSubnetIds });
        const doc = JSON.parse(Testing.synth(stack));
        const kind = egressMode === EgressMode.PUBLIC_SUBNETS ? 'public' : 'private';
        const subnetIds = doc.output['task-subnets'].value;
        const associations = idsOf(doc, 'aws_route_table_association', `${kind}-subnet-`);
        expect(subnetIds).toEqual(associations.map(id => attr('aws_route_table_association', id, 'subnet_id')));
        const routes = kind === 'public'
          ? ['net_public-route-table_142DED7A', 'net_public-route-table_142DED7A']
          : idsOf(doc, 'aws_route_table', 'private-route-table');
        associations.forEach((id, i) => {
          const route = Object.entries(resources(doc, 'aws_route')).find(([, r]: [string, any]) => r.route_table_id === ref('aws_route_table', routes[i]))!;
          expect(resources(doc, 'aws_route_table_association')[id].depends_on).toEqual([`aws_route.${route[0]}`]);
        });
      }
    });
  });

  test('the VPC default security group is emptied', () => {
    const group = onlyResource(network().doc, 'aws_default_security_group');
    expect(group.ingress).toEqual([]);
    expect(group.egress).toEqual([]);
  });

  test('every taggable resource has a Name tag starting with the name, plus the user tags', () => {
    const { doc } = network({ name: 'app', vpcEndpoints: true, tags: { Project: 'demo', Name: 'overridden' } });
    const taggable = Object.entries(doc.resource).flatMap(([type, byId]: [string, any]) =>
      Object.values(byId).filter(() => !['aws_route', 'aws_route_table_association'].includes(type)));
    expect(taggable).toHaveLength(18);
    for (const resource of taggable as any[]) {
      expect(resource.tags).toEqual({ Project: 'demo', Name: expect.stringMatching(/^app-/) });
    }
  });

  describe('bad input', () => {
    test('fewer than two availability zones', () => {
      expect(() => network({ availabilityZones: ['eu-west-1a'] })).toThrow(/Invalid availabilityZones: \["eu-west-1a"\]\. Expected at least 2 zones/);
    });

    test('availabilityZoneCount below two', () => {
      expect(() => network({ availabilityZoneCount: 1 })).toThrow(/Invalid availabilityZoneCount: 1\. Expected a whole number from 2 to 8/);
    });

    test('availabilityZoneCount not a whole number', () => {
      expect(() => network({ availabilityZoneCount: 2.5 })).toThrow(/Invalid availabilityZoneCount: 2\.5/);
    });

    test('more zones than the block splits into', () => {
      expect(() => network({ availabilityZoneCount: 9 })).toThrow(/Invalid availabilityZoneCount: 9\. .*at most 8 zones fit/);
    });

    test('more explicit zones than the block splits into', () => {
      const zones = 'abcdefghi'.split('').map(letter => `us-east-1${letter}`);
      expect(() => network({ availabilityZones: zones })).toThrow(/Invalid availabilityZones: .*at most 8 zones fit/);
    });

    test('zones given both ways', () => {
      expect(() => network({ availabilityZones: ['eu-west-1a', 'eu-west-1b'], availabilityZoneCount: 2 }))
        .toThrow(/Invalid availabilityZoneCount: 2\. Set either availabilityZones or availabilityZoneCount, not both/);
    });

    test('the same zone twice', () => {
      expect(() => network({ availabilityZones: ['eu-west-1a', 'eu-west-1a'] })).toThrow(/Invalid availabilityZones: "eu-west-1a"\. Each value may appear only once/);
    });

    test('a malformed zone name', () => {
      expect(() => network({ availabilityZones: ['eu-west-1a', 'eu-west-1'] })).toThrow(/Invalid availabilityZones\[1\]: "eu-west-1"\. Expected a zone name/);
    });

    test.each(['10.0.0/16', '10.0.0.0', '10.0.0.256/16', 'ten/16', '10.0.0.0/33', ''])('malformed CIDR %p', cidrBlock => {
      expect(() => network({ cidrBlock })).toThrow(/Invalid cidrBlock: .*Expected an IPv4 CIDR block in network form/);
    });

    test('CIDR with host bits set', () => {
      expect(() => network({ cidrBlock: '10.0.1.0/16' })).toThrow(/Invalid cidrBlock: "10\.0\.1\.0\/16"\. Expected an IPv4 CIDR block in network form \(host bits zero\)/);
    });

    test('CIDR prefix larger than a VPC allows', () => {
      expect(() => network({ cidrBlock: '10.0.0.0/8' })).toThrow(/Invalid cidrBlock: "10\.0\.0\.0\/8"\. Expected a prefix from \/16/);
    });

    test('CIDR too small to split into subnets', () => {
      expect(() => network({ cidrBlock: '10.0.0.0/25' })).toThrow(/Invalid cidrBlock: "10\.0\.0\.0\/25"\. .*to \/24 \(the smallest that still splits into 16 subnets/);
    });

    test('unknown egress mode', () => {
      expect(() => network({ egressMode: 'NAT' as EgressMode })).toThrow(/Invalid egressMode: "NAT"\. Expected one of NAT_GATEWAY_SINGLE/);
    });

    test('empty name', () => {
      expect(() => network({ name: '' })).toThrow(/Invalid name: ""/);
    });

    test('validation happens before any resource is created', () => {
      const stack = newStack();
      expect(() => new PrivateNetwork(stack, 'net', { availabilityZoneCount: 1 })).toThrow(/availabilityZoneCount/);
      expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
    });
  });
});
