// One server process: Next.js's documented custom server (`next()` and its request handler) on a
// node:http server, behind the checks Next.js cannot make itself, with the app's API (tRPC's node
// adapter) beside it. Started by the primary (primary.ts) once per core in production, or alone by
// `npm run dev`.
import { createServer } from 'node:http';
import next from 'next';
import { proxyTrust } from '../env';
import { requestClientAddress } from './client-address';
import { TRPC_ENDPOINT, trpcHandler } from '../api/http';
import { hasDecodablePath, isReadOfPublicPage, refuseMethod, refuseUndecodablePath } from './request-target';
import { guardPagePost } from './request-guard';
import { hsts, policyHeader, securityHeaders } from './security-headers.mjs';
import { getDb } from '../db';
import { JOB_HANDLERS, JOB_SCHEDULES } from '../services/job-handlers';
import { startProcessJobRunner } from '../services/jobs';

const dev = process.argv.includes('--dev') || process.env.NODE_ENV === 'development';
const port = Number(process.env.PORT ?? 3000);

const headerOf = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));

async function main() {
  const app = next({ dev, port, hostname: 'localhost', turbopack: dev });
  const handle = app.getRequestHandler();
  await app.prepare();
  const trust = proxyTrust();
  const trpc = trpcHandler();
  // The headers next.config.mjs gives every answer of Next.js, for the API's answers too.
  const apiHeaders = [...securityHeaders(), policyHeader(dev)];

  const server = createServer((req, res) => {
    // Next.js answers an address whose escapes are not UTF-8 with a 500 of its own.
    if (!hasDecodablePath(req.url ?? '/')) return refuseUndecodablePath(res);
    if (!isReadOfPublicPage(req.method, req.url ?? '/')) return refuseMethod(res);
    // Below this point X-Forwarded-For names the client as TRUST_PROXY allows, never as sent:
    // Next.js keeps a header the client wrote, and the throttles and budgets read it.
    const address = requestClientAddress(req, trust);
    if (address) req.headers['x-forwarded-for'] = address;
    else delete req.headers['x-forwarded-for'];
    if (req.url?.startsWith(`${TRPC_ENDPOINT}/`)) {
      for (const { key, value } of apiHeaders) res.setHeader(key, value);
      if (req.headers['x-forwarded-proto'] === 'https') res.setHeader(hsts.key, hsts.value);
      return trpc(req, res);
    }
    if (req.method === 'POST' && !req.url?.startsWith('/api/')) {
      const guard = guardPagePost({
        method: req.method,
        url: `http://${req.headers.host ?? 'localhost'}${req.url}`,
        headers: { get: (name) => headerOf(req.headers[name]) },
      });
      if (!guard.ok) {
        res.statusCode = guard.status;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        return void res.end(guard.reason);
      }
    }
    void handle(req, res);
  });
  // Longer than a load balancer's idle timeout, so it closes idle connections, not the app.
  server.keepAliveTimeout = 65_000;
  server.listen(
    port,
    () =>
      process.send?.({ ready: true, pid: process.pid }) ?? console.log(`✓ Ready: listening on port ${port}${dev ? ' (development)' : ''}`),
  );

  // Every server process runs the job runner; the jobs table decides which one runs each job.
  const jobRunner = startProcessJobRunner(getDb(), { handlers: JOB_HANDLERS, schedules: JOB_SCHEDULES });

  const stop = () => {
    // The job in hand finishes first (or its lease runs out and another process takes it).
    server.close(() => void jobRunner.stop().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
