/**
 * One outbound rule of a `TaskSecurityGroup`.
 *
 * Examples: `{ description: 'HTTPS anywhere', protocol: 'tcp', fromPort: 443 }`;
 * `{ description: 'Cloudflare Tunnel', protocol: 'udp', fromPort: 7844 }`.
 */
export interface EgressRule {
  /**
   * Why the rule exists. Shown in the AWS console next to the rule.
   * Required so every opening of the group explains itself.
   */
  readonly description: string;

  /**
   * IP protocol: `-1` (all traffic), `tcp`, `udp`, `icmp`, `icmpv6`, or a
   * protocol number from 0 to 255.
   *
   * @default '-1' (all traffic)
   */
  readonly protocol?: string;

  /**
   * First port of the range (for `icmp`/`icmpv6`: the ICMP type, -1 for all).
   * With protocol `-1` it must be 0.
   *
   * @default for tcp/udp: 0, or `toPort` when only that is set; for icmp: -1; otherwise 0
   */
  readonly fromPort?: number;

  /**
   * Last port of the range (for `icmp`/`icmpv6`: the ICMP code, -1 for all).
   * With protocol `-1` it must be 0.
   *
   * @default for tcp/udp: `fromPort` when that is set (a single port), else 65535; for icmp: -1; otherwise 0
   */
  readonly toPort?: number;

  /**
   * IPv4 destinations in CIDR notation, network address form (e.g. `0.0.0.0/0`).
   *
   * @default ['0.0.0.0/0'] when `ipv6CidrBlocks` is not set either, else none
   */
  readonly cidrBlocks?: string[];

  /**
   * IPv6 destinations in CIDR notation, network address form (e.g. `::/0`).
   *
   * @default none
   */
  readonly ipv6CidrBlocks?: string[];
}
