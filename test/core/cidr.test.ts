import { isIpv6Cidr, parseIpv4Cidr, wholeFamilyCovered } from '../../src/core/cidr';

describe('CIDR parsing', () => {
  test.each([
    ['10.0.0.0/16', 0x0a000000, 16],
    ['0.0.0.0/0', 0, 0],
    ['192.168.1.128/25', 0xc0a80180, 25],
    ['255.255.255.255/32', 0xffffffff, 32],
  ])('IPv4 %p parses', (text, address, prefixLength) => {
    expect(parseIpv4Cidr(text)).toEqual({ address, prefixLength });
  });

  test.each(['10.0.0.0', '10.0.0/16', '10.0.0.01/16', '10.0.0.1/16', '10.0.0.0/33', '1.2.3.4.5/8', ' 10.0.0.0/16'])('IPv4 %p is rejected', text => {
    expect(parseIpv4Cidr(text)).toBeUndefined();
  });

  test.each(['::/0', '2001:db8::/32', 'fd00::/8', '2001:db8:0:0:0:0:0:0/64', '::1/128'])('IPv6 %p is accepted', text => {
    expect(isIpv6Cidr(text)).toBe(true);
  });

  test.each(['::1/64', '2001:db8::/129', '2001:db8::', 'gggg::/16', '0.0.0.0/0', '::ffff:1.2.3.4/128'])('IPv6 %p is rejected', text => {
    expect(isIpv6Cidr(text)).toBe(false);
  });
});

describe('wholeFamilyCovered', () => {
  test.each([
    [['0.0.0.0/0'], 'IPv4'],
    [['::/0'], 'IPv6'],
    [['128.0.0.0/1', '0.0.0.0/1'], 'IPv4'],
    [['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/3', '224.0.0.0/3'], 'IPv4'],
    [['::/1', '8000::/1'], 'IPv6'],
    [['::ffff:0:0/96'], 'IPv4'],
    [['::ffff:0:0/97', '128.0.0.0/1'], 'IPv4'],
    [['::/80'], 'IPv4'],
    [['::/1'], 'IPv4'],
  ])('%p covers all of %s', (cidrs, family) => {
    expect(wholeFamilyCovered(cidrs)).toBe(family);
  });

  test.each([
    [['0.0.0.0/1']],
    [['0.0.0.0/1', '128.0.0.0/2', '192.0.0.0/3']],
    [['0.0.0.0/1', '128.0.0.1/32']],
    [['8000::/1', '2001:db8::/32']],
    [['::ffff:0:0/97']],
    [['not-a-cidr', '${TfToken[TOKEN.1]}']],
    [[]],
  ])('%p leaves a gap', (cidrs) => {
    expect(wholeFamilyCovered(cidrs)).toBeUndefined();
  });
});
