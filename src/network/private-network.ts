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
import { Fn, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import { EgressMode } from './egress-mode';
import { withName } from './internal/name-tags';
import { privateSubnetCidr, publicSubnetCidr } from './internal/subnet-layout';
import { checkPrivateNetworkProps, DEFAULT_CIDR } from './private-network-check';
import { ITaskNetwork } from './task-network';
import { VpcEndpoints } from './vpc-endpoints';
import { brand } from '../core/brand';
import { PropPath, wasChecked } from '../core/prop-path';

/** Properties of a `PrivateNetwork`. */
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
   * How many zones to use, the first ones by name of the region's zones (data
   * source `aws_availability_zones`, Local Zones excluded), 2 to 8. Set this or
   * `availabilityZones`, not both.
   *
   * A subnet stays in the zone it was created in even if the region's zone list
   * later changes (Terraform ignores changes of its `availability_zone`), so a
   * zone outage or a new zone never replaces a subnet with running tasks.
   *
   * @default 2
   */
  readonly availabilityZoneCount?: number;

  /**
   * How tasks reach the internet.
   *
   * Can be changed on a running network in one apply, between any two modes:
   * subnets, route tables and their associations exist in every mode under the
   * same addresses, so a switch never destroys or replaces a subnet. It moves the
   * service between the private and the public subnets and adds or removes NAT
   * gateways, their Elastic IPs and the private default routes. A new egress path
   * is created before the service moves onto it; an old one is removed only after
   * the service has been updated to leave it (or, from `NAT_GATEWAY_PER_AZ` to
   * `NAT_GATEWAY_SINGLE`, after the routes point to the remaining NAT gateway).
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
   * Tags for every resource. Each also gets a Name tag.
   *
   * @default none besides Name
   */
  readonly tags?: { [key: string]: string };
}

const DEFAULT_ZONE_COUNT = 2;

/**
 * For the resources that switching egressMode removes (NAT gateways, their EIPs, private default routes).
 * Terraform destroys a removed resource before it updates the resources that depended on it, unless the
 * removed one is create_before_destroy: then the dependents are updated first. The service depends on
 * them through the task subnet ids (see privateSubnetIds), so it moves off a NAT gateway before the
 * gateway goes, and a route is pointed at the remaining NAT gateway before its own goes.
 */
const REMOVE_AFTER_DEPENDENTS: TerraformResourceLifecycle = { createBeforeDestroy: true };

/**
 * A new VPC for Fargate tasks that only make outbound connections.
 *
 * It spans two or more availability zones with one private and one public
 * subnet per zone, in every egress mode. With a NAT gateway egress mode, tasks
 * run in private subnets (no public IPs) whose default route leads to the NAT
 * gateway(s) in public subnets. With `EgressMode.PUBLIC_SUBNETS`, tasks run in
 * public subnets and get public IPs; no NAT gateway is created and the private
 * subnets stay, without a route to the internet, so that switching modes never
 * destroys a subnet. No subnet assigns public IPs on launch: the service decides
 * per task.
 *
 * DNS support and hostnames are on (needed for private DNS of VPC endpoints).
 * The VPC's default security group is stripped of all rules, so nothing placed
 * in it by mistake can communicate.
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { EgressMode, PrivateNetwork } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * const network = new PrivateNetwork(stack, 'network', {
 *   cidrBlock: '10.20.0.0/16',
 *   availabilityZoneCount: 3,
 *   egressMode: EgressMode.NAT_GATEWAY_PER_AZ,
 *   vpcEndpoints: true,
 * });
 * // Tasks run in network.taskSubnetIds.
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

  /**
   * Private subnets, one per zone, in every mode (without a route to the
   * internet in `PUBLIC_SUBNETS` mode). Like `publicSubnetIds`, the ids are read
   * from the subnets' route table associations, so whatever uses them waits for
   * the subnet's default route and depends on its egress path.
   */
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

  /** Route tables of the private subnets, one per zone, in every mode (no default route in `PUBLIC_SUBNETS` mode). */
  public readonly privateRouteTableIds: string[];

  /** The VPC endpoints, when `vpcEndpoints` is true. */
  public readonly endpoints?: VpcEndpoints;

  /**
   * @param scope The construct this one belongs to: a stack, or a construct of your own.
   * @param id Id of this construct, unique among the children of `scope`.
   * @param props The settings of the PrivateNetwork, described by `PrivateNetworkProps`.
   */
  constructor(scope: Construct, id: string, props: PrivateNetworkProps = {}) {
    super(scope, id);
    brand(this, 'PrivateNetwork');

    const name = props.name ?? id;
    const cidrBlock = props.cidrBlock ?? DEFAULT_CIDR;
    const egressMode = props.egressMode ?? EgressMode.NAT_GATEWAY_SINGLE;
    if (!wasChecked(props)) {
      checkPrivateNetworkProps({ ...props, name }, PropPath.root());
    }

    const tags = (suffix: string) => withName(props.tags, `${name}-${suffix}`);
    const literalZones = props.availabilityZones;
    const zonesLookedUp = literalZones === undefined;
    this.availabilityZones = literalZones
      ? [...literalZones]
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

    // A looked-up zone is element(names, i): if the region's zone list ever changes, the index points to
    // another zone and the force-new availability_zone would replace a subnet that holds running tasks.
    // So a subnet keeps the zone it was created in (only its Name tag would follow the list). A literal
    // list is the user's intent and applies.
    const subnet = (kind: string, i: number, cidr: string) => new Subnet(this, `${kind}-subnet-${i}`, {
      vpcId: this.vpcId,
      availabilityZone: zones[i],
      cidrBlock: cidr,
      // Tasks get a public IP only when the service asks for one.
      mapPublicIpOnLaunch: false,
      tags: tags(`${kind}-${zones[i]}`),
      lifecycle: zonesLookedUp ? { ignoreChanges: ['availability_zone'] } : undefined,
    });

    const internetGateway = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpcId, tags: tags('igw') });
    this.internetGatewayId = internetGateway.id;
    const publicRouteTable = new RouteTable(this, 'public-route-table', { vpcId: this.vpcId, tags: tags('public') });
    this.publicRouteTableId = publicRouteTable.id;
    const publicDefaultRoute = new Route(this, 'public-default-route', {
      routeTableId: publicRouteTable.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: internetGateway.id,
    });

    const publicSubnets = zones.map((_, i) => subnet('public', i, publicSubnetCidr(cidrBlock, i)));
    this.publicSubnetIds = publicSubnets.map((publicSubnet, i) => new RouteTableAssociation(this, `public-subnet-${i}-routes`, {
      subnetId: publicSubnet.id,
      routeTableId: publicRouteTable.id,
      dependsOn: [publicDefaultRoute],
    }).subnetId);

    const natCount = publicMode ? 0 : egressMode === EgressMode.NAT_GATEWAY_PER_AZ ? zones.length : 1;
    this.natGatewayIds = zones.slice(0, natCount).map((zone, i) => {
      // AWS recommends that the EIP and NAT gateway wait for the internet gateway.
      const eip = new Eip(this, `nat-eip-${i}`, {
        domain: 'vpc',
        tags: tags(`nat-${zone}`),
        dependsOn: [internetGateway],
        lifecycle: REMOVE_AFTER_DEPENDENTS,
      });
      return new NatGateway(this, `nat-gateway-${i}`, {
        allocationId: eip.allocationId,
        subnetId: publicSubnets[i].id,
        tags: tags(`nat-${zone}`),
        dependsOn: [internetGateway],
        lifecycle: REMOVE_AFTER_DEPENDENTS,
      }).id;
    });

    // Private subnets, their route tables and associations exist in every mode, so switching modes only
    // adds or removes the default routes. One route table per zone, so switching between one NAT gateway
    // and one per zone only changes routes.
    const privateSubnets = zones.map((_, i) => subnet('private', i, privateSubnetCidr(cidrBlock, i)));
    const privateRouteTables = zones.map((zone, i) =>
      new RouteTable(this, `private-route-table-${i}`, { vpcId: this.vpcId, tags: tags(`private-${zone}`) }));
    this.privateRouteTableIds = privateRouteTables.map(table => table.id);
    this.privateSubnetIds = privateSubnets.map((privateSubnet, i) => {
      const defaultRoute = publicMode ? undefined : new Route(this, `private-default-route-${i}`, {
        routeTableId: privateRouteTables[i].id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: this.natGatewayIds[Math.min(i, natCount - 1)],
        lifecycle: REMOVE_AFTER_DEPENDENTS,
      });
      // The id comes from the association, which waits for the default route: tasks placed here start
      // only once they can reach the internet, and the service depends on the route and NAT gateway.
      return new RouteTableAssociation(this, `private-subnet-${i}-routes`, {
        subnetId: privateSubnet.id,
        routeTableId: privateRouteTables[i].id,
        dependsOn: defaultRoute ? [defaultRoute] : undefined,
      }).subnetId;
    });

    this.taskSubnetIds = publicMode ? this.publicSubnetIds : this.privateSubnetIds;
    if (props.vpcEndpoints) {
      // The same subnets and route tables in every mode, so switching modes leaves the endpoints alone:
      // tasks in the public subnets reach endpoints in the private ones over the VPC's local route.
      this.endpoints = new VpcEndpoints(this, 'endpoints', {
        name,
        vpcId: this.vpcId,
        vpcCidrBlock: cidrBlock,
        subnetIds: privateSubnets.map(privateSubnet => privateSubnet.id),
        routeTableIds: [...this.privateRouteTableIds, this.publicRouteTableId],
        tags: props.tags,
      });
    }
  }

  /** The first `count` zones of the region by name; the plan fails if the region has fewer. */
  private lookUpZones(count: number): string[] {
    const zones = new DataAwsAvailabilityZones(this, 'availability-zones', {
      // No state filter: the list (sorted by name) then keeps its order when a zone is impaired or
      // unavailable, and a zone outage cannot make the plan fail or shift the zones of the subnets.
      // Local and Wavelength Zones are opt-in; Fargate does not run there.
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
      lifecycle: {
        postcondition: [{
          condition: `\${length(self.names) >= ${count}}`,
          errorMessage: `PrivateNetwork needs ${count} availability zones in this region; set availabilityZoneCount or availabilityZones.`,
        }],
      },
    });
    return Array.from({ length: count }, (_, i) => Fn.element(zones.names, i));
  }
}
