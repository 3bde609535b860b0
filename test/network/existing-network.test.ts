import { TerraformVariable } from 'cdktf';
import { ExistingNetwork, ITaskNetwork } from '../../src';
import { newStack } from '../helpers';

const VPC_ID = 'vpc-0123456789abcdef0';
const SUBNETS = ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'];

describe('ExistingNetwork', () => {
  test('hands on the ids; no public IP unless asked for', () => {
    const network: ITaskNetwork = new ExistingNetwork({ vpcId: VPC_ID, subnetIds: SUBNETS });
    expect(network.vpcId).toBe(VPC_ID);
    expect(network.taskSubnetIds).toEqual(SUBNETS);
    expect(network.assignPublicIp).toBe(false);
  });

  test('assignPublicIp for subnets that route to an internet gateway', () => {
    expect(new ExistingNetwork({ vpcId: VPC_ID, subnetIds: SUBNETS, assignPublicIp: true }).assignPublicIp).toBe(true);
  });

  test('accepts ids from Terraform variables', () => {
    const stack = newStack();
    const vpc = new TerraformVariable(stack, 'vpc', { type: 'string' });
    const subnets = new TerraformVariable(stack, 'subnets', { type: 'list(string)' });
    const vpcId = vpc.stringValue;
    const subnetIds = subnets.listValue;
    const network = new ExistingNetwork({ vpcId, subnetIds });
    expect(network.vpcId).toBe(vpcId);
    expect(network.taskSubnetIds).toEqual(subnetIds);
  });

  describe('bad input', () => {
    test('zero subnet ids', () => {
      expect(() => new ExistingNetwork({ vpcId: VPC_ID, subnetIds: [] })).toThrow(/Invalid subnetIds: \[\]\. Expected at least one element/);
    });

    test('one subnet id where the list belongs is refused as such, not letter by letter', () => {
      expect(() => new ExistingNetwork({ vpcId: VPC_ID, subnetIds: 'subnet-0aaaaaaaaaaaaaaaa' as any }))
        .toThrow(/^Invalid subnetIds: "subnet-0aaaaaaaaaaaaaaaa"\. Expected a list of ids of the form subnet-/);
    });

    test('a malformed subnet id', () => {
      expect(() => new ExistingNetwork({ vpcId: VPC_ID, subnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'private-a'] }))
        .toThrow(/Invalid subnetIds\[1\]: "private-a"\. Expected an id of the form subnet-/);
    });

    test('the same subnet twice', () => {
      expect(() => new ExistingNetwork({ vpcId: VPC_ID, subnetIds: [SUBNETS[0], SUBNETS[0]] })).toThrow(/Invalid subnetIds: "subnet-0aaaaaaaaaaaaaaaa"\. Each value may appear only once/);
    });

    test('a malformed VPC id', () => {
      expect(() => new ExistingNetwork({ vpcId: 'default', subnetIds: SUBNETS })).toThrow(/Invalid vpcId: "default"\. Expected an id of the form vpc-/);
    });
  });
});
