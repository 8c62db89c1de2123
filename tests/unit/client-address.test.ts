import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustProxy, type ProxyTrust } from '@/server/http/client-address';

function trust(value: string | undefined): ProxyTrust {
  const parsed = parseTrustProxy(value);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

describe('the client address (issue 15, finding 5)', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    for (const setting of [undefined, '', 'false', '0']) {
      expect(clientAddressOf('203.0.113.7', '198.51.100.1', trust(setting))).toBe('203.0.113.7');
      expect(clientAddressOf('203.0.113.7', ['1.1.1.1', '2.2.2.2'], trust(setting))).toBe('203.0.113.7');
    }
    expect(clientAddressOf('::ffff:127.0.0.1', 'anything', trust(undefined))).toBe('127.0.0.1');
  });

  it('believes as many hops as configured, and no more', () => {
    // client → proxy A (adds client) → proxy B (adds A) → app (socket is B)
    expect(clientAddressOf('10.0.0.2', '198.51.100.1, 10.0.0.1', trust('2'))).toBe('198.51.100.1');
    expect(clientAddressOf('10.0.0.2', '198.51.100.1, 10.0.0.1', trust('1'))).toBe('10.0.0.1');
    // A client prepending a fake address cannot move the answer.
    expect(clientAddressOf('10.0.0.1', '6.6.6.6, 198.51.100.1', trust('1'))).toBe('198.51.100.1');
    expect(clientAddressOf('10.0.0.1', undefined, trust('3'))).toBe('10.0.0.1');
  });

  it('skips trusted proxy addresses and ranges from the right', () => {
    const proxies = trust('127.0.0.1, 10.0.0.0/8, fd00::/8');
    expect(clientAddressOf('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3', proxies)).toBe('198.51.100.1');
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('fd00::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
    // Entries that are not addresses are not believed either.
    expect(clientAddressOf('127.0.0.1', 'evil, 198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddressOf('127.0.0.1', 'not-an-ip', proxies)).toBe('127.0.0.1');
  });

  it('refuses settings it cannot read, naming the part', () => {
    expect(parseTrustProxy('11')).toEqual({ error: 'a hop count must be at most 10' });
    expect(parseTrustProxy('10.0.0.0/33')).toEqual({ error: '"10.0.0.0/33" has an invalid prefix length' });
    expect(parseTrustProxy('proxy.example')).toEqual({ error: '"proxy.example" is not an IP address or CIDR range' });
  });
});
