import superjson from 'superjson';
import { transformer, type Answer } from '../api/transformer';

// A signed-in HTTP client for the benchmark: it signs in through the real credentials endpoint
// (as the sign-in form does) and calls tRPC procedures as the browser does.

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Signs in and returns the Cookie header that carries the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  await res.arrayBuffer();
  const session = cookiesOf(res).find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return session;
}

export function trpcQueryPath(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

export function trpcBody(input: unknown): string {
  return JSON.stringify(superjson.serialize(input));
}

/** The headers of a same-site tRPC mutation (request-guard.ts refuses anything else). */
export function mutationHeaders(base: string, cookie: string): Record<string, string> {
  return { 'content-type': 'application/json', origin: base, cookie };
}

export async function trpcQuery<T>(base: string, cookie: string, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(base + trpcQueryPath(procedure, input), { headers: { cookie } });
  const body = (await res.json()) as { result?: { data: Answer } };
  if (!res.ok || !body.result) throw new Error(`${procedure} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return transformer.output.deserialize(body.result.data) as T;
}

export async function trpcMutation<T>(base: string, cookie: string, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${base}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: mutationHeaders(base, cookie),
    body: trpcBody(input),
  });
  const body = (await res.json()) as { result?: { data: Answer } };
  if (!res.ok || !body.result) throw new Error(`${procedure} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return transformer.output.deserialize(body.result.data) as T;
}
