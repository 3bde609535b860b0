import { requireAwsId, requireIdList } from './aws-ids';
import { ITaskNetwork } from './task-network';

/** Properties of an {@link ExistingNetwork}. */
export interface ExistingNetworkProps {
  /** Id of the existing VPC, e.g. `vpc-0123456789abcdef0`. */
  readonly vpcId: string;

  /**
   * Subnets of that VPC for the tasks, ideally in two or more availability
   * zones. They need a route to the internet (NAT gateway, or an internet
   * gateway together with `assignPublicIp: true`) so `cloudflared` can reach
   * Cloudflare.
   */
  readonly subnetIds: string[];

  /**
   * Give each task a public IPv4 address. Needed only when the subnets route to
   * an internet gateway instead of a NAT gateway.
   *
   * @default false
   */
  readonly assignPublicIp?: boolean;
}

/**
 * A VPC and subnets created elsewhere, for running tasks in them.
 * Creates no resources; it only validates and hands the ids on.
 */
export class ExistingNetwork implements ITaskNetwork {
  /** Id of the VPC. */
  public readonly vpcId: string;

  /** The subnets the tasks run in. */
  public readonly taskSubnetIds: string[];

  /** Whether tasks get a public IPv4 address. */
  public readonly assignPublicIp: boolean;

  constructor(props: ExistingNetworkProps) {
    requireAwsId('vpcId', props.vpcId, 'vpc');
    requireIdList('subnetIds', props.subnetIds, 'subnet');
    this.vpcId = props.vpcId;
    this.taskSubnetIds = props.subnetIds;
    this.assignPublicIp = props.assignPublicIp ?? false;
  }
}
