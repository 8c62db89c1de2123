import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { KeptBytes } from './encoded-bodies';
import { isPublicDocument } from './public-paths';
import { contentSecurityPolicy } from './security-headers.mjs';

// The public documents — the directory, the fact sheets and the search page — are read, not
// operated: their links are plain links, their search is a GET form, and they work without
// JavaScript (issue 7). Hydrating them would buy nothing, yet React and the Next.js router cost a
// visitor's phone ~140 kB of JavaScript and a long start-up task, the one thing that kept the fact
// sheet's Lighthouse score from holding at 95. So the app's server sends them as the HTML Next.js
// rendered without the framework's scripts (and the inline copy of the page as React data that
// only hydration reads); structured data (JSON-LD) stays. Decision 016.


/**
 * Whether `req` asks for a public document as a page. The router of a hydrated page (the
 * workspace's link to the directory) asks the same path for React data, marked by its `rsc`
 * header: that answer is passed through as it is.
 */
export function asksForDocument(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.headers.rsc === undefined && isPublicDocument(req.url ?? '/');
}


const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/g;
const LINK = /<link\b[^>]*>/g;
const STRUCTURED_DATA = /\btype="application\/ld\+json"/;

function loadsScript(link: string): boolean {
  return /\brel="modulepreload"/.test(link) || (/\brel="preload"/.test(link) && /\bas="script"/.test(link));
}

/**
 * `html` without its scripts and script preloads, except structured data. React escapes `>` in
 * attribute values and `</script` inside inline scripts, so an element ends where the pattern says.
 */
export function withoutScripts(html: string): string {
  return html
    .replace(SCRIPT, (element, attributes: string) => (STRUCTURED_DATA.test(attributes) ? element : ''))
    .replace(LINK, (link) => (loadsScript(link) ? '' : link));
}

// The same cached page is sent many times: its script-free bytes are made once, and so are their
// compressed forms (brotli at quality 6: 127 kB → 13 kB for a fact sheet in ~3 ms, once, where
// compressing on every answer cost that much CPU per visitor).
const documentBodies = new KeptBytes((html) => Buffer.from(withoutScripts(html), 'utf8'));
const compressedBodies = {
  br: new KeptBytes(
    (html) => brotliCompressSync(documentBodies.get(html), { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
    16 * 1024 * 1024,
  ),
  gzip: new KeptBytes((html) => gzipSync(documentBodies.get(html), { level: 9 }), 16 * 1024 * 1024),
};
type Coding = keyof typeof compressedBodies;

/**
 * The content coding to send for an Accept-Encoding header: brotli, else gzip, else none
 * (RFC 9110 §12.5.3: a coding with q=0 is refused, `*` stands for any coding not named).
 */
export function preferredCoding(acceptEncoding: string | undefined): Coding | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  return weight('gzip') > 0 ? 'gzip' : undefined;
}

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

function bytesOf(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Makes `res` hold what Next.js writes (head and body) and send it when the answer ends: an HTML
 * page without its scripts, compressed as `req` accepts, with the length of what is sent and a
 * policy that allows no script; anything else unchanged, for the layers below (compression).
 */
export function sendAsDocument(req: IncomingMessage, res: ServerResponse): void {
  // A HEAD is rendered as the GET it stands for, so its length and coding are the GET's (Next.js
  // would give the length of the page with its scripts); Node sends no body in answer to a HEAD.
  if (req.method === 'HEAD') req.method = 'GET';
  const { writeHead, write, end } = res;
  const flushHeaders = Object.hasOwn(res, 'flushHeaders') ? res.flushHeaders : undefined;
  const flush = (res as { flush?: () => void }).flush;
  let head: unknown[] | undefined;
  let text: string | undefined;
  const chunks: Buffer[] = [];

  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    head = args;
    return this;
  } as ServerResponse['writeHead'];
  res.flushHeaders = () => {};
  if (flush) (res as { flush?: () => void }).flush = () => {};
  res.write = function (chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback) {
    chunks.push(bytesOf(chunk, typeof encoding === 'string' ? encoding : undefined));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse['write'];

  res.end = function (this: ServerResponse, chunk?: Chunk | Callback, encoding?: BufferEncoding | Callback, callback?: Callback) {
    const done = [chunk, encoding, callback].find((a): a is Callback => typeof a === 'function');
    if (typeof chunk === 'string' && chunks.length === 0 && typeof encoding !== 'string') text = chunk;
    else if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
      chunks.push(bytesOf(chunk, typeof encoding === 'string' ? encoding : undefined));

    res.writeHead = writeHead;
    res.write = write;
    res.end = end;
    if (flushHeaders) res.flushHeaders = flushHeaders;
    else delete (res as Partial<ServerResponse>).flushHeaders;
    if (flush) (res as { flush?: () => void }).flush = flush;

    // Next.js sets its headers one by one; a header object handed to writeHead counts as well.
    const given = head?.find((a) => a !== null && typeof a === 'object' && !Array.isArray(a)) as Record<string, unknown> | undefined;
    const named = (name: string) => Object.keys(given ?? {}).filter((key) => key.toLowerCase() === name);
    const contentType = res.getHeader('content-type') ?? named('content-type').map((key) => given?.[key])[0];
    const html = /^text\/html\b/.test(String(contentType ?? ''));
    // A page with no script may run none: whatever markup might slip into it stays inert.
    if (html) res.setHeader('content-security-policy', contentSecurityPolicy({ dev: false, scripts: 'none' }));
    let body: Buffer | undefined;
    if (text !== undefined || chunks.length > 0) {
      if (html) {
        const page = text ?? Buffer.concat(chunks).toString('utf8');
        const coding = preferredCoding(req.headers['accept-encoding']);
        body = coding ? compressedBodies[coding].get(page) : documentBodies.get(page);
        if (coding) res.setHeader('content-encoding', coding);
        const vary = String(res.getHeader('vary') ?? '');
        if (!/\baccept-encoding\b/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      } else body = text !== undefined ? Buffer.from(text, 'utf8') : Buffer.concat(chunks);
      for (const key of named('content-length')) delete given?.[key];
      res.setHeader('content-length', body.length);
    }
    if (head) (writeHead as (...args: unknown[]) => ServerResponse).apply(this, head);
    const finish = end as (...args: unknown[]) => ServerResponse;
    return body ? finish.call(this, body, done) : finish.call(this, done);
  } as ServerResponse['end'];
}
