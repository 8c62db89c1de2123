// A separate process running a job runner on a database file, as each server process does: it
// drains the queue, writing one line per job it ran to a log, then exits. With HANG_ON set, it
// claims that job and hangs inside it (so the test can kill it mid-job).
import { appendFileSync } from 'node:fs';
import { openDatabase } from '@/db/client';
import { createJobRunner } from '@/server/services/jobs';

const [file, log, owner] = process.argv.slice(2) as [string, string, string];
const hangOn = process.env.HANG_ON;
const db = openDatabase(file);
const runner = createJobRunner(db, {
  owner,
  leaseMs: Number(process.env.LEASE_MS ?? 60_000),
  handlers: {
    mail: {
      maxAttempts: 3,
      async run(payload) {
        if (payload.to === hangOn) {
          appendFileSync(log, `${owner} started ${String(payload.to)}\n`);
          await new Promise(() => setInterval(() => {}, 1000));
        }
        appendFileSync(log, `${owner} sent ${String(payload.to)}\n`);
      },
    },
  },
});
const ran = await runner.runDue();
console.log(JSON.stringify({ owner, ran }));
db.$client.close();
