/**
 * Sets of client addresses, for the Access model: which requests an IP rule
 * matches, and how much of the internet that is. Computed over the address
 * space (ranges of numbers), never by comparing strings. Internal.
 */
import { AddressRange, cidrRange, IpFamily, ipv4MappedPart } from '../../core/cidr';

/** A closed interval of addresses of one family. */
interface Interval {
  readonly first: bigint;
  readonly last: bigint;
}

const FAMILY_SIZE: Record<IpFamily, bigint> = { IPv4: 2n ** 32n, IPv6: 2n ** 128n };

/**
 * Addresses that are not on the public internet (IANA's special-purpose
 * registries: private, loopback, link-local, shared, documentation,
 * benchmarking, multicast and reserved space). A client on the internet
 * never connects from them, so ranges that leave only them out still reach
 * everyone.
 */
const NOT_PUBLIC: Record<IpFamily, string[]> = {
  IPv4: [
    '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
    '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24',
    '224.0.0.0/4', '240.0.0.0/4',
  ],
  // Outside global unicast, and inside it the IETF protocol and documentation blocks.
  IPv6: ['::/3', '4000::/2', '8000::/1', '2001::/23', '2001:db8::/32', '3fff::/20'],
};

/**
 * The IPv6 space the regional registries hand out (IANA's IPv6 global
 * unicast address assignments): where IPv6 clients actually are. Measured
 * against all of `2000::/3`, a set like `2000::/4` would look like half of
 * the internet while holding every allocation there is.
 */
const IPV6_ALLOCATED = ['2001::/16', '2002::/16', '2003::/18', '2400::/12', '2410::/12', '2600::/12', '2610::/23', '2620::/23',
  '2630::/16', '2800::/12', '2a00::/12', '2a10::/12', '2c00::/12'];

/**
 * The share of the public addresses of a family at or above which a set of
 * ranges counts as "anyone": one percent of the internet (for IPv4, about
 * 37 million addresses, more than two /8 networks). An office, a VPN or a
 * company's own ranges are far smaller; a set this large reaches whole
 * providers, clouds included, where anyone can rent an address, or is a way
 * around the check.
 */
export const OPEN_SHARE = 0.01;

/** A set of addresses in both families. */
export class IpSet {
  /** Every address of both families: what a rule without an IP condition matches. */
  public static readonly ALL = new IpSet({ IPv4: [{ first: 0n, last: FAMILY_SIZE.IPv4 - 1n }], IPv6: [{ first: 0n, last: FAMILY_SIZE.IPv6 - 1n }] });

  /** No address. */
  public static readonly NONE = new IpSet({ IPv4: [], IPv6: [] });

  /**
   * The addresses of CIDR blocks. With `mapIpv4`, an IPv6 block that overlaps
   * `::ffff:0:0/96` also holds the IPv4 addresses mapped there: the widest
   * reading, for what a rule lets in. Without it, for what a rule takes out
   * (an exclude, a DENY), `::/0` holds no IPv4 client. Blocks that do not
   * parse are left out: callers treat such values as unknown.
   */
  public static fromCidrs(cidrs: readonly string[], mapIpv4 = true): IpSet {
    const ranges = cidrs.map(cidrRange).filter((range): range is AddressRange => range !== undefined);
    const all = mapIpv4 ? [...ranges, ...ranges.flatMap(ipv4MappedPart)] : ranges;
    const of = (family: IpFamily) => normalise(all.filter((range) => range.family === family));
    return new IpSet({ IPv4: of('IPv4'), IPv6: of('IPv6') });
  }

  private static publicSet?: IpSet;

  /** Where clients on the internet are: public IPv4, allocated IPv6 (each less its special-purpose blocks). */
  private static get PUBLIC(): IpSet {
    if (IpSet.publicSet === undefined) {
      const candidates = new IpSet({ IPv4: IpSet.ALL.intervals.IPv4, IPv6: IpSet.fromCidrsRaw({ IPv4: [], IPv6: IPV6_ALLOCATED }).intervals.IPv6 });
      IpSet.publicSet = candidates.minus(IpSet.fromCidrsRaw(NOT_PUBLIC));
    }
    return IpSet.publicSet;
  }

  /** Like `fromCidrs`, without the IPv4-mapped addresses: the special-purpose lists name each family's own blocks. */
  private static fromCidrsRaw(byFamily: Record<IpFamily, string[]>): IpSet {
    const of = (family: IpFamily) => normalise(byFamily[family].map((cidr) => cidrRange(cidr)!));
    return new IpSet({ IPv4: of('IPv4'), IPv6: of('IPv6') });
  }

  private constructor(private readonly intervals: Record<IpFamily, Interval[]>) {}

  public union(other: IpSet): IpSet {
    const of = (family: IpFamily) => normalise([...this.intervals[family], ...other.intervals[family]]);
    return new IpSet({ IPv4: of('IPv4'), IPv6: of('IPv6') });
  }

  public intersect(other: IpSet): IpSet {
    return this.minus(IpSet.ALL.minus(other));
  }

  public minus(other: IpSet): IpSet {
    const of = (family: IpFamily) => subtract(this.intervals[family], other.intervals[family]);
    return new IpSet({ IPv4: of('IPv4'), IPv6: of('IPv6') });
  }

  public isEmpty(): boolean {
    return this.intervals.IPv4.length === 0 && this.intervals.IPv6.length === 0;
  }

  /** True when every address of both families is in the set. */
  public isAll(): boolean {
    return IpSet.ALL.minus(this).isEmpty();
  }

  /** The family whose every address is in the set, if any (IPv6 first, as the old check reported). */
  public wholeFamily(): IpFamily | undefined {
    return (['IPv6', 'IPv4'] as IpFamily[]).find((family) => subtract(IpSet.ALL.intervals[family], this.intervals[family]).length === 0);
  }

  /** The share (0 to 1) of the public addresses of `family` that lie in the set. */
  public publicShare(family: IpFamily): number {
    const publicPart = IpSet.PUBLIC.intervals[family];
    const covered = size(subtract(publicPart, subtract(publicPart, this.intervals[family])));
    return Number((covered * 1_000_000n) / size(publicPart)) / 1_000_000;
  }

  /**
   * The family of which the set reaches at least `OPEN_SHARE` of the public
   * addresses, if any: a rule over such a set matches (nearly) anyone.
   */
  public openFamily(): IpFamily | undefined {
    return (['IPv6', 'IPv4'] as IpFamily[]).find((family) => this.publicShare(family) >= OPEN_SHARE);
  }

  /** How the reach of an open set reads in a message: `all of IPv4`, or the share of its public addresses. */
  public describeReach(family: IpFamily): string {
    if (this.wholeFamily() === family) {
      return `all of ${family}`;
    }
    const share = this.publicShare(family);
    return share >= 1 ? `every public ${family} address` : `${Math.floor(share * 100)}% of the public ${family} addresses`;
  }
}

/** Sorted, merged intervals. */
function normalise(ranges: readonly Interval[]): Interval[] {
  const sorted = [...ranges].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: Interval[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.first <= last.last + 1n) {
      merged[merged.length - 1] = { first: last.first, last: range.last > last.last ? range.last : last.last };
    } else {
      merged.push({ first: range.first, last: range.last });
    }
  }
  return merged;
}

/** `from` without the addresses of `cut` (both normalised). */
function subtract(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const range of from) {
    let pieces: Interval[] = [range];
    for (const hole of cut) {
      pieces = pieces.flatMap((piece) => {
        if (hole.last < piece.first || hole.first > piece.last) {
          return [piece];
        }
        const left = hole.first > piece.first ? [{ first: piece.first, last: hole.first - 1n }] : [];
        const right = hole.last < piece.last ? [{ first: hole.last + 1n, last: piece.last }] : [];
        return [...left, ...right];
      });
    }
    result.push(...pieces);
  }
  return result;
}

function size(intervals: readonly Interval[]): bigint {
  return intervals.reduce((total, range) => total + range.last - range.first + 1n, 0n);
}
