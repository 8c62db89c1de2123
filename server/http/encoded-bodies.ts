import type { ServerResponse } from 'node:http';

// Next.js answers a cached page with the page's text (a JavaScript string, the same one on every
// hit), which Node encodes to UTF-8 again for every response: for a 1.2 MB fact sheet with Chinese
// names that was the largest single cost of serving it from cache (docs/decisions/015). Large
// bodies are encoded once and their bytes kept by their text: the answer is the same bytes, and a
// page that changes is a different text.

const SMALLEST = 64 * 1024;
const KEPT_BYTES = 64 * 1024 * 1024;

const kept = new Map<string, Buffer>();
let keptBytes = 0;

/** The UTF-8 bytes of `text`, from the kept ones when it was sent lately. */
export function encodedBody(text: string): Buffer {
  const known = kept.get(text);
  if (known) {
    kept.delete(text);
    kept.set(text, known);
    return known;
  }
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > KEPT_BYTES / 4) return bytes;
  kept.set(text, bytes);
  keptBytes += bytes.length;
  for (const [oldText, oldBytes] of kept) {
    if (keptBytes <= KEPT_BYTES) break;
    kept.delete(oldText);
    keptBytes -= oldBytes.length;
  }
  return bytes;
}

/** Makes `res.end(text)` with a large UTF-8 text send the kept bytes of that text. */
export function endWithEncodedBodies(res: ServerResponse): void {
  const end = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    const utf8 = encoding === undefined || typeof encoding === 'function' || encoding === 'utf8' || encoding === 'utf-8';
    const body = typeof chunk === 'string' && chunk.length >= SMALLEST && utf8 ? encodedBody(chunk) : chunk;
    return (end as (...args: unknown[]) => ServerResponse).call(this, body, encoding, callback);
  } as ServerResponse['end'];
}
