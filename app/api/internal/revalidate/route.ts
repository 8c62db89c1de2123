import { revalidatePath } from 'next/cache';
import { createHash, timingSafeEqual } from 'node:crypto';
import { REVALIDATE_TOKEN_ENV, REVALIDATE_TOKEN_HEADER } from '../../../../server/http/revalidate';

// Marks public pages stale on behalf of the app's server, whose tRPC handler runs outside Next.js
// (server/http/serve.ts, docs/decisions/015). Only that process knows the token: it is made at
// start-up and never leaves the process, so to anyone else this route does not exist.
/** Compares digests, which have one length whatever was sent (a token's UTF-8 may be longer than its text). */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function POST(req: Request) {
  const expected = process.env[REVALIDATE_TOKEN_ENV];
  const given = req.headers.get(REVALIDATE_TOKEN_HEADER);
  if (!expected || !given || !sameToken(given, expected)) return new Response('Not found', { status: 404 });
  const body = (await req.json().catch(() => null)) as { paths?: unknown } | null;
  const paths = Array.isArray(body?.paths) ? body.paths : [];
  if (!paths.every((p): p is string => typeof p === 'string' && p.startsWith('/') && !p.startsWith('//'))) {
    return Response.json({ error: 'paths must be a list of site paths' }, { status: 400 });
  }
  for (const path of paths) revalidatePath(path);
  return new Response(null, { status: 204 });
}
