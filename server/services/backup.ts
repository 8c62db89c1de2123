import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pageCacheFileBeside } from '../env';

// Online backups with SQLite's backup API: pages are copied in steps while the server keeps
// reading and writing; the copy is a consistent snapshot. Restores go the same way in reverse,
// into a stopped instance (the server writes its pid beside the database while it runs).

export type BackupCheck = { integrity: string; tables: Record<string, number> };

export function serverPidFile(databaseFile: string): string {
  return `${path.resolve(databaseFile)}.server.pid`;
}

/** The pid of a server still running on this database, if any. */
export function runningServerPid(databaseFile: string): number | null {
  const file = serverPidFile(databaseFile);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export function checkDatabaseFile(file: string): BackupCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
    const names = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as {
      name: string;
    }[];
    const tables = Object.fromEntries(
      names.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
    );
    return { integrity, tables };
  } finally {
    db.close();
  }
}

export async function backupDatabase(sourceFile: string, destinationFile: string): Promise<BackupCheck> {
  if (!existsSync(sourceFile)) throw new Error(`No database at ${sourceFile}`);
  if (path.resolve(sourceFile) === path.resolve(destinationFile)) throw new Error('The backup must go to another file than the database.');
  mkdirSync(path.dirname(path.resolve(destinationFile)), { recursive: true });
  const partial = `${destinationFile}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(partial);
  } finally {
    source.close();
  }
  const check = checkDatabaseFile(partial);
  if (check.integrity !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`The backup failed its integrity check: ${check.integrity}`);
  }
  // Only a complete, checked copy takes the destination name.
  copyFileSync(partial, destinationFile);
  rmSync(partial, { force: true });
  return check;
}

export async function restoreDatabase(
  backupFile: string,
  targetFile: string,
  /** The shared page cache of the server on `targetFile`: it holds pages of the data being replaced. */
  pageCacheFile = pageCacheFileBeside(targetFile),
): Promise<BackupCheck> {
  const pid = runningServerPid(targetFile);
  if (pid) throw new Error(`A server (pid ${pid}) is running on ${targetFile}. Stop it before restoring.`);
  const check = checkDatabaseFile(backupFile);
  if (check.integrity !== 'ok') throw new Error(`The backup file is damaged: ${check.integrity}`);
  mkdirSync(path.dirname(path.resolve(targetFile)), { recursive: true });
  // Write beside the target, then swap it in with its WAL and shared-memory files removed.
  const staging = `${targetFile}.restoring`;
  rmSync(staging, { force: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staging);
  } finally {
    source.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${targetFile}${suffix}`, { force: true });
  if (pageCacheFile !== ':memory:') for (const suffix of ['', '-wal', '-shm']) rmSync(`${pageCacheFile}${suffix}`, { force: true });
  copyFileSync(staging, targetFile);
  rmSync(staging, { force: true });
  return checkDatabaseFile(targetFile);
}
