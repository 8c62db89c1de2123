import { createHash } from 'node:crypto';
import type { DB } from '../../db/client';

/** A digest of every row of every table: equal digests mean the call changed nothing at all. */
export function databaseDigest(db: DB): string {
  const hash = createHash('sha256');
  const tables = db.$client
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' order by name`)
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`#${name}`);
    for (const row of db.$client.prepare(`select * from "${name}" order by rowid`).raw().all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
