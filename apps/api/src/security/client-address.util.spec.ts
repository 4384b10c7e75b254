import { rateLimitAddress, trustProxySetting } from './client-address.util';

describe('rate-limit addresses', () => {
  it('keep IPv4, also when mapped into IPv6', () => {
    expect(rateLimitAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
  });

  it('group IPv6 by its /64, however it is written', () => {
    expect(rateLimitAddress('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd:12::/64');
    expect(rateLimitAddress('2001:0db8:abcd:0012:ffff::1')).toBe('2001:db8:abcd:12::/64');
    expect(rateLimitAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('count an unknown address as one', () => {
    expect(rateLimitAddress(undefined)).toBe('unknown');
  });
});

describe('TRUST_PROXY', () => {
  it('maps to Express trust proxy values', () => {
    expect(trustProxySetting(undefined)).toBeUndefined();
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });
});
