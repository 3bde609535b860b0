/**
 * The one check of a new VPC's settings, run by their owner: `PrivateNetwork`
 * on its own props, or the pattern on the `network` its user wrote, before it
 * creates anything. Not exported from the module's index.
 */
import { EgressMode } from './egress-mode';
import { requireResourceName } from './internal/name-tags';
import { MAX_ZONES } from './internal/subnet-layout';
import type { PrivateNetworkProps } from './private-network';
import { parseIpv4Cidr } from '../core/cidr';
import { PropPath } from '../core/prop-path';
import { invalid, isToken, requireIntegerInRange, requireOneOf, requireUnique } from '../core/validation';

/** The default VPC block: room for 16 subnets of 4,096 addresses. */
export const DEFAULT_CIDR = '10.0.0.0/16';
const MIN_ZONES = 2;
const MIN_PREFIX = 16;
const MAX_PREFIX = 24;

/**
 * Checks the settings of a new VPC, named under `path` (`network.` through the
 * pattern). Settings left out are not checked: their defaults are valid.
 */
export function checkPrivateNetworkProps(props: PrivateNetworkProps, path: PropPath): void {
  if (props.name !== undefined) {
    requireResourceName(path.of('name'), props.name);
  }
  validateCidrBlock(props.cidrBlock ?? DEFAULT_CIDR, path);
  validateZones(props, path);
  requireOneOf(path.of('egressMode'), props.egressMode ?? EgressMode.NAT_GATEWAY_SINGLE, Object.values(EgressMode));
}

/** Fails unless the block is an IPv4 CIDR in network form with a prefix from /16 to /24. */
function validateCidrBlock(cidrBlock: string, path: PropPath): void {
  if (isToken(cidrBlock)) {
    return;
  }
  const parsed = parseIpv4Cidr(cidrBlock);
  if (!parsed) {
    invalid(path.of('cidrBlock'), cidrBlock, 'Expected an IPv4 CIDR block in network form (host bits zero), e.g. 10.0.0.0/16.');
  }
  if (parsed.prefixLength < MIN_PREFIX || parsed.prefixLength > MAX_PREFIX) {
    invalid(path.of('cidrBlock'), cidrBlock,
      `Expected a prefix from /${MIN_PREFIX} (the largest VPC AWS allows) to /${MAX_PREFIX} (the smallest that still splits into 16 subnets of at least /28).`);
  }
}

/** Fails unless the zones are given one way, number 2 to 8 and are distinct. */
function validateZones(props: PrivateNetworkProps, path: PropPath): void {
  const tooMany = `The block is split into ${MAX_ZONES * 2} subnets, a private and a public one per zone, so at most ${MAX_ZONES} zones fit.`;
  if (props.availabilityZones !== undefined && props.availabilityZoneCount !== undefined) {
    invalid(path.of('availabilityZoneCount'), props.availabilityZoneCount, 'Set either availabilityZones or availabilityZoneCount, not both.');
  }
  if (props.availabilityZones !== undefined) {
    const zones = props.availabilityZones;
    if (isToken(zones)) {
      invalid(path.of('availabilityZones'), zones, 'Expected a literal list of zone names (its length decides the subnets); use availabilityZoneCount to look zones up.');
    }
    if (zones.length < MIN_ZONES) {
      invalid(path.of('availabilityZones'), zones, `Expected at least ${MIN_ZONES} zones: tasks and NAT gateways must survive the loss of one zone.`);
    }
    if (zones.length > MAX_ZONES) {
      invalid(path.of('availabilityZones'), zones, tooMany);
    }
    zones.forEach((zone, i) => {
      if (!isToken(zone) && !/^[a-z]{2}(-[a-z0-9]+)+-\d[a-z]$/.test(zone)) {
        invalid(path.of(`availabilityZones[${i}]`), zone, 'Expected a zone name such as eu-west-1a.');
      }
    });
    requireUnique(path.of('availabilityZones'), zones);
  }
  if (props.availabilityZoneCount !== undefined) {
    if (isToken(props.availabilityZoneCount)) {
      invalid(path.of('availabilityZoneCount'), props.availabilityZoneCount,
        `Expected a literal whole number from ${MIN_ZONES} to ${MAX_ZONES}: it decides how many subnets (and NAT gateways) are created, which synthesis must know.`);
    }
    if (props.availabilityZoneCount > MAX_ZONES && Number.isInteger(props.availabilityZoneCount)) {
      invalid(path.of('availabilityZoneCount'), props.availabilityZoneCount, tooMany);
    }
    requireIntegerInRange(path.of('availabilityZoneCount'), props.availabilityZoneCount, MIN_ZONES, MAX_ZONES);
  }
}
