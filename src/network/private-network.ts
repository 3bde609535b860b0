import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EgressMode } from './egress-mode';
import { requireResourceName, withName } from './name-tags';
import { MAX_ZONES, privateSubnetCidr, publicSubnetCidr } from './subnet-layout';
import { ITaskNetwork } from './task-network';
import { VpcEndpoints } from './vpc-endpoints';
import { parseIpv4Cidr } from '../core/cidr';
import { invalid, requireIntegerInRange, requireUnique } from '../core/validation';

/** Properties of a {@link PrivateNetwork}. */
export interface PrivateNetworkProps {
  /**
   * Prefix of every Name tag, e.g. `app` gives `app-vpc`, `app-private-eu-west-1a`.
   *
   * @default the construct id
   */
  readonly name?: string;

  /**
   * IPv4 CIDR block of the VPC, prefix /16 to /24, in network form. It is cut
   * into 16 equal subnets (a /16 gives /20 subnets): private subnets take the
   * first half, public subnets the second.
   *
   * @default '10.0.0.0/16'
   */
  readonly cidrBlock?: string;

  /**
   * Availability zones to use, by name (at least two, at most eight).
   * Set this or `availabilityZoneCount`, not both.
   *
   * @default the first `availabilityZoneCount` available zones of the region
   */
  readonly availabilityZones?: string[];

  /**
   * How many zones to use, taken in order from the region's available zones
   * (data source `aws_availability_zones`, Local Zones excluded), 2 to 8.
   * Set this or `availabilityZones`, not both.
   *
   * @default 2
   */
  readonly availabilityZoneCount?: number;

  /**
   * How tasks reach the internet.
   *
   * @default EgressMode.NAT_GATEWAY_SINGLE
   */
  readonly egressMode?: EgressMode;

  /**
   * Add VPC endpoints for ECR, CloudWatch Logs, SSM (interface) and S3
   * (gateway), so image pulls, logs and secrets stay inside the VPC.
   * Interface endpoints cost about $0.01 per hour per zone each (4 endpoints in
   * 2 zones: ~$58 a month); the S3 gateway endpoint is free.
   *
   * @default false
   */
  readonly vpcEndpoints?: boolean;

  /**
   * Tags for every resource; each also gets a Name tag.
   *
   * @default none besides Name
   */
  readonly tags?: { [key: string]: string };
}

/** The default VPC block: room for 16 subnets of 4,096 addresses. */
const DEFAULT_CIDR = '10.0.0.0/16';
const DEFAULT_ZONE_COUNT = 2;
const MIN_ZONES = 2;
const MIN_PREFIX = 16;
const MAX_PREFIX = 24;

/**
 * A new VPC for Fargate tasks that only make outbound connections.
 *
 * It spans two or more availability zones with one subnet of each kind per
 * zone. With a NAT gateway egress mode, tasks run in private subnets (no public
 * IPs) whose default route leads to the NAT gateway(s) in public subnets. With
 * `EgressMode.PUBLIC_SUBNETS`, tasks run in public subnets and get public IPs;
 * no NAT gateway and no private subnets are created. No subnet assigns public
 * IPs on launch: the service decides per task.
 *
 * DNS support and hostnames are on (needed for private DNS of VPC endpoints).
 * The VPC's default security group is stripped of all rules, so nothing placed
 * in it by mistake can communicate.
 */
export class PrivateNetwork extends Construct implements ITaskNetwork {
  /** The `aws_vpc` resource. */
  public readonly vpc: Vpc;

  /** Id of the VPC. */
  public readonly vpcId: string;

  /** IPv4 CIDR block of the VPC. */
  public readonly vpcCidrBlock: string;

  /** The availability zones used, in subnet order (tokens when looked up). */
  public readonly availabilityZones: string[];

  /** How tasks reach the internet. */
  public readonly egressMode: EgressMode;

  /** Subnets the tasks run in: the private subnets, or the public ones in `PUBLIC_SUBNETS` mode. */
  public readonly taskSubnetIds: string[];

  /** Private subnets, one per zone; empty in `PUBLIC_SUBNETS` mode. */
  public readonly privateSubnetIds: string[];

  /** Public subnets, one per zone: NAT gateways live here, or the tasks in `PUBLIC_SUBNETS` mode. */
  public readonly publicSubnetIds: string[];

  /** True only in `PUBLIC_SUBNETS` mode, where tasks need a public IP to reach the internet. */
  public readonly assignPublicIp: boolean;

  /** NAT gateways: one, one per zone, or none in `PUBLIC_SUBNETS` mode. */
  public readonly natGatewayIds: string[];

  /** Id of the internet gateway. */
  public readonly internetGatewayId: string;

  /** Route table of the public subnets (default route to the internet gateway). */
  public readonly publicRouteTableId: string;

  /** Route tables of the private subnets, one per zone; empty in `PUBLIC_SUBNETS` mode. */
  public readonly privateRouteTableIds: string[];

  /** The VPC endpoints, when `vpcEndpoints` is true. */
  public readonly endpoints?: VpcEndpoints;

  constructor(scope: Construct, id: string, props: PrivateNetworkProps = {}) {
    super(scope, id);

    const name = props.name ?? id;
    const cidrBlock = props.cidrBlock ?? DEFAULT_CIDR;
    const egressMode = props.egressMode ?? EgressMode.NAT_GATEWAY_SINGLE;
    requireResourceName('name', name);
    validateCidrBlock(cidrBlock);
    validateZones(props);
    if (!Object.values(EgressMode).includes(egressMode)) {
      invalid('egressMode', egressMode, `Expected one of ${Object.values(EgressMode).join(', ')}.`);
    }

    const tags = (suffix: string) => withName(props.tags, `${name}-${suffix}`);
    this.availabilityZones = props.availabilityZones
      ? [...props.availabilityZones]
      : this.lookUpZones(props.availabilityZoneCount ?? DEFAULT_ZONE_COUNT);
    const zones = this.availabilityZones;
    const publicMode = egressMode === EgressMode.PUBLIC_SUBNETS;

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: tags('vpc'),
    });
    this.vpcId = this.vpc.id;
    this.vpcCidrBlock = cidrBlock;
    this.egressMode = egressMode;
    this.assignPublicIp = publicMode;

    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId: this.vpcId,
      ingress: [],
      egress: [],
      tags: tags('default-no-rules'),
    });

    const internetGateway = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpcId, tags: tags('igw') });
    this.internetGatewayId = internetGateway.id;
    const publicRouteTable = new RouteTable(this, 'public-route-table', { vpcId: this.vpcId, tags: tags('public') });
    this.publicRouteTableId = publicRouteTable.id;
    new Route(this, 'public-default-route', {
      routeTableId: publicRouteTable.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: internetGateway.id,
    });

    this.publicSubnetIds = zones.map((zone, i) => {
      const subnet = new Subnet(this, `public-subnet-${i}`, {
        vpcId: this.vpcId,
        availabilityZone: zone,
        cidrBlock: publicSubnetCidr(cidrBlock, i),
        // Tasks get a public IP only when the service asks for one.
        mapPublicIpOnLaunch: false,
        tags: tags(`public-${zone}`),
      });
      new RouteTableAssociation(this, `public-subnet-${i}-routes`, { subnetId: subnet.id, routeTableId: publicRouteTable.id });
      return subnet.id;
    });

    const natCount = publicMode ? 0 : egressMode === EgressMode.NAT_GATEWAY_PER_AZ ? zones.length : 1;
    this.natGatewayIds = zones.slice(0, natCount).map((zone, i) => {
      // AWS recommends that the EIP and NAT gateway wait for the internet gateway.
      const eip = new Eip(this, `nat-eip-${i}`, { domain: 'vpc', tags: tags(`nat-${zone}`), dependsOn: [internetGateway] });
      return new NatGateway(this, `nat-gateway-${i}`, {
        allocationId: eip.allocationId,
        subnetId: this.publicSubnetIds[i],
        tags: tags(`nat-${zone}`),
        dependsOn: [internetGateway],
      }).id;
    });

    const privateRouteTableIds: string[] = [];
    this.privateSubnetIds = publicMode ? [] : zones.map((zone, i) => {
      const subnet = new Subnet(this, `private-subnet-${i}`, {
        vpcId: this.vpcId,
        availabilityZone: zone,
        cidrBlock: privateSubnetCidr(cidrBlock, i),
        mapPublicIpOnLaunch: false,
        tags: tags(`private-${zone}`),
      });
      // One route table per zone, so switching between one NAT and one per zone only changes routes.
      const routeTable = new RouteTable(this, `private-route-table-${i}`, { vpcId: this.vpcId, tags: tags(`private-${zone}`) });
      new Route(this, `private-default-route-${i}`, {
        routeTableId: routeTable.id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: this.natGatewayIds[Math.min(i, this.natGatewayIds.length - 1)],
      });
      new RouteTableAssociation(this, `private-subnet-${i}-routes`, { subnetId: subnet.id, routeTableId: routeTable.id });
      privateRouteTableIds.push(routeTable.id);
      return subnet.id;
    });
    this.privateRouteTableIds = privateRouteTableIds;

    this.taskSubnetIds = publicMode ? this.publicSubnetIds : this.privateSubnetIds;
    if (props.vpcEndpoints) {
      this.endpoints = new VpcEndpoints(this, 'endpoints', {
        name,
        vpcId: this.vpcId,
        vpcCidrBlock: cidrBlock,
        subnetIds: this.taskSubnetIds,
        routeTableIds: publicMode ? [this.publicRouteTableId] : this.privateRouteTableIds,
        tags: props.tags,
      });
    }
  }

  /** The first `count` available zones of the region; the plan fails if the region has fewer. */
  private lookUpZones(count: number): string[] {
    const zones = new DataAwsAvailabilityZones(this, 'availability-zones', {
      state: 'available',
      // Local and Wavelength Zones are opt-in; Fargate does not run there.
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
      lifecycle: {
        postcondition: [{
          condition: `\${length(self.names) >= ${count}}`,
          errorMessage: `PrivateNetwork needs ${count} available availability zones in this region; set availabilityZoneCount or availabilityZones.`,
        }],
      },
    });
    return Array.from({ length: count }, (_, i) => Fn.element(zones.names, i));
  }
}

/** Fails unless the block is an IPv4 CIDR in network form with a prefix from /16 to /24. */
function validateCidrBlock(cidrBlock: string): void {
  if (Token.isUnresolved(cidrBlock)) {
    return;
  }
  const parsed = parseIpv4Cidr(cidrBlock);
  if (!parsed) {
    invalid('cidrBlock', cidrBlock, 'Expected an IPv4 CIDR block in network form (host bits zero), e.g. 10.0.0.0/16.');
  }
  if (parsed.prefixLength < MIN_PREFIX || parsed.prefixLength > MAX_PREFIX) {
    invalid('cidrBlock', cidrBlock,
      `Expected a prefix from /${MIN_PREFIX} (the largest VPC AWS allows) to /${MAX_PREFIX} (the smallest that still splits into 16 subnets of at least /28).`);
  }
}

/** Fails unless the zones are given one way, number 2 to 8 and are distinct. */
function validateZones(props: PrivateNetworkProps): void {
  const tooMany = `The block is split into ${MAX_ZONES * 2} subnets, a private and a public one per zone, so at most ${MAX_ZONES} zones fit.`;
  if (props.availabilityZones !== undefined && props.availabilityZoneCount !== undefined) {
    invalid('availabilityZoneCount', props.availabilityZoneCount, 'Set either availabilityZones or availabilityZoneCount, not both.');
  }
  if (props.availabilityZones !== undefined) {
    const zones = props.availabilityZones;
    if (Token.isUnresolved(zones)) {
      invalid('availabilityZones', zones, 'Expected a literal list of zone names (its length decides the subnets); use availabilityZoneCount to look zones up.');
    }
    if (zones.length < MIN_ZONES) {
      invalid('availabilityZones', zones, `Expected at least ${MIN_ZONES} zones: tasks and NAT gateways must survive the loss of one zone.`);
    }
    if (zones.length > MAX_ZONES) {
      invalid('availabilityZones', zones, tooMany);
    }
    zones.forEach((zone, i) => {
      if (!Token.isUnresolved(zone) && !/^[a-z]{2}(-[a-z0-9]+)+-\d[a-z]$/.test(zone)) {
        invalid(`availabilityZones[${i}]`, zone, 'Expected a zone name such as eu-west-1a.');
      }
    });
    requireUnique('availabilityZones', zones);
  }
  if (props.availabilityZoneCount !== undefined) {
    if (props.availabilityZoneCount > MAX_ZONES && Number.isInteger(props.availabilityZoneCount)) {
      invalid('availabilityZoneCount', props.availabilityZoneCount, tooMany);
    }
    requireIntegerInRange('availabilityZoneCount', props.availabilityZoneCount, MIN_ZONES, MAX_ZONES);
  }
}
