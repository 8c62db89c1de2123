import { randomBytes } from 'node:crypto';

export const REVALIDATE_TOKEN_ENV = 'CONSORTIUM_REVALIDATE_TOKEN';
export const REVALIDATE_TOKEN_HEADER = 'x-revalidate-token';
export const REVALIDATE_ROUTE = '/api/internal/revalidate';

/**
 * Passes public paths changed by a tRPC mutation (which the app's server answers outside Next.js)
 * to the Next.js route that marks them stale. Paths from the same turn of the event loop go in one
 * request; a failed request is logged and never fails the mutation, which has committed already.
 */
export function pathRevalidator(origin: string, log: (message: string) => void = console.error) {
  const token = randomBytes(32).toString('base64url');
  process.env[REVALIDATE_TOKEN_ENV] = token;
  let pending = new Set<string>();
  let inFlight: Promise<void> = Promise.resolve();
  let unsent = 0;

  async function send(paths: string[]): Promise<void> {
    try {
      const res = await fetch(`${origin}${REVALIDATE_ROUTE}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [REVALIDATE_TOKEN_HEADER]: token },
        body: JSON.stringify({ paths }),
      });
      if (!res.ok) log(`Refreshing public pages failed: ${res.status} ${await res.text()}`);
    } catch (error) {
      log(`Refreshing public pages failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    /** Queues paths; they are sent once the current request's work is done. */
    revalidate(paths: string[]): void {
      if (pending.size === 0) {
        unsent++;
        setImmediate(() => {
          const batch = [...pending];
          pending = new Set();
          inFlight = inFlight.then(() => send(batch)).finally(() => unsent--);
        });
      }
      for (const path of paths) pending.add(path);
    },
    /** Resolves when every path queued so far has been handed to Next.js (at once when none is). */
    async settled(): Promise<void> {
      if (unsent === 0) return;
      await new Promise((resolve) => setImmediate(resolve));
      await inFlight;
    },
  };
}
