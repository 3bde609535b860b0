/**
 * How tasks of a new `PrivateNetwork` reach the internet (`cloudflared`
 * must dial out to Cloudflare; nothing dials in).
 *
 * A running network can switch from any mode to any other in one apply: every
 * mode has the same subnets, so a switch moves the service between them and
 * adds or removes only NAT gateways and routes (see `PrivateNetworkProps.egressMode`).
 */
export enum EgressMode {
  /**
   * Tasks run in private subnets behind one NAT gateway, in the first zone,
   * that serves all of them. About $0.045 per hour (~$33 a month) plus $0.045 per GB processed
   * (us-east-1 prices). If that zone fails, tasks in other zones lose egress.
   */
  NAT_GATEWAY_SINGLE = 'NAT_GATEWAY_SINGLE',

  /**
   * Tasks run in private subnets behind a NAT gateway in each zone, so a zone
   * outage does not cut egress elsewhere. The NAT charge is paid once per zone.
   */
  NAT_GATEWAY_PER_AZ = 'NAT_GATEWAY_PER_AZ',

  /**
   * Tasks run in public subnets with a public IPv4 address each and reach the
   * internet directly through the internet gateway. The cheapest mode: no NAT
   * gateway charge, only about $0.005 per hour per public IPv4 address. Still
   * unreachable from the internet: the task security group has no inbound rule.
   */
  PUBLIC_SUBNETS = 'PUBLIC_SUBNETS',
}
