import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import { requireAwsId, requireIdList } from './internal/aws-ids';
import { requireResourceName, withName } from './internal/name-tags';
import { inlineRule, securityGroupNamePrefix } from './internal/security-group-rules';
import { parseIpv4Cidr } from '../core/cidr';
import { invalid, isToken } from '../core/validation';

/** Properties of `VpcEndpoints`. */
export interface VpcEndpointsProps {
  /** The VPC to add the endpoints to. */
  readonly vpcId: string;

  /**
   * IPv4 CIDR block of the VPC. The endpoints accept HTTPS from this range only.
   */
  readonly vpcCidrBlock: string;

  /**
   * Subnets for the interface endpoints, at most one per availability zone: the
   * task subnets or other subnets of the VPC in the same zones (tasks reach them
   * over the VPC's local route). Each endpoint is billed per subnet (zone).
   */
  readonly subnetIds: string[];

  /**
   * Route tables that get a route to the S3 gateway endpoint. At least those of
   * the task subnets. ECR stores image layers in S3, so image pulls need it.
   */
  readonly routeTableIds: string[];

  /**
   * Prefix of the Name tags.
   *
   * @default the construct id
   */
  readonly name?: string;

  /**
   * Tags for every resource. A Name tag is added.
   *
   * @default none besides Name
   */
  readonly tags?: { [key: string]: string };
}

/** Interface endpoints a Fargate task needs without internet access: construct id -> service suffix. */
const INTERFACE_SERVICES: ReadonlyArray<[string, string]> = [
  ['ecr-api', 'ecr.api'], // image manifests and auth
  ['ecr-dkr', 'ecr.dkr'], // the Docker registry API
  ['logs', 'logs'], // awslogs log driver
  ['ssm', 'ssm'], // secrets from SSM Parameter Store
];

/**
 * VPC endpoints that keep a Fargate task's AWS traffic inside the VPC.
 *
 * Interface endpoints for ECR API, ECR Docker, CloudWatch Logs and SSM (private
 * DNS on, so the default AWS hostnames resolve to them) and an S3 gateway
 * endpoint on the given route tables. The interface endpoints get their own
 * security group that allows only TCP 443 from the VPC CIDR.
 *
 * They do not replace internet egress: `cloudflared` still has to reach
 * Cloudflare through a NAT gateway or a public IP. They cut NAT data charges for
 * image pulls and logs and keep that traffic off the internet.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { VpcEndpoints } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * // For a VPC of your own; `PrivateNetwork` adds them with `vpcEndpoints: true`.
 * new VpcEndpoints(stack, 'endpoints', {
 *   vpcId: 'vpc-0123456789abcdef0',
 *   vpcCidrBlock: '10.0.0.0/16',
 *   subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
 *   routeTableIds: ['rtb-0123456789abcdef0'],
 * });
 */
export class VpcEndpoints extends Construct {
  /** Id of the security group of the interface endpoints. */
  public readonly securityGroupId: string;

  /** Ids of the interface endpoints (ECR API, ECR Docker, CloudWatch Logs, SSM). */
  public readonly interfaceEndpointIds: string[];

  /** Id of the S3 gateway endpoint. */
  public readonly s3GatewayEndpointId: string;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the VpcEndpoints, described by `VpcEndpointsProps`.
   */
  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);

    const name = props.name ?? id;
    requireResourceName('name', name);
    requireAwsId('vpcId', props.vpcId, 'vpc');
    if (!isToken(props.vpcCidrBlock) && !parseIpv4Cidr(props.vpcCidrBlock)) {
      invalid('vpcCidrBlock', props.vpcCidrBlock, 'Expected an IPv4 CIDR block in network form, e.g. 10.0.0.0/16.');
    }
    requireIdList('subnetIds', props.subnetIds, 'subnet');
    requireIdList('routeTableIds', props.routeTableIds, 'rtb');

    const region = new DataAwsRegion(this, 'region', {}).region;
    const serviceName = (suffix: string) => `com.amazonaws.${region}.${suffix}`;

    const securityGroup = new SecurityGroup(this, 'security-group', {
      vpcId: props.vpcId,
      namePrefix: securityGroupNamePrefix(`${name}-endpoints`),
      description: 'VPC interface endpoints: HTTPS from inside the VPC only',
      ingress: [inlineRule({
        description: 'HTTPS from the VPC to AWS service endpoints',
        protocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrBlocks: [props.vpcCidrBlock],
        ipv6CidrBlocks: [],
      })],
      // Endpoints answer requests; they never open connections.
      egress: [],
      tags: withName(props.tags, `${name}-endpoints`),
      lifecycle: { createBeforeDestroy: true },
    });
    this.securityGroupId = securityGroup.id;

    this.interfaceEndpointIds = INTERFACE_SERVICES.map(([endpointId, suffix]) => new VpcEndpoint(this, endpointId, {
      vpcId: props.vpcId,
      serviceName: serviceName(suffix),
      vpcEndpointType: 'Interface',
      subnetIds: props.subnetIds,
      securityGroupIds: [securityGroup.id],
      privateDnsEnabled: true,
      tags: withName(props.tags, `${name}-${endpointId}`),
    }).id);

    this.s3GatewayEndpointId = new VpcEndpoint(this, 's3', {
      vpcId: props.vpcId,
      serviceName: serviceName('s3'),
      vpcEndpointType: 'Gateway',
      routeTableIds: props.routeTableIds,
      tags: withName(props.tags, `${name}-s3`),
    }).id;
  }
}
