import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The command-line entry points, run as a user runs them (separate processes, real files).

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDbPath(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-cli-'));
  dirs.push(dir);
  return path.join(dir, 'app.db');
}

function run(script: string, env: Record<string, string>, args: string[] = []) {
  // The CLI runs as a user runs it, not in vitest's test mode.
  const { NODE_ENV: _testMode, ...parentEnv } = process.env;
  const childEnv: NodeJS.ProcessEnv = { ...parentEnv, ...env } as NodeJS.ProcessEnv;
  return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
    env: childEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function count(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('db:migrate (the first-start preparation npm start runs)', () => {
  it('creates, migrates and seeds an empty database once, and never seeds again', () => {
    const file = tempDbPath();
    const first = run('server/cli/migrate.ts', { DATABASE_URL: file });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('loaded the demo data');
    expect(count(file, 'labs')).toBe(3);
    const users = count(file, 'users');

    const second = run('server/cli/migrate.ts', { DATABASE_URL: file });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('demo data');
    expect(count(file, 'users')).toBe(users);
  });

  it('starts empty with SEED_DEMO=0', () => {
    const file = tempDbPath();
    const result = run('server/cli/migrate.ts', { DATABASE_URL: file, SEED_DEMO: '0' });
    expect(result.status, result.stderr).toBe(0);
    expect(count(file, 'labs')).toBe(0);
    expect(count(file, 'users')).toBe(0);
  });

  it('stops with the name of a wrong variable', () => {
    const result = run('server/cli/migrate.ts', { DATABASE_URL: tempDbPath(), SEED_DEMO: 'yes', PORT: 'eighty' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SEED_DEMO');
    expect(result.stderr).toContain('PORT');
  });
});

describe('admin:create', () => {
  it('creates a platform admin in an empty deployment', () => {
    const file = tempDbPath();
    const result = run('server/cli/admin-create.ts', { DATABASE_URL: file, SEED_DEMO: '0' }, [
      '--email',
      'Ops@Example.org',
      '--password',
      'a-long-enough-secret',
      '--name',
      'Ops',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('select email, name, is_admin as isAdmin from users').all()).toEqual([
      { email: 'ops@example.org', name: 'Ops', isAdmin: 1 },
    ]);
    db.close();
  });

  it('refuses a weak password and says why', () => {
    const result = run('server/cli/admin-create.ts', { DATABASE_URL: tempDbPath(), SEED_DEMO: '0' }, [
      '--email',
      'ops@example.org',
      '--password',
      'short',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('password: Use at least 10 characters');
  });
});
