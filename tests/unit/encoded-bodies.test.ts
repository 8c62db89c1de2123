import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodedBody, endWithEncodedBodies } from '../../server/http/encoded-bodies';

const LARGE = `<p>绿色低碳汽车钢 · Green steel</p>`.repeat(4000);

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function serve(send: (res: import('node:http').ServerResponse) => void) {
  server = createServer((_req, res) => {
    endWithEncodedBodies(res);
    send(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const res = await fetch(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/`);
  return { text: await res.text(), length: res.headers.get('content-length') };
}

describe('encoded bodies', () => {
  it('gives the UTF-8 bytes of a text, the same kept bytes for the same text again', () => {
    const bytes = encodedBody(LARGE);
    expect(bytes.equals(Buffer.from(LARGE, 'utf8'))).toBe(true);
    expect(encodedBody(LARGE)).toBe(bytes);
    expect(encodedBody(`${LARGE}!`)).not.toBe(bytes);
  });

  it('sends a large text body as exactly those bytes, with or without a callback', async () => {
    const plain = await serve((res) => {
      res.setHeader('content-length', Buffer.byteLength(LARGE));
      res.end(LARGE);
    });
    expect(plain.text).toBe(LARGE);
    expect(Number(plain.length)).toBe(Buffer.byteLength(LARGE));
    let called = false;
    const withCallback = await serve((res) => res.end(LARGE, () => (called = true)));
    expect(withCallback.text).toBe(LARGE);
    expect(called).toBe(true);
  });

  it('leaves small bodies, other encodings and buffers as they are', async () => {
    expect((await serve((res) => res.end('small 文本'))).text).toBe('small 文本');
    const latin = 'é'.repeat(70_000);
    expect((await serve((res) => res.end(Buffer.from(latin, 'latin1').toString('latin1'), 'latin1'))).text).toBe(Buffer.from(latin, 'latin1').toString('utf8'));
    expect((await serve((res) => res.end(Buffer.from(LARGE)))).text).toBe(LARGE);
  });
});
