// The app's HTTP server, started by `npm start` (server/cli/start.ts): Next.js for pages, routes
// and assets, and tRPC answered here directly, outside Next.js's request pipeline, which cost more
// than the procedures themselves on large answers and small writes (docs/decisions/015). What
// Next.js answers is compressed here, and the public documents leave without scripts (016).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import compression from 'compression';
import next from 'next';
import { requestClientAddress } from './client-address';
import { asksForDocument, sendAsDocument } from './documents';
import { hasDecodablePath, refuseUndecodablePath } from './request-target';
import { endWithEncodedBodies } from './encoded-bodies';
import { pathRevalidator } from './revalidate';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

async function main() {
  const app = next({ dev, port, hostname: 'localhost', turbopack: dev });
  const nextHandler = app.getRequestHandler();
  await app.prepare();
  // Loaded only now: the router's services use next/cache, which needs the request storage that
  // Next.js sets up while preparing.
  const { setPublicRevalidator } = await import('../services/public-cache');
  const { TRPC_PATH, trpcHandler } = await import('./trpc-handler');

  // Mutations answered here mark the public pages they changed stale through a Next.js route.
  const revalidator = pathRevalidator(`http://127.0.0.1:${port}`);
  setPublicRevalidator(revalidator.revalidate);
  const trpc = trpcHandler({ dev, publicPagesSettled: revalidator.settled });

  // Compression is done here rather than by Next.js (next.config.mjs: compress: false), so that it
  // sees the public documents after their scripts are taken out.
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

  const { proxyTrust } = await import('../env');
  const trust = proxyTrust();

  const server = createServer((req, res) => {
    // Below this point X-Forwarded-For names the client as TRUST_PROXY allows, never as sent:
    // Next.js keeps a header the client wrote, and the sign-in throttle reads it.
    const address = requestClientAddress(req, trust);
    if (address) req.headers['x-forwarded-for'] = address;
    else delete req.headers['x-forwarded-for'];
    const url = req.url ?? '/';
    if (!hasDecodablePath(url)) return refuseUndecodablePath(res);
    if (url.startsWith(`${TRPC_PATH}/`)) return trpc(req, res);
    compress(req, res, () => {
      // In development the pages keep their scripts: they carry the dev server's live reload.
      if (!dev && asksForDocument(req)) sendAsDocument(req, res);
      else endWithEncodedBodies(res);
      void nextHandler(req, res);
    });
  });
  server.listen(port, () => console.log(`✓ Ready: listening on port ${port}${dev ? ' (development)' : ''}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
