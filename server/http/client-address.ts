import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

// Which address a request comes from, for the sign-in throttle and the anonymous request budget.
// X-Forwarded-For is written by whoever sends the request, so it is believed only as far as the
// operator says a proxy of theirs stands in front of the app (TRUST_PROXY); otherwise the address
// is the socket's, whatever the header says.

export type ProxyTrust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: BlockList; text: string };

const MAX_HOPS = 10;

/** Reads TRUST_PROXY: unset/false/0 (no proxy), a hop count (1–10), or proxy addresses and CIDR ranges. */
export function parseTrustProxy(value: string | undefined): ProxyTrust | { error: string } {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_HOPS ? { kind: 'hops', hops } : { error: `a hop count must be at most ${MAX_HOPS}` };
  }
  const list = new BlockList();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [address, prefix, ...rest] = part.split('/');
    const family = isIP(address ?? '');
    if (!family || rest.length > 0) return { error: `"${part}" is not an IP address or CIDR range` };
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) return { error: `"${part}" has an invalid prefix length` };
      list.addSubnet(address!, bits, type);
    }
  }
  return { kind: 'addresses', list, text };
}

/** `::ffff:1.2.3.4` (IPv4 seen through an IPv6 socket) as `1.2.3.4`; anything else trimmed. */
function plainAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's, or with a trusted proxy in front the entry of
 * X-Forwarded-For that the nearest untrusted hop wrote. Null only when nothing is known.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: ProxyTrust): string | null {
  const socket = socketAddress ? plainAddress(socketAddress) : null;
  if (trust.kind === 'none') return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map(plainAddress)
    .filter((a) => isIP(a) !== 0);
  const chain = socket ? [...forwarded, socket] : forwarded;
  if (chain.length === 0) return null;
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted(trust.list, chain[i]!)) return chain[i]!;
  return chain[0]!;
}

/** The client address of a node request under the configured proxy trust. */
export function requestClientAddress(req: IncomingMessage, trust: ProxyTrust): string | null {
  return clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust);
}
