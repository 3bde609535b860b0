import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { EgressRule } from './egress-rule';
import { requireAwsId } from './internal/aws-ids';
import { requireResourceName, withName } from './internal/name-tags';
import { DESCRIPTION_RULE, inlineRule, isValidSecurityGroupDescription, securityGroupNamePrefix } from './internal/security-group-rules';
import { checkEgressRules, resolveEgressRule } from './resolve-egress-rule';
import { pathSegments } from '../core/default-name';
import { claimPhysicalName } from '../core/physical-names';
import { PropPath, wasChecked } from '../core/prop-path';
import { invalid, isToken } from '../core/validation';

/** Properties of a `TaskSecurityGroup`. */
export interface TaskSecurityGroupProps {
  /** The VPC the group belongs to, e.g. `network.vpcId`. */
  readonly vpcId: string;

  /**
   * Exact name of the security group. Changing it replaces the group.
   *
   * @default a unique name starting with the construct path below the stack, e.g.
   * `app-tasks-` for a group `tasks` inside a construct `app` (Terraform `name_prefix`),
   * so the group can be replaced without a name clash
   */
  readonly name?: string;

  /**
   * Outbound rules. Each needs a description.
   *
   * Tighten them when the app needs nothing but Cloudflare and AWS APIs, e.g.
   * TCP 443 (AWS APIs, image pulls) plus TCP and UDP 7844 (Cloudflare Tunnel).
   *
   * @default one rule: all traffic to 0.0.0.0/0 (the network is IPv4 only)
   */
  readonly egressRules?: EgressRule[];

  /**
   * Tags for the security group. A Name tag is added (`name`, or the construct path below the stack).
   *
   * @default none besides Name
   */
  readonly tags?: { [key: string]: string };
}

/** Characters kept from construct ids in the generated name. */
const SECURITY_GROUP_NAME_CHAR = /[a-zA-Z0-9._-]/;

/** Fixed because changing a group's description replaces the group. */
const GROUP_DESCRIPTION = 'ECS Fargate tasks: outbound only, no inbound rules';

/** The default when no egress rules are given: the sidecar and app may dial anywhere over IPv4. */
const DEFAULT_EGRESS: EgressRule = {
  description: 'All outbound IPv4: Cloudflare Tunnel, image pulls, AWS APIs',
  protocol: '-1',
  cidrBlocks: ['0.0.0.0/0'],
};

/**
 * A security group for Fargate tasks that accepts no inbound traffic at all.
 *
 * The tunnel sidecar only dials out, so nothing needs to reach the task. Rules
 * are managed inline with `ingress = []`: the group owns every rule, and any
 * rule added outside Terraform (console, CLI, a standalone
 * `aws_vpc_security_group_ingress_rule`) is removed at the next apply. Do not
 * attach standalone rule resources to this group; list outbound rules in
 * `egressRules` instead.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { TaskSecurityGroup } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * // No inbound rule at all; outbound only to the Cloudflare edge and to HTTPS endpoints.
 * const securityGroup = new TaskSecurityGroup(stack, 'tasks', {
 *   vpcId: 'vpc-0123456789abcdef0',
 *   egressRules: [
 *     { description: 'cloudflared to the Cloudflare edge (QUIC)', protocol: 'udp', fromPort: 7844 },
 *     { description: 'cloudflared to the Cloudflare edge (HTTP/2)', protocol: 'tcp', fromPort: 7844 },
 *     { description: 'HTTPS to AWS APIs and the Cloudflare API', protocol: 'tcp', fromPort: 443 },
 *   ],
 * });
 */
export class TaskSecurityGroup extends Construct {
  /** Id of the security group (`sg-...`), for the service's network configuration. */
  public readonly securityGroupId: string;

  /** The underlying `aws_security_group` resource, for escape-hatch changes. */
  public readonly securityGroup: SecurityGroup;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the TaskSecurityGroup, described by `TaskSecurityGroupProps`.
   */
  constructor(scope: Construct, id: string, props: TaskSecurityGroupProps) {
    super(scope, id);

    requireAwsId('vpcId', props.vpcId, 'vpc');
    if (props.name !== undefined) {
      validateGroupName(props.name);
      claimPhysicalName(this, `security group (VPC ${props.vpcId})`, props.name, 'name');
    }
    if (!wasChecked(props)) {
      checkEgressRules(props.egressRules, PropPath.root());
    }
    // Resolving a checked rule cannot fail: it only fills in the defaults.
    const egress = (props.egressRules ?? [DEFAULT_EGRESS]).map((rule, i) => inlineRule(resolveEgressRule(`egressRules[${i}]`, rule)));
    // The path, not only the id, so that the groups of two services in one VPC tell whose they are.
    const pathName = pathSegments(this, SECURITY_GROUP_NAME_CHAR).slice(1).join('-');

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      vpcId: props.vpcId,
      name: props.name,
      namePrefix: props.name === undefined ? securityGroupNamePrefix(pathName) : undefined,
      description: GROUP_DESCRIPTION,
      // An explicit empty list: Terraform removes any inbound rule it finds.
      ingress: [],
      egress,
      tags: withName(props.tags, props.name ?? pathName),
      // With a generated name the replacement can exist before the old group is gone,
      // so tasks never run without a group.
      lifecycle: props.name === undefined ? { createBeforeDestroy: true } : undefined,
    });
    this.securityGroupId = this.securityGroup.id;
  }
}

/** Fails unless AWS accepts `name` as a security group name. */
function validateGroupName(name: string): void {
  if (isToken(name)) {
    return;
  }
  requireResourceName('name', name);
  if (!isValidSecurityGroupDescription(name) || name.toLowerCase().startsWith('sg-')) {
    invalid('name', name, `${DESCRIPTION_RULE}, not starting with "sg-".`);
  }
}

