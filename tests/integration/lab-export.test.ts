import { unzipSync, strFromU8 } from 'fflate';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { labs } from '@/db/schema';
import { exportLab, exportLabZip } from '@/server/services/lab-export';
import { callerAs, freshDb, labIdOf } from '../helpers/db';
import { expectAll } from '../helpers/expect-all';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const labBySlug = (slug: string) =>
  db
    .select()
    .from(labs)
    .where(eq(labs.id, labIdOf(db, slug)))
    .get()!;
const count = (sql: string, id: number) => (db.$client.prepare(sql).get(id) as { n: number }).n;

describe('lab export', () => {
  it('contains every record of the lab and nothing of other labs', async () => {
    const lab = labBySlug('new-display-lab');
    await callerAs(db, 'member@demo.local').update.post({ labId: lab.id, body: 'Exported update', health: 'on_track' });
    const data = exportLab(db, lab);
    expect(data.records.lab).toHaveLength(1);
    expect(data.records.milestones).toHaveLength(count('select count(*) as n from milestones where lab_id = ?', lab.id));
    expect(data.records.measurements).toHaveLength(
      count('select count(*) as n from measurements m join goals g on g.id = m.goal_id where g.lab_id = ?', lab.id),
    );
    expect(data.records.progress_updates!.some((u) => u.body === 'Exported update')).toBe(true);
    expect(data.records.audit_events!.length).toBeGreaterThan(1);
    expectAll(data.records.milestones!, (m) => m.lab_id === lab.id);
    expect(data.records.organisations!.map((o) => o.short_name).sort()).toEqual(['CSOT Wuhan', 'Tianma', 'Xiaomi']);
    expect(JSON.stringify(data)).not.toContain('Key Equipment');
  });

  it('never includes password or token hashes', () => {
    const text = JSON.stringify(exportLab(db, labBySlug('new-display-lab')));
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('token_hash');
    expect(text).not.toContain('scrypt$');
  });

  it('writes one CSV per record kind, and the JSON, into a ZIP', () => {
    const lab = labBySlug('green-auto-steel');
    const files = unzipSync(exportLabZip(db, lab));
    const names = Object.keys(files);
    expect(names).toContain('green-auto-steel/green-auto-steel.json');
    expect(names).toContain('green-auto-steel/milestones.csv');
    const milestonesCsv = strFromU8(files['green-auto-steel/milestones.csv']!);
    expect(milestonesCsv.split('\r\n')[0]).toContain('forecast_finish');
    expect(milestonesCsv).toContain('Memorandum of understanding signed');
  });
});
