import type { ServerResponse } from 'node:http';

// Next.js answers a cached page with the page's text (a JavaScript string, the same one on every
// hit), which Node encodes to UTF-8 again for every response: for a 1.2 MB fact sheet with Chinese
// names that was the largest single cost of serving it from cache (docs/decisions/015). Large
// bodies are encoded once and their bytes kept by their text: the answer is the same bytes, and a
// page that changes is a different text.

const SMALLEST = 64 * 1024;

/** Bytes made from texts, kept by text, the least recently used dropped beyond a budget. */
export class KeptBytes {
  private readonly kept = new Map<string, Buffer>();
  private keptBytes = 0;

  constructor(
    private readonly make: (text: string) => Buffer,
    private readonly budget = 64 * 1024 * 1024,
  ) {}

  /** The bytes of `text`, from the kept ones when it was asked for lately. */
  get(text: string): Buffer {
    const known = this.kept.get(text);
    if (known) {
      this.kept.delete(text);
      this.kept.set(text, known);
      return known;
    }
    const bytes = this.make(text);
    if (bytes.length > this.budget / 4) return bytes;
    this.kept.set(text, bytes);
    this.keptBytes += bytes.length;
    for (const [oldText, oldBytes] of this.kept) {
      if (this.keptBytes <= this.budget) break;
      this.kept.delete(oldText);
      this.keptBytes -= oldBytes.length;
    }
    return bytes;
  }
}

const utf8Bodies = new KeptBytes((text) => Buffer.from(text, 'utf8'));

/** The UTF-8 bytes of `text`, from the kept ones when it was sent lately. */
export function encodedBody(text: string): Buffer {
  return utf8Bodies.get(text);
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
