// The benchmark's floor: a plain node:http server with better-sqlite3. For the timeline it runs the
// very statements `milestone.timeline` runs (captured from the procedure at start-up, with the
// session lookup before it) and writes the JSON the procedure answered (the same bytes); for the
// writes it inserts a progress update and its audit event in one transaction. That is the cost of
// the queries and the JSON alone: no framework, no authorization, no domain computation. Run by `npm run bench` as its own
// process: DATABASE_URL, PORT, BENCH_LAB (slug), BENCH_USER (email), AUTH_SECRET.

import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { openDatabase } from '@/db/client';
import { issueSessionToken, sessionUserFromToken } from '../auth';
import { createCaller } from '../api/root';
import { createContext } from '../api/trpc';
import { databaseFile } from '../env';
import { transformer } from '../api/transformer';
import { statementRecorder } from './sql-capture';

async function main() {
  const recorder = statementRecorder();
  const db = openDatabase(databaseFile(), { logger: recorder.logger });
  const client = db.$client;
  const lab = client.prepare(`select id from labs where slug = ?`).get(process.env.BENCH_LAB) as { id: number };
  const user = client.prepare(`select id, session_version as sv from users where email = ?`).get(process.env.BENCH_USER) as {
    id: number;
    sv: number;
  };
  const token = await issueSessionToken({ id: user.id, sessionVersion: user.sv });

  const { result, statements } = await recorder.capture(async () => {
    const sessionUser = await sessionUserFromToken(db, token);
    return createCaller(createContext({ db, user: sessionUser })).milestone.timeline({ labId: lab.id });
  });
  const timeline = statements.map((s) => ({ statement: client.prepare(s.sql), params: s.params }));
  // The answer the procedure gave, in its wire format: the floor writes exactly these JSON bytes.
  const answer = { result: { data: transformer.output.serialize(result) } };

  const insertUpdate = client.prepare(
    `insert into progress_updates (lab_id, author_id, body, health, is_public) values (?, ?, ?, ?, 0) returning id, version`,
  );
  const insertAudit = client.prepare(
    `insert into audit_events (lab_id, actor_id, action, entity_type, entity_id, before, after) values (?, ?, 'created', 'progress_update', ?, null, ?)`,
  );
  const postUpdate = client.transaction((input: { body: string; health: string }) => {
    const row = insertUpdate.get(lab.id, user.id, input.body, input.health) as { id: number; version: number };
    insertAudit.run(lab.id, user.id, row.id, JSON.stringify({ body: input.body, health: input.health, isPublic: false }));
    return row;
  });

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/timeline') {
      for (const { statement, params } of timeline) statement.all(...params);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
      return;
    }
    if (req.method === 'POST' && req.url === '/update') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const input = (JSON.parse(Buffer.concat(chunks).toString()) as { json: { body: string; health: string } }).json;
        const row = postUpdate(input);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: { data: transformer.output.serialize(row) } }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(Number(process.env.PORT), () => console.log(`floor listening, ${timeline.length} timeline statements`));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      server.close();
      client.close();
      process.exit(0);
    });
}

const processes = Number(process.env.WEB_CONCURRENCY ?? 1);
if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
      process.exit(0);
    });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
