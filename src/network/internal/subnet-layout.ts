/**
 * How a new VPC's CIDR block is cut into subnets. Internal: not part of the public API.
 *
 * The block is split into 16 equal slots (4 extra prefix bits: a /16 gives
 * /20 subnets of 4,096 addresses, a /24 gives /28 subnets of 16). Private
 * subnets take slots 0-7 and public subnets slots 8-15, one of each per zone,
 * so adding a zone or switching the egress mode never renumbers an existing subnet.
 */
import { Fn } from 'cdktf';
import { parseIpv4Cidr } from '../../core/cidr';
import { isToken } from '../../core/validation';

/** Extra prefix bits per subnet. */
export const SUBNET_NEWBITS = 4;

/** Slots per kind of subnet (private, public); also the most zones a network can span. */
export const MAX_ZONES = 2 ** SUBNET_NEWBITS / 2;

/** CIDR block of the private subnet in zone `zoneIndex`. */
export function privateSubnetCidr(vpcCidr: string, zoneIndex: number): string {
  return subnetCidr(vpcCidr, zoneIndex);
}

/** CIDR block of the public subnet in zone `zoneIndex`. */
export function publicSubnetCidr(vpcCidr: string, zoneIndex: number): string {
  return subnetCidr(vpcCidr, MAX_ZONES + zoneIndex);
}

/** Slot `slot` of the block: computed here for literals (readable plans), by Terraform for tokens. */
function subnetCidr(vpcCidr: string, slot: number): string {
  const parsed = isToken(vpcCidr) ? undefined : parseIpv4Cidr(vpcCidr);
  if (!parsed) {
    return Fn.cidrsubnet(vpcCidr, SUBNET_NEWBITS, slot);
  }
  const prefixLength = parsed.prefixLength + SUBNET_NEWBITS;
  const address = parsed.address + slot * 2 ** (32 - prefixLength);
  const octets = [24, 16, 8, 0].map(shift => Math.floor(address / 2 ** shift) % 256);
  return `${octets.join('.')}/${prefixLength}`;
}
