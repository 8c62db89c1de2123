import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveResponse } from '@trpc/server/http';
import { getDb, type DB } from '../../db/client';
import { appRouter } from '../api/root';
import { createContext } from '../api/trpc';
import { sessionTokenFromCookieHeader, sessionUserFromToken } from '../auth';
import { LOCALE_COOKIE, negotiateLocale } from '../i18n';
import { guardMutation, type GuardedRequest } from './request-guard';
import { cookieValue } from './route-helpers';
import { proxyTrust } from '../env';
import { AppError } from '../errors';
import { requestClientAddress } from './client-address';
import { hsts, securityHeaders } from './security-headers.mjs';

export const TRPC_PATH = '/api/trpc';

/** The largest request body a procedure is handed; inputs here are small forms (1 MiB is plenty). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The most calls one batched request may carry (the app's own client batches at most this many,
 * app/_trpc/client.tsx): without a bound one request could ask for hundreds of answers at once.
 */
export const MAX_BATCH_SIZE = 10;

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/**
 * The headers tRPC's protocol reads (the body's type, the answer's format, a subscription's resume
 * point). The context reads the session and locale from the node request itself, so the web
 * Request carries only these; copying every header into it was a measurable part of a small call.
 */
const PROTOCOL_HEADERS = ['content-type', 'accept', 'trpc-accept', 'last-event-id'];

function protocolHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const name of PROTOCOL_HEADERS) {
    const value = header(req, name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

/** The request body as text, or null once it passes the limit. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A web Request over a body already read from the node request. tRPC reads a call's input with
 * `json()`; answering it from the text in hand spares undici making and draining a stream of it.
 */
class ReadRequest extends Request {
  constructor(
    url: URL,
    init: RequestInit,
    private readonly bodyText: string,
  ) {
    super(url, init);
  }

  override async json(): Promise<unknown> {
    return JSON.parse(this.bodyText);
  }

  override async text(): Promise<string> {
    return this.bodyText;
  }
}

function sendError(res: ServerResponse, status: number, message: string) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ error: { message } }));
}

/**
 * tRPC over node:http, for the app's server (serve.ts) to answer /api/trpc before Next.js sees the
 * request: the same router, session check, cross-site guard, locale and headers as a Next.js route
 * would have, without Next.js's request pipeline around it (docs/decisions/015). Built on tRPC's
 * `resolveResponse` as its adapter guide says, with the body read whole and the answer written in
 * one piece: the app's procedures neither stream nor subscribe, and the stream plumbing of tRPC's
 * own node adapter was a fifth of a small write's time.
 */
export function trpcHandler({
  dev,
  publicPagesSettled,
  database = getDb,
}: {
  dev: boolean;
  publicPagesSettled: () => Promise<void>;
  /** The database procedures use; tests pass their own. */
  database?: () => DB;
}) {
  const headers = securityHeaders(dev);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${header(req, 'host') ?? 'localhost'}`);
    const guarded: GuardedRequest = { method: req.method ?? 'GET', url: url.href, headers: { get: (name) => header(req, name) } };
    const guard = guardMutation(guarded);
    if (!guard.ok) return sendError(res, guard.status, guard.reason);

    let body: string | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const text = await readBody(req);
      if (text === null) return sendError(res, 413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
      body = text;
    }
    const response = await resolveResponse({
      router: appRouter,
      req: new ReadRequest(url, { method: req.method, headers: protocolHeaders(req) }, body ?? ''),
      path: url.pathname.slice(TRPC_PATH.length + 1),
      error: null,
      maxBatchSize: MAX_BATCH_SIZE,
      responseMeta: ({ errors }) => {
        const wait = errors.map((e) => (e instanceof AppError ? e.retryAfterSeconds : undefined)).find((s) => s !== undefined);
        return wait === undefined ? {} : { headers: new Headers({ 'retry-after': String(wait) }) };
      },
      createContext: async () => {
        const db = database();
        const cookie = header(req, 'cookie');
        return createContext({
          db,
          user: await sessionUserFromToken(db, sessionTokenFromCookieHeader(cookie)),
          locale: negotiateLocale(header(req, 'x-locale') ?? cookieValue(cookie, LOCALE_COOKIE), header(req, 'accept-language')),
          publicPagesSettled,
          clientAddress: requestClientAddress(req, proxyTrust()),
        });
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
      },
    });
    res.statusCode = response.status;
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') res.setHeader(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader('set-cookie', cookies);
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    for (const { key, value } of headers) res.setHeader(key, value);
    if (header(req, 'x-forwarded-proto') === 'https') res.setHeader(hsts.key, hsts.value);
    handle(req, res).catch((error: unknown) => {
      console.error('tRPC request failed:', error);
      if (!res.headersSent) sendError(res, 500, 'Internal server error');
      else res.end();
    });
  };
}
