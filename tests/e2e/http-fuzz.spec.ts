import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { connect } from 'node:net';
import { signedInApi } from './server-process';

// The fuzzing of tests/integration/fuzz.test.ts calls procedures directly; this sends what an
// attacker sends to the running server over HTTP: control characters and broken percent-escapes
// in paths and queries, malformed and oversized cookies, odd header values, garbage bodies. No
// answer may be a server error (issue 15: a NUL in a search and a `%` cookie both answered 500).
// Fixed seed; FUZZ_SEED and FUZZ_RUNS run it longer.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** Sends bytes exactly as given (a client library would refuse some of them) and reads the status. */
function rawRequest(head: string, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(PORT, '127.0.0.1');
    let answer = '';
    socket.setTimeout(30_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(head.slice(0, 200))}`)));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      if (status) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
    // Written, not ended: a half-closed connection gets no answer from Node's server at all.
    socket.write(Buffer.from(head + body, 'latin1'));
  });
}

const PATHS = [
  '/en/labs',
  '/zh-CN/labs/new-display-lab',
  '/en/labs/{x}',
  '/en/search?q={x}',
  '/en/search?q={x}&sector={x}&page={x}',
  '/en/signin?callbackUrl={x}',
  '/en/invite/{x}',
  '/en/reset/{x}',
  '/en/workspace',
  '/en/workspace/labs/{x}',
  '/en/workspace/labs/new-display-lab/timeline?zoom={x}&phase={x}',
  '/en/workspace/labs/new-display-lab/activity?person={x}&from={x}',
  '/en/workspace/labs/new-display-lab/goals/{x}',
  '/en/labs/{x}/feed.xml',
  '/en/labs/{x}/calendar.ics',
  '/api/calendar/{x}',
  '/api/labs/{x}/milestones.csv',
  '/api/labs/new-display-lab/audit.csv?from={x}',
  '/api/export/goals.csv?labId={x}',
  '/api/trpc/directory.search?input={x}',
  '/api/trpc/directory.factSheet?input={x}',
  '/api/trpc/{x}?batch=1&input={x}',
  '/api/trpc/lab.context?input={x}',
  '/api/auth/session',
  '/{x}',
];

/** Text an attacker would try: control characters, broken escapes, very long, other scripts. */
const evil = fc.oneof(
  fc.constantFrom('%00', '%00abc', 'abc%00', '%0A', '%0D%0A', '%09', '%1F', '%7F', '%', '%E0%A4%A', '%FF%FE', '%C0%AF', '..%2F..%2F', '%2F%09%2Fevil.example'),
  fc.constantFrom('"', "'", '<script>', '\\', '{"json":', '[]', 'null', '1e309', '-1', '0', '9'.repeat(40)),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
  fc.constant('x'.repeat(4000)),
);

const SESSION = 'next-auth.session-token';
const badCookie = fc.oneof(
  fc.constantFrom(`${SESSION}=%`, `${SESSION}=%E0%A4%A`, `${SESSION}=`, `${SESSION}`, `${SESSION}="`, `${SESSION}=a.b.c.d.e`, `=%`, ';;;', 'NEXT_LOCALE=%'),
  fc.constantFrom(`${SESSION}=${'A'.repeat(6000)}`, `NEXT_LOCALE=xx-YY; ${SESSION}=eyJ%00`, `${SESSION}=%00`),
  fc.string({ maxLength: 40 }).map((s) => `${SESSION}=${encodeURIComponent(s)}%`),
);

const oddHeader = fc.oneof(
  fc.constantFrom('', '*', ';q=abc', 'zh-CN;q=2, en;q=-1', '\t', 'gzip;q=0, br;q=NaN', '127.0.0.1, ::1, garbage', 'a'.repeat(3000)),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
);

const requestShape = fc.record({
  path: fc.constantFrom(...PATHS),
  fill: evil,
  cookie: fc.option(badCookie, { nil: undefined }),
  header: fc.constantFrom('accept-language', 'x-locale', 'accept-encoding', 'x-forwarded-for', 'if-none-match', 'range', 'rsc', 'next-router-state-tree'),
  headerValue: oddHeader,
  method: fc.constantFrom('GET', 'GET', 'HEAD', 'POST'),
  body: fc.oneof(fc.constant(''), fc.constant('{"json":'), fc.constant('{"0":{"json":null}}'), evil),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=', ''),
});

test('nothing an attacker sends over HTTP makes the server answer with a server error', async () => {
  test.setTimeout(300_000);
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(requestShape, async (r) => {
      const target = r.path.replaceAll('{x}', r.fill);
      const lines = [`${r.method} ${target} HTTP/1.1`, `Host: localhost:${PORT}`, `Origin: http://localhost:${PORT}`, 'Connection: close'];
      if (r.cookie !== undefined) lines.push(`Cookie: ${r.cookie}`);
      lines.push(`${r.header}: ${r.headerValue}`);
      const body = r.method === 'POST' ? r.body : '';
      if (r.method === 'POST') lines.push(`Content-Type: ${r.contentType}`, `Content-Length: ${Buffer.byteLength(body, 'latin1')}`);
      const status = await rawRequest(lines.join('\r\n') + '\r\n\r\n', body);
      if (status === 0 || status >= 500) failures.push(`${status} ← ${JSON.stringify(lines)} ${JSON.stringify(body.slice(0, 100))}`);
      return status > 0 && status < 500;
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(failures).toEqual([]);
});

test('control characters in raw header bytes and request lines are refused as bad requests, not crashes', async () => {
  const heads = [
    'GET /en/labs HTTP/1.1\r\nHost: x\r\nCookie: next-auth.session-token=\x00\x01\x7f\r\n\r\n',
    'GET /en/labs HTTP/1.1\r\nHost: x\r\nAccept-Language: \x00zh\r\n\r\n',
    'GET /en/search?q=\x00abc HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /en/labs\x00 HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /api/trpc/directory.search?input=%7B%22json%22%3A%7B%22q%22%3A%22%00abc%22%7D%7D HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /en/workspace HTTP/1.1\r\nHost: x\r\nCookie: next-auth.session-token=\xff\xfe%\r\n\r\n',
  ];
  for (const head of heads) {
    const status = await rawRequest(head);
    expect(status, JSON.stringify(head)).toBeGreaterThan(0);
    expect(status, JSON.stringify(head)).toBeLessThan(500);
  }
});

test('a signed-in caller with a valid session and broken companions in the Cookie header gets answers, not errors', async () => {
  const api = await signedInApi(PORT, 'viewer@demo.local');
  const { cookies } = await api.storageState();
  const session = cookies.find((c) => c.name === 'next-auth.session-token')!;
  for (const extra of ['%', 'a=%E0%A4%A', 'NEXT_LOCALE=%', '=', 'x="', `${'b'.repeat(2000)}=1`]) {
    for (const path of ['/en/workspace', '/api/trpc/lab.mine', '/api/labs/new-display-lab/milestones.csv', '/en/labs']) {
      const status = await rawRequest(
        `GET ${path} HTTP/1.1\r\nHost: localhost:${PORT}\r\nConnection: close\r\nCookie: ${extra}; next-auth.session-token=${session.value}; ${extra}\r\n\r\n`,
      );
      expect(status, `${path} with ${extra}`).toBeLessThan(500);
      expect(status, `${path} with ${extra}`).toBeGreaterThan(0);
    }
  }
});
