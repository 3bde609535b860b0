import { TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { EgressRule, TaskSecurityGroup, TaskSecurityGroupProps, ZeroTrustFargateService } from '../../src';
import { newStack, onlyResource, synth } from '../helpers';
import { PATTERN_PROPS } from '../pattern-props';

const VPC_ID = 'vpc-0123456789abcdef0';

/** Synthesizes one TaskSecurityGroup and returns its `aws_security_group`. */
function group(props: Partial<TaskSecurityGroupProps> = {}, id = 'tasks') {
  let built: TaskSecurityGroup | undefined;
  const { doc, json } = synth(stack => {
    built = new TaskSecurityGroup(stack, id, { vpcId: VPC_ID, ...props });
  });
  return { json, resource: onlyResource(doc, 'aws_security_group'), group: built! };
}

/** The inline egress rules after synthesis. */
const egressOf = (...rules: EgressRule[]) => group({ egressRules: rules }).resource.egress;

describe('TaskSecurityGroup', () => {
  test('snapshot: defaults', () => {
    expect(group().json).toMatchSnapshot();
  });

  test('has no inbound rule: ingress is managed as an explicit empty list', () => {
    expect(group().resource.ingress).toEqual([]);
  });

  test('by default allows all outbound IPv4 traffic, with a description', () => {
    expect(group().resource.egress).toEqual([{
      description: 'All outbound IPv4: Cloudflare Tunnel, image pulls, AWS APIs',
      protocol: '-1',
      from_port: 0,
      to_port: 0,
      cidr_blocks: ['0.0.0.0/0'],
      ipv6_cidr_blocks: [],
      prefix_list_ids: [],
      security_groups: [],
      self: false,
    }]);
  });

  test('every egress rule has a description and all inline attributes set', () => {
    const rules = egressOf(
      { description: 'HTTPS', protocol: 'tcp', fromPort: 443 },
      { description: 'Cloudflare Tunnel QUIC', protocol: 'udp', fromPort: 7844 },
      { description: 'IPv6 anywhere', ipv6CidrBlocks: ['::/0'] },
    );
    expect(rules).toHaveLength(3);
    for (const rule of rules) {
      expect(rule.description).toEqual(expect.any(String));
      expect(rule.description.length).toBeGreaterThan(0);
      expect(Object.keys(rule).sort()).toEqual(
        ['cidr_blocks', 'description', 'from_port', 'ipv6_cidr_blocks', 'prefix_list_ids', 'protocol', 'security_groups', 'self', 'to_port']);
    }
  });

  test('tcp/udp: one port given means that single port; none means all ports', () => {
    const [single, toOnly, all, range] = egressOf(
      { description: 'a', protocol: 'tcp', fromPort: 443 },
      { description: 'b', protocol: 'udp', toPort: 7844 },
      { description: 'c', protocol: 'tcp' },
      { description: 'd', protocol: 'tcp', fromPort: 1024, toPort: 2048 },
    );
    expect([single.from_port, single.to_port]).toEqual([443, 443]);
    expect([toOnly.from_port, toOnly.to_port]).toEqual([7844, 7844]);
    expect([all.from_port, all.to_port]).toEqual([0, 65535]);
    expect([range.from_port, range.to_port]).toEqual([1024, 2048]);
  });

  test('icmp defaults to all types and codes', () => {
    const [icmp] = egressOf({ description: 'ping', protocol: 'icmp' });
    expect([icmp.from_port, icmp.to_port]).toEqual([-1, -1]);
  });

  test('destinations: IPv4 anywhere unless IPv6 blocks are given', () => {
    const [ipv6Only, both] = egressOf(
      { description: 'v6', ipv6CidrBlocks: ['2001:db8::/32'] },
      { description: 'both', cidrBlocks: ['10.0.0.0/8'], ipv6CidrBlocks: ['::/0'] },
    );
    expect(ipv6Only.cidr_blocks).toEqual([]);
    expect(ipv6Only.ipv6_cidr_blocks).toEqual(['2001:db8::/32']);
    expect(both.cidr_blocks).toEqual(['10.0.0.0/8']);
    expect(both.ipv6_cidr_blocks).toEqual(['::/0']);
  });

  test('destinations from Terraform variables are passed through', () => {
    const { doc } = synth(stack => {
      const cidrs = new TerraformVariable(stack, 'cidrs', { type: 'list(string)' });
      new TaskSecurityGroup(stack, 'tasks', { vpcId: VPC_ID, egressRules: [{ description: 'to a variable list', cidrBlocks: cidrs.listValue }] });
    });
    expect(onlyResource(doc, 'aws_security_group').egress[0].cidr_blocks).toBe('${var.cidrs}');
  });

  test('without a name: a name prefix from the id, replaced create-before-destroy', () => {
    const { resource, group: built } = group();
    expect(resource.name).toBeUndefined();
    expect(resource.name_prefix).toBe('tasks-');
    expect(resource.lifecycle).toEqual({ create_before_destroy: true });
    expect(resource.tags).toEqual({ Name: 'tasks' });
    expect(resource.vpc_id).toBe(VPC_ID);
    expect(built.securityGroupId).toMatch(/^\$\{TfToken/);
  });

  test('the generated name prefix never starts with the reserved "sg-"', () => {
    expect(group({}, 'sg').resource.name_prefix).toBe('group-sg-');
    // constructs turns "/" in an id into "--"
    expect(group({}, 'My Service/Tasks?').resource.name_prefix).toBe('My-Service--Tasks--');
  });

  test('without a name: prefix and Name tag come from the construct path, so each service\'s group is recognisable', () => {
    const { doc } = synth(stack => {
      for (const service of ['billing', 'admin']) {
        new TaskSecurityGroup(new Construct(stack, service), 'tasks', { vpcId: VPC_ID });
      }
    });
    const groups = Object.values(doc.resource.aws_security_group) as any[];
    expect(groups.map((g) => g.name_prefix).sort()).toEqual(['admin-tasks-', 'billing-tasks-']);
    expect(groups.map((g) => g.tags.Name).sort()).toEqual(['admin-tasks', 'billing-tasks']);
  });

  test('with a name: exactly that name, and tags', () => {
    const { resource } = group({ name: 'app-tasks', tags: { Team: 'web' } });
    expect(resource.name).toBe('app-tasks');
    expect(resource.name_prefix).toBeUndefined();
    expect(resource.lifecycle).toBeUndefined();
    expect(resource.tags).toEqual({ Team: 'web', Name: 'app-tasks' });
  });

  describe('bad input', () => {
    const rule = (overrides: Partial<EgressRule>): EgressRule => ({ description: 'rule', ...overrides });

    test('egress rules that are not a list (a caller outside TypeScript)', () => {
      expect(() => group({ egressRules: 'all' as any })).toThrow(/^Invalid egressRules: "all"\. Expected a list of egress rules/);
      expect(() => new ZeroTrustFargateService(newStack(), 'admin', { ...PATTERN_PROPS, service: { egressRules: 'all' as any } }))
        .toThrow(/^Invalid service\.egressRules: "all"\. Expected a list of egress rules/);
    });

    test('egress rule without description', () => {
      expect(() => egressOf({ protocol: 'tcp' } as EgressRule))
        .toThrow(/Invalid egressRules\[0\]\.description: undefined\. .*every rule must say why it exists/);
    });

    test('egress rule with an empty description', () => {
      expect(() => egressOf(rule({}), rule({ description: '' }))).toThrow(/Invalid egressRules\[1\]\.description: ""/);
    });

    test('egress rule description with characters AWS rejects', () => {
      expect(() => egressOf(rule({ description: 'naïve <rule>' }))).toThrow(/Invalid egressRules\[0\]\.description: "naïve <rule>"\. Expected 1 to 255 characters/);
    });

    test.each(['0.0.0.0', '10.0.0.0/33', '300.0.0.0/8', '10.0.0.1/8', 'anywhere'])('egress rule with malformed IPv4 CIDR %p', cidr => {
      expect(() => egressOf(rule({ cidrBlocks: [cidr] }))).toThrow(/Invalid egressRules\[0\]\.cidrBlocks\[0\]: .*Expected an IPv4 CIDR block/);
    });

    test.each(['::/129', '2001:db8::1/32', '0.0.0.0/0', 'fe80::/xx'])('egress rule with malformed IPv6 CIDR %p', cidr => {
      expect(() => egressOf(rule({ ipv6CidrBlocks: [cidr] }))).toThrow(/Invalid egressRules\[0\]\.ipv6CidrBlocks\[0\]: .*Expected an IPv6 CIDR block/);
    });

    test('egress rule with no destination', () => {
      expect(() => egressOf(rule({ cidrBlocks: [] }))).toThrow(/Invalid egressRules\[0\]\.cidrBlocks: \[\]\. Expected at least one destination/);
    });

    test('egress rule with a port above 65535', () => {
      expect(() => egressOf(rule({ protocol: 'tcp', fromPort: 443, toPort: 70000 })))
        .toThrow(/Invalid egressRules\[0\]\.toPort: 70000\. Expected a whole number from 0 to 65535/);
    });

    test('egress rule with a negative port', () => {
      expect(() => egressOf(rule({ protocol: 'udp', fromPort: -1 }))).toThrow(/Invalid egressRules\[0\]\.fromPort: -1\. Expected a whole number from 0 to 65535/);
    });

    test('egress rule with a fractional port', () => {
      expect(() => egressOf(rule({ protocol: 'tcp', fromPort: 44.3 }))).toThrow(/Invalid egressRules\[0\]\.fromPort: 44\.3/);
    });

    test('egress rule with fromPort above toPort', () => {
      expect(() => egressOf(rule({ protocol: 'tcp', fromPort: 8080, toPort: 80 }))).toThrow(/Invalid egressRules\[0\]\.fromPort: 8080\. Expected a port not greater than toPort \(80\)/);
    });

    test('egress rule for all protocols with a port', () => {
      expect(() => egressOf(rule({ fromPort: 443 }))).toThrow(/Invalid egressRules\[0\]\.fromPort: 443\. Protocol '-1' covers all ports/);
    });

    test('egress rule with an ICMP type out of range', () => {
      expect(() => egressOf(rule({ protocol: 'icmp', fromPort: 300 }))).toThrow(/Invalid egressRules\[0\]\.fromPort: 300\. Expected a whole number from -1 to 255/);
    });

    test.each(['http', 'all', 'TCP', '256'])('egress rule with unknown protocol %p', protocol => {
      expect(() => egressOf(rule({ protocol }))).toThrow(/Invalid egressRules\[0\]\.protocol: .*Expected '-1' \(all traffic\), 'tcp'/);
    });

    test('an empty list of egress rules', () => {
      expect(() => egressOf()).toThrow(/Invalid egressRules: \[\]\. Expected at least one element/);
    });

    test('a malformed VPC id', () => {
      expect(() => group({ vpcId: 'subnet-0123456789abcdef0' })).toThrow(/Invalid vpcId: "subnet-0123456789abcdef0"\. Expected an id of the form vpc-/);
    });

    test('a name starting with sg-', () => {
      expect(() => group({ name: 'sg-tasks' })).toThrow(/Invalid name: "sg-tasks"\. .*not starting with "sg-"/);
    });

    test('validation happens before any resource is created', () => {
      const stack = newStack();
      expect(() => new TaskSecurityGroup(stack, 'tasks', { vpcId: VPC_ID, egressRules: [rule({ cidrBlocks: ['bad'] })] })).toThrow(/cidrBlocks/);
      expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
    });
  });
});
