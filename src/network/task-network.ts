/**
 * Where a Fargate service's tasks run: what the service's network
 * configuration needs, whether the network is new or existing.
 */
export interface ITaskNetwork {
  /** The VPC of the task subnets. Security groups for the tasks belong to it. */
  readonly vpcId: string;

  /** Subnets the tasks run in, ideally one per availability zone. */
  readonly taskSubnetIds: string[];

  /**
   * Whether tasks need a public IPv4 address to reach the internet: true only
   * when the subnets route to an internet gateway rather than a NAT gateway.
   */
  readonly assignPublicIp: boolean;
}
