import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PageCacheEntry, PageCacheStore } from './index';

// The page cache of one machine: a SQLite file of its own beside the app's database (not part of
// the data, so backups leave it out and a restore starts it empty), opened by every server process.
// Entries are written by whichever process rendered them; tags are expired by whichever process
// made the change, or by a command-line tool while the server is down.

/** Entries beyond this many are dropped, the longest unchanged first. */
const MAX_ENTRIES = 20_000;

const SCHEMA = `
  create table if not exists entries (
    key text primary key,
    value blob not null,
    last_modified integer not null,
    tags text not null,
    cache_control text
  );
  create index if not exists entries_last_modified on entries (last_modified);
  create table if not exists tags (
    tag text primary key,
    expired integer not null
  );
`;

export function openPageCache(file: string): PageCacheStore & { close(): void } {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // A lost cache write costs a render, never data: no need to wait for the disk.
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  // One statement: the entry and the latest expiry among its tags and the tags asked about.
  const read = db.prepare(`
    select e.value, e.last_modified as lastModified, e.tags, e.cache_control as cacheControl,
           (select max(t.expired) from tags t
             where t.tag in (select value from json_each(e.tags) union select value from json_each(?))) as expired
      from entries e where e.key = ?`);
  const write = db.prepare(`
    insert into entries (key, value, last_modified, tags, cache_control) values (?, ?, ?, ?, ?)
    on conflict (key) do update set value = excluded.value, last_modified = excluded.last_modified,
      tags = excluded.tags, cache_control = excluded.cache_control`);
  const remove = db.prepare(`delete from entries where key = ?`);
  const expire = db.prepare(`insert into tags (tag, expired) values (?, ?) on conflict (tag) do update set expired = excluded.expired`);
  const trim = db.prepare(
    `delete from entries where key in (select key from entries order by last_modified desc limit -1 offset ${MAX_ENTRIES})`,
  );
  const expireAll = db.transaction((tags: string[], at: number) => {
    for (const tag of tags) expire.run(tag, at);
  });

  return {
    async get(key, extraTags = [], now = Date.now()) {
      const row = read.get(JSON.stringify(extraTags), key) as
        | { value: Buffer; lastModified: number; tags: string; cacheControl: string | null; expired: number | null }
        | undefined;
      if (!row) return null;
      if (row.expired !== null && row.expired > row.lastModified && row.expired <= now) return null;
      return { value: row.value, lastModified: row.lastModified, tags: JSON.parse(row.tags) as string[], cacheControl: row.cacheControl };
    },
    async set(key, entry: PageCacheEntry) {
      write.run(key, entry.value, entry.lastModified, JSON.stringify(entry.tags), entry.cacheControl);
      if (Math.random() < 0.01) trim.run();
    },
    async delete(key) {
      remove.run(key);
    },
    async expireTags(tags, at = Date.now()) {
      if (tags.length) expireAll(tags, at);
    },
    close() {
      db.close();
    },
  };
}
