import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pathRevalidator, REVALIDATE_ROUTE, REVALIDATE_TOKEN_ENV, REVALIDATE_TOKEN_HEADER } from '../../server/http/revalidate';

type Received = { url: string; token: string | undefined; paths: string[] };

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function listen(status = 204): Promise<{ origin: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', token: req.headers[REVALIDATE_TOKEN_HEADER] as string | undefined, paths: (JSON.parse(body) as { paths: string[] }).paths });
      res.statusCode = status;
      res.end(status === 204 ? undefined : 'refused');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, received };
}

describe('pathRevalidator', () => {
  it('sends the paths of one turn in one request, with the token it put in the environment', async () => {
    const { origin, received } = await listen();
    const revalidator = pathRevalidator(origin);
    revalidator.revalidate(['/en/labs', '/en/labs/a']);
    revalidator.revalidate(['/en/labs', '/zh-CN/labs/a']);
    await revalidator.settled();
    expect(received).toEqual([{ url: REVALIDATE_ROUTE, token: process.env[REVALIDATE_TOKEN_ENV], paths: ['/en/labs', '/en/labs/a', '/zh-CN/labs/a'] }]);
    expect(process.env[REVALIDATE_TOKEN_ENV]).toMatch(/^[\w-]{43}$/);

    revalidator.revalidate(['/en/labs/b']);
    await revalidator.settled();
    expect(received.map((r) => r.paths)).toEqual([['/en/labs', '/en/labs/a', '/zh-CN/labs/a'], ['/en/labs/b']]);
  });

  it('settles at once when nothing is queued', async () => {
    const { origin, received } = await listen();
    await pathRevalidator(origin).settled();
    expect(received).toEqual([]);
  });

  it('logs a refused or failed request and still settles', async () => {
    const { origin } = await listen(500);
    const logged: string[] = [];
    const refused = pathRevalidator(origin, (m) => logged.push(m));
    refused.revalidate(['/en/labs']);
    await refused.settled();
    const unreachable = pathRevalidator('http://127.0.0.1:9', (m) => logged.push(m));
    unreachable.revalidate(['/en/labs']);
    await unreachable.settled();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain('500 refused');
    expect(logged[1]).toContain('Refreshing public pages failed');
  });
});
