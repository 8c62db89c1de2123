import { createHash } from 'node:crypto';
import type { DB } from '@/db/client';

/** A digest of every row of every table (but `except`): equal digests mean the call changed nothing at all. */
export function databaseDigest(db: DB, except: readonly string[] = []): string {
  const hash = createHash('sha256');
  // Ordinary tables only: full-text indexes (virtual and shadow tables) are derived from them.
  const tables = (db.$client.pragma('table_list') as { name: string; type: string; schema: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !except.includes(t.name))
    .map((t) => t.name)
    .sort();
  for (const name of tables) {
    hash.update(`#${name}`);
    for (const row of db.$client.prepare(`select * from "${name}" order by rowid`).raw().all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
