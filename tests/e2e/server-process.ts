import { request, type APIRequestContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';

// A production server of a test's own (not the shared e2e server), so the test can stop, kill and
// restart it. It runs exactly as `npm start` does, in its own process group.

export type ServerOptions = { port: number; databaseUrl: string; env?: Record<string, string | undefined> };

export function startServer({ port, databaseUrl, env = {} }: ServerOptions): ChildProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return spawn(process.execPath, ['server/cli/start.mjs'], {
    env: childEnv,
    stdio: 'ignore',
    detached: true,
  });
}

export async function waitUntilUp(port: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/en/labs`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server on port ${port} did not start`);
}

/** Stops the server and everything it started (the whole process group). */
export async function stopServer(server: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    process.kill(-server.pid!, signal);
  } catch {
    // already gone
  }
  await exited;
  // SIGKILL leaves no time to clean up: make sure the Next.js child is gone too.
  try {
    process.kill(-server.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** An API client signed in through the credentials endpoint, sending a same-site Origin. */
export async function signedInApi(port: number, email: string, password = 'demo-password'): Promise<APIRequestContext> {
  const base = `http://localhost:${port}`;
  const api = await request.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
  const res = await api.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  return api;
}
