import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import compression from 'compression';
import { afterEach, describe, expect, it } from 'vitest';
import { asksForDocument, preferredCoding, sendAsDocument, withoutScripts } from '../../server/http/documents';
import { isPublicDocument } from '../../server/http/public-paths';
import { contentSecurityPolicy } from '../../server/http/security-headers.mjs';

// The shape of what Next.js renders: stylesheet, script preload, async chunks, the nomodule
// polyfill, the page (with JSON-LD) and the inline React data that only hydration reads.
const PAGE = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
  '<link rel="preload" as="image" href="/chart.svg"/>',
  '<script src="/_next/static/chunks/c.js" async=""></script>',
  '<title>绿色低碳汽车钢 · Consortium Tracker</title>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>',
  '<body><main><script type="application/ld+json">{"name":"绿色低碳汽车钢 \\u003c/script"}</script>',
  '<h1>绿色低碳汽车钢</h1><p>a &gt; b</p></main>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:[\\"$\\",\\"h1\\",null,{\\"children\\":\\"\\u003c/script\\u003e\\"}]"])</script>',
  '</body></html>',
].join('');

const STRIPPED = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="image" href="/chart.svg"/>',
  '<title>绿色低碳汽车钢 · Consortium Tracker</title>',
  '</head>',
  '<body><main><script type="application/ld+json">{"name":"绿色低碳汽车钢 \\u003c/script"}</script>',
  '<h1>绿色低碳汽车钢</h1><p>a &gt; b</p></main>',
  '</body></html>',
].join('');

describe('public documents', () => {
  it('are the directory, the fact sheets and the search page in each language', () => {
    for (const url of [
      '/en/labs',
      '/zh-CN/labs',
      '/en/labs/',
      '/en/labs?q=oled&sector=electronics',
      '/en/labs/new-display-lab',
      '/zh-CN/labs/green-auto-steel?x=1',
      '/en/search',
      '/zh-CN/search?q=钢',
    ])
      expect(isPublicDocument(url), url).toBe(true);
    for (const url of [
      '/labs',
      '/fr/labs',
      '/en',
      '/en/labs/new-display-lab/feed.xml',
      '/en/labs/new-display-lab/calendar.ics',
      '/en/labs/new-display-lab/share.png',
      '/en/labs/share.png',
      '/en/labsx',
      '/en/signin',
      '/en/workspace/labs/new-display-lab',
      '/api/trpc/directory.search',
      '/_next/static/chunks/c.js',
    ])
      expect(isPublicDocument(url), url).toBe(false);
  });

  it("are asked for as pages, not as the React data a hydrated page's router fetches", () => {
    const req = (method: string, url: string, headers: Record<string, string> = {}) =>
      ({ method, url, headers }) as unknown as IncomingMessage;
    expect(asksForDocument(req('GET', '/en/labs/new-display-lab'))).toBe(true);
    expect(asksForDocument(req('HEAD', '/zh-CN/labs'))).toBe(true);
    expect(asksForDocument(req('GET', '/en/labs?_rsc=1x2y', { rsc: '1' }))).toBe(false);
    expect(asksForDocument(req('POST', '/en/labs'))).toBe(false);
    expect(asksForDocument(req('GET', '/en/workspace'))).toBe(false);
  });

  it('may run no script at all; the rest of the policy is the one every page has', () => {
    const scriptless = contentSecurityPolicy({ dev: false, scripts: 'none' });
    const page = contentSecurityPolicy({ dev: false, scripts: { nonce: 'abc' } });
    expect(scriptless).toContain("script-src 'none';");
    expect(page).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(scriptless.replace("script-src 'none'", '')).toBe(page.replace(/script-src [^;]*/, ''));
  });

  it('lose their scripts and script preloads, and keep structured data, styles and other preloads', () => {
    expect(withoutScripts(PAGE)).toBe(STRIPPED);
    expect(withoutScripts(STRIPPED)).toBe(STRIPPED);
  });
});

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function serve(send: (res: ServerResponse) => void, init: { accept?: string; method?: string } = {}) {
  const compress = compression() as unknown as (req: unknown, res: ServerResponse, next: () => void) => void;
  server = createServer((req, res) => {
    compress(req, res, () => {
      sendAsDocument(req, res);
      send(res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  // Read with node:http, which hands over the bytes as sent (fetch would decompress them).
  const { port } = server!.address() as AddressInfo;
  const res = await new Promise<IncomingMessage>((resolve, reject) =>
    request(
      {
        port,
        host: '127.0.0.1',
        path: '/en/labs',
        method: init.method ?? 'GET',
        headers: { 'accept-encoding': init.accept ?? 'identity' },
      },
      resolve,
    )
      .on('error', reject)
      .end(),
  );
  const parts: Buffer[] = [];
  for await (const part of res) parts.push(part as Buffer);
  const bytes = Buffer.concat(parts);
  return { res, bytes, text: bytes.toString('utf8') };
}

describe('sending a document', () => {
  it('sends a page handed over whole without its scripts, with the length of what is sent', async () => {
    let called = false;
    const { res, text } = await serve((r) => {
      r.setHeader('content-type', 'text/html; charset=utf-8');
      r.setHeader('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self'");
      r.setHeader('content-length', Buffer.byteLength(PAGE));
      r.writeHead(200);
      r.end(PAGE, () => (called = true));
    });
    expect(res.statusCode).toBe(200);
    expect(text).toBe(STRIPPED);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(STRIPPED));
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy({ dev: false, scripts: 'none' }));
    expect(called).toBe(true);
  });

  it('gathers a streamed page, even split inside a character, and sends it at the end', async () => {
    const bytes = Buffer.from(PAGE, 'utf8');
    const cut = bytes.indexOf(Buffer.from('绿', 'utf8')) + 1;
    const { res, text } = await serve((r) => {
      r.flushHeaders();
      r.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(bytes.length) });
      r.write(bytes.subarray(0, cut));
      r.write(bytes.subarray(cut).toString('latin1'), 'latin1');
      r.end();
    });
    expect(text).toBe(STRIPPED);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(STRIPPED));
  });

  it('sends what remains compressed as the visitor accepts, compressed once for every visitor', async () => {
    const send = (r: ServerResponse) => {
      r.setHeader('content-type', 'text/html; charset=utf-8');
      r.setHeader('vary', 'rsc');
      r.end(PAGE.repeat(50));
    };
    const brotli = await serve(send, { accept: 'gzip, deflate, br, zstd' });
    expect(brotli.res.headers['content-encoding']).toBe('br');
    expect(brotli.res.headers.vary).toBe('rsc, Accept-Encoding');
    expect(Number(brotli.res.headers['content-length'])).toBe(brotli.bytes.length);
    expect(brotliDecompressSync(brotli.bytes).toString('utf8')).toBe(STRIPPED.repeat(50));
    server?.close();
    const gzip = await serve(send, { accept: 'gzip;q=1, br;q=0' });
    expect(gzip.res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.bytes).toString('utf8')).toBe(STRIPPED.repeat(50));
    server?.close();
    // The same page again: the very same compressed bytes, not compressed anew.
    expect((await serve(send, { accept: 'gzip' })).bytes.equals(gzip.bytes)).toBe(true);
    server?.close();
    const plain = await serve(send, { accept: 'identity' });
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(STRIPPED.repeat(50));
  });

  it('chooses brotli, else gzip, else no coding, honouring q-values and the wildcard', () => {
    expect(preferredCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredCoding('gzip, deflate')).toBe('gzip');
    expect(preferredCoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(preferredCoding('gzip;q=0, br;q=0')).toBeUndefined();
    expect(preferredCoding('*')).toBe('br');
    expect(preferredCoding('*;q=0, gzip')).toBe('gzip');
    expect(preferredCoding('identity')).toBeUndefined();
    expect(preferredCoding('')).toBeUndefined();
    expect(preferredCoding(undefined)).toBeUndefined();
  });

  it('answers a HEAD with the headers of the GET it stands for, and no body', async () => {
    const asGet = (r: ServerResponse) => {
      r.setHeader('content-type', 'text/html; charset=utf-8');
      r.setHeader('content-length', Buffer.byteLength(PAGE));
      r.end(PAGE.repeat(20));
    };
    const get = await serve(asGet, { accept: 'br' });
    server?.close();
    const head = await serve(asGet, { accept: 'br', method: 'HEAD' });
    expect(head.bytes.length).toBe(0);
    expect(head.res.headers['content-encoding']).toBe('br');
    expect(head.res.headers['content-length']).toBe(get.res.headers['content-length']);
    expect(Number(get.res.headers['content-length'])).toBe(get.bytes.length);
  });

  it('sends anything other than HTML, and a body-less answer, as it was', async () => {
    const feed = `<?xml version="1.0"?><feed><script>kept</script></feed>`;
    const xml = await serve((r) => {
      r.setHeader('content-type', 'application/atom+xml');
      r.setHeader('content-security-policy', "script-src 'self'");
      r.end(feed);
    });
    expect(xml.text).toBe(feed);
    expect(xml.res.headers['content-security-policy']).toBe("script-src 'self'");
    const redirect = await serve((r) => {
      r.writeHead(307, { Location: '/en/labs' });
      r.end();
    });
    expect(redirect.res.statusCode).toBe(307);
    expect(redirect.res.headers.location).toBe('/en/labs');
  });
});
