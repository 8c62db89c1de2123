import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, checkDatabaseFile, restoreDatabase, serverPidFile } from '@/server/services/backup';
import { openPageCache } from '@/server/shared-state/sqlite-page-cache';
import { freshDb } from '../helpers/db';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function seededFile(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-backup-'));
  dirs.push(dir);
  const db = await freshDb();
  const file = path.join(dir, 'app.db');
  writeFileSync(file, db.$client.serialize());
  db.$client.close();
  const wal = new Database(file);
  wal.pragma('journal_mode = WAL');
  wal.close();
  return { dir, file };
}

function organisations(file: string): number {
  return checkDatabaseFile(file).tables.organisations!;
}

describe('online backup', () => {
  it('takes a consistent copy while another process keeps writing', async () => {
    const { dir, file } = await seededFile();
    const before = organisations(file);
    const writer = spawn(process.execPath, ['tests/helpers/write-load.mjs', file, '4000']);
    let written = '';
    writer.stdout.on('data', (d: Buffer) => (written += d.toString()));
    const finished = new Promise((resolve) => writer.on('exit', resolve));
    // Start the backup once the writer is really writing (a loaded machine starts it slowly).
    for (let i = 0; i < 200 && organisations(file) === before; i++) await new Promise((r) => setTimeout(r, 25));

    const copy = path.join(dir, 'backup.db');
    const check = await backupDatabase(file, copy);
    await finished;
    const committed = Number(written.trim());

    expect(check.integrity).toBe('ok');
    expect(checkDatabaseFile(copy).integrity).toBe('ok');
    const inCopy = organisations(copy);
    expect(committed).toBeGreaterThan(0);
    expect(inCopy).toBeGreaterThan(before); // taken mid-load: some writes in, …
    expect(inCopy).toBeLessThanOrEqual(before + committed); // … never more than were committed
    expect(organisations(file)).toBe(before + committed); // and the live database lost nothing
    expect(checkDatabaseFile(copy).tables.labs).toBe(3);
  });

  it('restores a backup into a stopped instance', async () => {
    const { dir, file } = await seededFile();
    const copy = path.join(dir, 'backup.db');
    await backupDatabase(file, copy);
    const db = new Database(file);
    db.prepare(`update labs set name_en = 'Changed after the backup' where slug = 'green-auto-steel'`).run();
    db.close();

    const target = path.join(dir, 'restored', 'app.db');
    const restored = await restoreDatabase(copy, target);
    expect(restored.integrity).toBe('ok');
    expect(restored.tables.labs).toBe(3);
    expect(restored.tables).toEqual(checkDatabaseFile(copy).tables);
    const check = new Database(target, { readonly: true });
    expect(check.prepare(`select name_en as name from labs where slug = 'green-auto-steel'`).get()).toEqual({
      name: 'Green Low-Carbon Automotive Steel Supply Chain',
    });
    check.close();
  });

  it('drops the page cache of the instance it restores into: its pages showed the data being replaced', async () => {
    const { dir, file } = await seededFile();
    const copy = path.join(dir, 'backup.db');
    await backupDatabase(file, copy);
    const cache = openPageCache(path.join(dir, 'app.page-cache.db'));
    await cache.set('/en/labs', { value: Buffer.from('old page'), lastModified: Date.now(), tags: [], cacheControl: null });
    cache.close();
    await restoreDatabase(copy, file);
    expect(existsSync(path.join(dir, 'app.page-cache.db'))).toBe(false);
  });

  it('refuses to restore under a running server, and refuses a damaged backup', async () => {
    const { dir, file } = await seededFile();
    const copy = path.join(dir, 'backup.db');
    await backupDatabase(file, copy);
    writeFileSync(serverPidFile(file), String(process.pid));
    await expect(restoreDatabase(copy, file)).rejects.toThrow(/Stop it before restoring/);

    const damaged = path.join(dir, 'damaged.db');
    writeFileSync(damaged, 'not a database');
    await expect(restoreDatabase(damaged, path.join(dir, 'other.db'))).rejects.toThrow();
  });
});
