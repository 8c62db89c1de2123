import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DB } from '@/db/client';
import { trpcHandler } from '@/server/api/http';

/** The app's API handler (server/api/http.ts) on a loopback port of its own, against `db`. */
export async function startTrpcServer(db: DB): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = createServer(trpcHandler(() => db));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
