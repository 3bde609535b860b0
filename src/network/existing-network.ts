import { requireAwsId, requireIdList } from './internal/aws-ids';
import { ITaskNetwork } from './task-network';

/** Properties of an `ExistingNetwork`. */
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
 *
 * @example
 * import { TerraformStack } from 'cdktf';
 * import { AccessRule, ContainerImage, ExistingNetwork, ZeroTrustFargateService } from 'cdktf-zero-trust-fargate';
 *
 * declare const stack: TerraformStack;
 *
 * new ZeroTrustFargateService(stack, 'admin', {
 *   cloudflareAccountId: '0123456789abcdef0123456789abcdef',
 *   cloudflareZoneId: 'fedcba9876543210fedcba9876543210',
 *   hostname: 'admin.example.com',
 *   app: { image: ContainerImage.fromRegistry('ghcr.io/acme/admin:1.4.2'), port: 8080 },
 *   access: { allow: [AccessRule.emailDomain('example.com')] },
 *   existingNetwork: new ExistingNetwork({
 *     vpcId: 'vpc-0123456789abcdef0',
 *     subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
 *   }),
 * });
 */
export class ExistingNetwork implements ITaskNetwork {
  /** Id of the VPC. */
  public readonly vpcId: string;

  /** The subnets the tasks run in. */
  public readonly taskSubnetIds: string[];

  /** Whether tasks get a public IPv4 address. */
  public readonly assignPublicIp: boolean;

  /**
   * @param props The settings of the ExistingNetwork, described by `ExistingNetworkProps`.
   */
  constructor(props: ExistingNetworkProps) {
    requireAwsId('vpcId', props.vpcId, 'vpc');
    requireIdList('subnetIds', props.subnetIds, 'subnet');
    this.vpcId = props.vpcId;
    this.taskSubnetIds = props.subnetIds;
    this.assignPublicIp = props.assignPublicIp ?? false;
  }
}
