/**
 * CIDR parsing for validation. Internal: not part of the public API.
 *
 * Only literal values reach these helpers; callers skip cdktf tokens.
 */
import { isIPv4, isIPv6 } from 'net';

/** A parsed IPv4 CIDR block. */
export interface Ipv4Cidr {
  /** The address as a 32-bit unsigned number. */
  readonly address: number;
  /** The prefix length, 0 to 32. */
  readonly prefixLength: number;
}

/**
 * Parses `a.b.c.d/n`. Returns undefined when the text is not an IPv4 CIDR
 * block or has host bits set (AWS wants the network address, e.g. 10.0.0.0/16).
 */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const match = /^([0-9.]+)\/(\d{1,2})$/.exec(text);
  if (!match || !isIPv4(match[1])) {
    return undefined;
  }
  const prefixLength = Number(match[2]);
  if (prefixLength > 32) {
    return undefined;
  }
  const address = match[1].split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const hostBits = 32 - prefixLength;
  if (address % 2 ** hostBits !== 0) {
    return undefined;
  }
  return { address, prefixLength };
}

/**
 * True when `text` is an IPv6 CIDR block in network form (`2001:db8::/32`,
 * `::/0`): a valid address, a prefix of 0 to 128 and no host bits set.
 */
export function isIpv6Cidr(text: string): boolean {
  const match = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(text);
  if (!match || !isIPv6(match[1])) {
    return false;
  }
  const prefixLength = Number(match[2]);
  if (prefixLength > 128) {
    return false;
  }
  const hostBits = BigInt(128 - prefixLength);
  return ipv6ToBigInt(match[1]) % 2n ** hostBits === 0n;
}

/** Expands an IPv6 address (hex groups only, `::` allowed) into a 128-bit number. */
function ipv6ToBigInt(address: string): bigint {
  const [head, tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...new Array<string>(missing).fill('0'), ...tailGroups];
  return groups.reduce((acc, group) => acc * 65536n + BigInt(parseInt(group, 16)), 0n);
}

/** The address family a CIDR block belongs to. */
export type IpFamily = 'IPv4' | 'IPv6';

/** A CIDR block as a closed range of addresses. */
export interface AddressRange {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/** The addresses of a CIDR block in network form; undefined when the text is not one. */
export function cidrRange(cidr: string): AddressRange | undefined {
  const v4 = parseIpv4Cidr(cidr);
  if (v4 !== undefined) {
    const first = BigInt(v4.address);
    return { family: 'IPv4', first, last: first + 2n ** BigInt(32 - v4.prefixLength) - 1n };
  }
  if (!isIpv6Cidr(cidr)) {
    return undefined;
  }
  const [address, prefix] = cidr.split('/');
  const first = ipv6ToBigInt(address);
  return { family: 'IPv6', first, last: first + 2n ** BigInt(128 - Number(prefix)) - 1n };
}

/** Start of `::ffff:0:0/96`, the IPv4-mapped IPv6 addresses. */
const IPV4_MAPPED_BASE = 0xffffn * 2n ** 32n;

/** The IPv4 addresses an IPv6 range covers through `::ffff:0:0/96`, if any. */
export function ipv4MappedPart(range: AddressRange): AddressRange[] {
  const mappedLast = IPV4_MAPPED_BASE + 2n ** 32n - 1n;
  if (range.family !== 'IPv6' || range.last < IPV4_MAPPED_BASE || range.first > mappedLast) {
    return [];
  }
  const first = range.first > IPV4_MAPPED_BASE ? range.first : IPV4_MAPPED_BASE;
  const last = range.last < mappedLast ? range.last : mappedLast;
  return [{ family: 'IPv4', first: first - IPV4_MAPPED_BASE, last: last - IPV4_MAPPED_BASE }];
}

/**
 * The address family whose every address lies in one of `cidrs` taken together
 * (`0.0.0.0/0`, or `0.0.0.0/1` plus `128.0.0.0/1`, or `::ffff:0:0/96` for IPv4...), or undefined when none
 * is covered. Values that are not CIDR blocks (e.g. tokens) are ignored.
 */
export function wholeFamilyCovered(cidrs: readonly string[]): IpFamily | undefined {
  const parsed = cidrs.map(cidrRange).filter((range): range is AddressRange => range !== undefined);
  // IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) stand for IPv4 clients as well.
  const ranges = [...parsed, ...parsed.flatMap(ipv4MappedPart)];
  const families: Array<[IpFamily, bigint]> = [['IPv6', 2n ** 128n], ['IPv4', 2n ** 32n]];
  for (const [family, size] of families) {
    const sorted = ranges.filter((range) => range.family === family).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    let next = 0n; // the lowest address not yet covered
    for (const range of sorted) {
      if (range.first > next) {
        break;
      }
      next = range.last + 1n > next ? range.last + 1n : next;
    }
    if (next >= size) {
      return family;
    }
  }
  return undefined;
}
