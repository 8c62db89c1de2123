// `npm run bench:seed -- --scale 1 [--out data/bench/scale-1.db] [--seed 20260701]`
// Builds the deterministic synthetic dataset the benchmark runs on, in a database file of its own.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { BENCH_PASSWORD, generateBenchDataset } from '../bench/dataset';
import { hashPassword } from '../password';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, out: { type: 'string' }, seed: { type: 'string' } } });
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 10)) {
  console.error('--scale must be a number between 0 and 10 (1 = 500 labs, 25,000 milestones, 1,000,000 audit events)');
  process.exit(2);
}
const out = values.out ?? `data/bench/scale-${scale}.db`;

async function main() {
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${out}${suffix}`, { force: true });
  const db = openDatabase(out);
  migrateDatabase(db);
  // Bulk load: no fsync per transaction; the file is thrown away if generation fails.
  db.$client.pragma('synchronous = OFF');
  const counts = generateBenchDataset(db.$client, {
    scale,
    seed: values.seed ? Number(values.seed) : undefined,
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
  db.$client.exec('ANALYZE');
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(`Wrote ${out} (scale ${scale}) in ${seconds.toFixed(1)} s:`);
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(24)} ${n.toLocaleString('en')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
