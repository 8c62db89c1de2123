import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BENCH_BIG_LAB, BENCH_MEMBER, generateBenchDataset } from '@/server/bench/dataset';
import { freshDb } from '../helpers/db';

async function generate(seed?: number) {
  const db = await freshDb({ seed: false });
  const counts = generateBenchDataset(db.$client, { scale: 0.02, seed, passwordHash: 'x' });
  const digest = createHash('sha256');
  for (const table of ['labs', 'milestones', 'milestone_dependencies', 'goals', 'measurements', 'progress_updates']) {
    // Everything but the wall-clock columns the database fills in itself.
    const columns = (db.$client.pragma(`table_info(${table})`) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'created_at' && c !== 'updated_at');
    for (const row of db.$client
      .prepare(`select ${columns.join(', ')} from ${table} order by rowid`)
      .raw()
      .all())
      digest.update(JSON.stringify(row));
  }
  return { db, counts, digest: digest.digest('hex') };
}

describe('benchmark dataset', () => {
  it('is deterministic for a seed, and different for another seed', async () => {
    const a = await generate();
    const b = await generate();
    const c = await generate(7);
    expect(b.counts).toEqual(a.counts);
    expect(b.digest).toBe(a.digest);
    expect(c.digest).not.toBe(a.digest);
  });

  it('has the shapes the scenarios need: a 300-milestone lab and a member of five labs', async () => {
    const { db, counts } = await generate();
    expect(counts.labs).toBe(10);
    const big = db.$client
      .prepare(`select count(*) as n from milestones m join labs l on l.id = m.lab_id where l.slug = ?`)
      .get(BENCH_BIG_LAB) as { n: number };
    expect(big.n).toBeGreaterThanOrEqual(300);
    const member = db.$client
      .prepare(`select count(*) as n from memberships m join users u on u.id = m.user_id where u.email = ?`)
      .get(BENCH_MEMBER) as { n: number };
    expect(member.n).toBe(5);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
  });
});
