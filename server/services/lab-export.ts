import { strToU8, zipSync } from 'fflate';
import type { DB } from '@/db/client';
import { toCsv } from '../domain/csv';
import type { Lab } from './access';

// A lab's complete data, so no consortium is locked in: every record that belongs to the lab,
// as one JSON document and as one CSV per record kind. Secrets never leave (password hashes,
// token hashes); people appear with name, email and organisation only.

const SECRET_COLUMNS = new Set(['password_hash', 'token_hash']);

/** Each record kind and the query that selects the lab's rows of it (all name the lab id @lab). */
const KINDS: { name: string; table: string; where: string }[] = [
  { name: 'lab', table: 'labs', where: 'id = @lab' },
  { name: 'technologies', table: 'lab_technologies', where: 'lab_id = @lab' },
  { name: 'participations', table: 'participations', where: 'lab_id = @lab' },
  {
    name: 'organisations',
    table: 'organisations',
    where: `id in (select organisation_id from participations where lab_id = @lab
            union select owner_organisation_id from milestones where lab_id = @lab
            union select owner_organisation_id from goals where lab_id = @lab
            union select organisation_id from users where id in (select user_id from memberships where lab_id = @lab))`,
  },
  { name: 'memberships', table: 'memberships', where: 'lab_id = @lab' },
  { name: 'people', table: 'users', where: 'id in (select user_id from memberships where lab_id = @lab)' },
  { name: 'invitations', table: 'invitations', where: 'lab_id = @lab' },
  { name: 'milestones', table: 'milestones', where: 'lab_id = @lab' },
  { name: 'milestone_dependencies', table: 'milestone_dependencies', where: 'lab_id = @lab' },
  { name: 'baselines', table: 'milestone_baselines', where: 'lab_id = @lab' },
  { name: 'baseline_items', table: 'baseline_items', where: 'baseline_id in (select id from milestone_baselines where lab_id = @lab)' },
  { name: 'goals', table: 'goals', where: 'lab_id = @lab' },
  { name: 'goal_milestones', table: 'goal_milestones', where: 'goal_id in (select id from goals where lab_id = @lab)' },
  { name: 'measurements', table: 'measurements', where: 'goal_id in (select id from goals where lab_id = @lab)' },
  { name: 'progress_updates', table: 'progress_updates', where: 'lab_id = @lab' },
  { name: 'update_revisions', table: 'update_revisions', where: 'update_id in (select id from progress_updates where lab_id = @lab)' },
  { name: 'update_milestones', table: 'update_milestones', where: 'update_id in (select id from progress_updates where lab_id = @lab)' },
  { name: 'update_goals', table: 'update_goals', where: 'update_id in (select id from progress_updates where lab_id = @lab)' },
  { name: 'audit_events', table: 'audit_events', where: 'lab_id = @lab' },
];

const PEOPLE_COLUMNS = ['id', 'email', 'name', 'organisation_id', 'locale', 'created_at'];

function columnsOf(db: DB, kind: (typeof KINDS)[number]): string[] {
  const all = (db.$client.pragma(`table_info(${kind.table})`) as { name: string }[]).map((c) => c.name);
  const visible = kind.table === 'users' ? PEOPLE_COLUMNS : all;
  return visible.filter((c) => all.includes(c) && !SECRET_COLUMNS.has(c));
}

export type LabExport = {
  format: 'consortium-tracker-lab-export';
  version: 1;
  exportedAt: string;
  lab: { id: number; slug: string };
  records: Record<string, Record<string, unknown>[]>;
};

export function exportLab(db: DB, lab: Lab, now = new Date()): LabExport {
  const records: LabExport['records'] = {};
  for (const kind of KINDS) {
    const columns = columnsOf(db, kind);
    records[kind.name] = db.$client
      .prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${kind.table}" where ${kind.where} order by rowid`)
      .all({ lab: lab.id }) as Record<string, unknown>[];
  }
  return {
    format: 'consortium-tracker-lab-export',
    version: 1,
    exportedAt: now.toISOString(),
    lab: { id: lab.id, slug: lab.slug },
    records,
  };
}

/** The same records as CSV files in one ZIP archive, with the JSON beside them. */
export function exportLabZip(db: DB, lab: Lab, now = new Date()): Uint8Array {
  const data = exportLab(db, lab, now);
  const files: Record<string, Uint8Array> = { [`${lab.slug}.json`]: strToU8(JSON.stringify(data, null, 2)) };
  for (const kind of KINDS) {
    const columns = columnsOf(db, kind);
    const rows = data.records[kind.name]!.map((r) => columns.map((c) => r[c]));
    files[`${kind.name}.csv`] = strToU8(toCsv([columns, ...rows]));
  }
  return zipSync({ [lab.slug]: files }, { level: 6 });
}
