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
