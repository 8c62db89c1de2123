import autocannon from 'autocannon';
import { Agent, request } from 'node:http';

/** One scenario's request: every response must pass `check` (status 2xx and the right content). */
export type LoadTarget = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A new body per request (e.g. a numbered update), so writes are not all the same row. */
  bodyFor?: (n: number) => string;
  check: (body: string) => boolean;
  /** The least a right answer weighs in bytes (headers included): every answer is held to it. */
  minBytes?: number;
};

/** Closed loop: `connections` clients each sending the next request when the last answered. */
export type LoadOptions = { connections: number; durationS: number };

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses that were not 2xx, had the wrong content, timed out or failed to connect. */
  errors: number;
  non2xx: number;
  mismatches: number;
  connectionErrors: number;
  ok2xx: number;
  bytesPerRequest: number;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Drives one target with autocannon (no pipelining) and reports throughput, latency percentiles
 * from every response (autocannon's own table has no p95) and every kind of failure as errors.
 * Every answer's status and size are checked as it arrives; its content is checked on a sample
 * afterwards (holding every 500 kB answer as a string for the check cost the load generator a core
 * it shares with the server).
 */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let sequence = 0;
  let failed = 0;
  let wrongStatus = 0;
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.durationS,
    timeout: 30,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    requests: target.bodyFor ? [{ setupRequest: (req) => ({ ...req, body: target.bodyFor!(++sequence) }) }] : undefined,
    setupClient: (client) => {
      client.on('response', (status: number, bytes: number, ms: number) => {
        latencies.push(ms);
        const good = status >= 200 && status < 300;
        if (!good) wrongStatus++;
        if (!good || bytes < (target.minBytes ?? 0)) failed++;
      });
    },
  });
  if (!target.bodyFor) failed += await sampleMismatches(target, 3);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / (result.duration || options.durationS),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: failed + result.errors,
    non2xx: wrongStatus,
    mismatches: failed - wrongStatus,
    connectionErrors: result.errors,
    ok2xx: latencies.length - wrongStatus,
    bytesPerRequest: latencies.length ? result.throughput.total / latencies.length : 0,
  };
}

/** Of `n` answers asked for one after another, how many fail the target's content check. */
async function sampleMismatches(target: LoadTarget, n: number): Promise<number> {
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const res = await fetch(target.url, { method: target.method ?? 'GET', headers: target.headers, body: target.body });
    if (!res.ok || !target.check(await res.text())) wrong++;
  }
  return wrong;
}

/**
 * Open loop: one request every 1/rate seconds, evenly spaced, whatever the answers take (a new
 * connection when every open one is busy), as visitors arrive. Latency is counted from when a
 * request was due, so a server that falls behind shows it (no coordinated omission). autocannon's
 * rate option sends each connection's share at the same instant, a burst every second.
 */
export async function runOpenLoop(target: LoadTarget, options: { rate: number; durationS: number }): Promise<LoadResult> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const latencies: number[] = [];
  let failed = 0;
  let wrongStatus = 0;
  let connectionErrors = 0;
  let bytes = 0;
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.durationS);
  const started = performance.now();
  const send = (n: number, due: number) =>
    new Promise<void>((resolve) => {
      const body = target.bodyFor ? target.bodyFor(n) : target.body;
      const req = request(
        url,
        { method: target.method ?? 'GET', agent, headers: { ...target.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            latencies.push(performance.now() - due);
            bytes += text.length;
            const good = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
            if (!good) wrongStatus++;
            if (!good || !target.check(text)) failed++;
            resolve();
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        connectionErrors++;
        resolve();
      });
      req.end(body);
    });
  const pending: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + n * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(n, due));
  }
  await Promise.all(pending);
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: failed + connectionErrors,
    non2xx: wrongStatus,
    mismatches: failed - wrongStatus,
    connectionErrors,
    ok2xx: latencies.length - wrongStatus,
    bytesPerRequest: latencies.length ? bytes / latencies.length : 0,
  };
}
