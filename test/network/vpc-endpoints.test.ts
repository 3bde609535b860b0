import { VpcEndpoints, VpcEndpointsProps } from '../../src';
import { onlyResource, resources, synth } from '../helpers';

const PROPS: VpcEndpointsProps = {
  vpcId: 'vpc-0123456789abcdef0',
  vpcCidrBlock: '172.16.0.0/20',
  subnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
  routeTableIds: ['rtb-0cccccccccccccccc'],
};

/** Synthesizes VpcEndpoints on their own, for an existing VPC. */
const endpoints = (props: Partial<VpcEndpointsProps> = {}) => synth(stack => new VpcEndpoints(stack, 'endpoints', { ...PROPS, ...props }));

describe('VpcEndpoints on an existing VPC', () => {
  test('snapshot', () => {
    expect(endpoints().json).toMatchSnapshot();
  });

  test('four interface endpoints in the given subnets and one S3 gateway on the given route tables', () => {
    const all = Object.values(resources(endpoints().doc, 'aws_vpc_endpoint'));
    const interfaces = all.filter((e: any) => e.vpc_endpoint_type === 'Interface');
    const gateways = all.filter((e: any) => e.vpc_endpoint_type === 'Gateway');
    expect(interfaces).toHaveLength(4);
    for (const endpoint of interfaces) {
      expect(endpoint).toMatchObject({ vpc_id: PROPS.vpcId, subnet_ids: PROPS.subnetIds, private_dns_enabled: true });
    }
    expect(gateways).toHaveLength(1);
    expect(gateways[0]).toMatchObject({ route_table_ids: PROPS.routeTableIds, service_name: expect.stringMatching(/\.s3$/) });
  });

  test('the endpoint security group allows only TCP 443 from the VPC CIDR and has no egress', () => {
    const group = onlyResource(endpoints().doc, 'aws_security_group');
    expect(group.ingress).toHaveLength(1);
    expect(group.ingress[0]).toMatchObject({ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['172.16.0.0/20'] });
    expect(group.ingress[0].description).toBeTruthy();
    expect(group.egress).toEqual([]);
    expect(group.name_prefix).toBe('endpoints-endpoints-');
  });

  describe('bad input', () => {
    test('no subnets', () => {
      expect(() => endpoints({ subnetIds: [] })).toThrow(/Invalid subnetIds: \[\]\. Expected at least one element/);
    });

    test('no route tables', () => {
      expect(() => endpoints({ routeTableIds: [] })).toThrow(/Invalid routeTableIds: \[\]\. Expected at least one element/);
    });

    test('a malformed route table id', () => {
      expect(() => endpoints({ routeTableIds: ['main'] })).toThrow(/Invalid routeTableIds\[0\]: "main"\. Expected an id of the form rtb-/);
    });

    test('a malformed VPC CIDR', () => {
      expect(() => endpoints({ vpcCidrBlock: '172.16.0.0' })).toThrow(/Invalid vpcCidrBlock: "172\.16\.0\.0"/);
    });
  });
});
