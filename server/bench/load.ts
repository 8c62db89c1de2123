import autocannon from 'autocannon';

/** One scenario's request: every response must pass `check` (status 2xx and the right content). */
export type LoadTarget = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A new body per request (e.g. a numbered update), so writes are not all the same row. */
  bodyFor?: (n: number) => string;
  check: (body: string) => boolean;
};

/**
 * Closed loop: `connections` clients each sending the next request when the last answered. Open
 * loop: `rate` requests per second in all, spread over the connections, whatever the answers take.
 */
export type LoadOptions = { connections: number; durationS: number; rate?: number };

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
 */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let sequence = 0;
  let lastStatus = 0;
  let failed = 0;
  let wrongStatus = 0;
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.durationS,
    overallRate: options.rate,
    timeout: 30,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    requests: target.bodyFor ? [{ setupRequest: (req) => ({ ...req, body: target.bodyFor!(++sequence) }) }] : undefined,
    setupClient: (client) => {
      client.on('response', (status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
        lastStatus = status;
      });
    },
    // Called right after the 'response' event of the same request (synchronously), so
    // lastStatus is this response's status. A failure is counted once, whatever was wrong.
    verifyBody: (body) => {
      const good = lastStatus >= 200 && lastStatus < 300;
      if (!good) wrongStatus++;
      if (!good || !target.check(typeof body === 'string' ? body : String(body ?? ''))) failed++;
      return true;
    },
  });
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
