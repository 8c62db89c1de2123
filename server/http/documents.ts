import type { ServerResponse } from 'node:http';
import { LOCALES } from '../domain/enums';
import { KeptBytes } from './encoded-bodies';

// The public documents — the directory, the fact sheets and the search page — are read, not
// operated: their links are plain links, their search is a GET form, and they work without
// JavaScript (issue 7). Hydrating them would buy nothing, yet React and the Next.js router cost a
// visitor's phone ~140 kB of JavaScript and a long start-up task, the one thing that kept the fact
// sheet's Lighthouse score from holding at 95. So the app's server sends them as the HTML Next.js
// rendered without the framework's scripts (and the inline copy of the page as React data that
// only hydration reads); structured data (JSON-LD) stays. Decision 016.

const DOCUMENT_PATH = new RegExp(`^/(?:${LOCALES.join('|')})/(?:labs(?:/[^/?#]+)?|search)/?(?:[?#]|$)`);

/** Whether `url` (path and query) names a public document. Feeds and images below a lab are not. */
export function isPublicDocument(url: string): boolean {
  return DOCUMENT_PATH.test(url);
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

// The same cached page is sent many times: its script-free bytes are made once.
const documentBodies = new KeptBytes((html) => Buffer.from(withoutScripts(html), 'utf8'));

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

function bytesOf(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Makes `res` hold what Next.js writes (head and body) and send it when the answer ends: an HTML
 * page without its scripts, with the length of what is sent; anything else unchanged. The layers
 * below (compression) see one finished answer.
 */
export function sendAsDocument(res: ServerResponse): void {
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
    let body: Buffer | undefined;
    if (text !== undefined || chunks.length > 0) {
      if (html) body = documentBodies.get(text ?? Buffer.concat(chunks).toString('utf8'));
      else body = text !== undefined ? Buffer.from(text, 'utf8') : Buffer.concat(chunks);
      for (const key of named('content-length')) delete given?.[key];
      res.setHeader('content-length', body.length);
    }
    if (head) (writeHead as (...args: unknown[]) => ServerResponse).apply(this, head);
    const finish = end as (...args: unknown[]) => ServerResponse;
    return body ? finish.call(this, body, done) : finish.call(this, done);
  } as ServerResponse['end'];
}
