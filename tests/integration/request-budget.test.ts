import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { createCaller } from '../../server/api/root';
import { createContext } from '../../server/api/trpc';
import { sqliteSharedState } from '../../server/shared-state/sqlite';
import { errorCode, freshDb, sessionUser } from '../helpers/db';

// The anonymous request budget (issue 15, finding 3): counted per address in the database, so two
// server processes on one database draw on one budget; signed-in callers are not budgeted.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the shared request budget', () => {
  it('counts the hits of two connections to one database file against one budget', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'budget-'));
    dirs.push(dir);
    const file = path.join(dir, 'app.db');
    const first = openDatabase(file);
    migrateDatabase(first);
    const second = openDatabase(file);
    const now = 1_800_000_000_000;
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await sqliteSharedState(i % 2 ? first : second).consume('anonymous:1.2.3.4', 7, 60_000, now + i));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, true, true, true, true, false, false, false]);
    // A new window opens the budget again, for both.
    expect((await sqliteSharedState(second).consume('anonymous:1.2.3.4', 7, 60_000, now + 60_000)).allowed).toBe(true);
    first.$client.close();
    second.$client.close();
  });

  it('says how long until the window ends', async () => {
    const db = await freshDb({ seed: false });
    const state = sqliteSharedState(db);
    const start = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
    await state.consume('k', 1, 60_000, start + 15_000);
    expect(await state.consume('k', 1, 60_000, start + 15_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
  });
});

describe('budgeted public procedures', () => {
  let db: DB;
  const callAs = (email: string | null, clientAddress: string) =>
    createCaller(createContext({ db, user: email ? sessionUser(db, email) : null, clientAddress })).directory.search({ q: 'display' });

  it('refuse a signed-out address past its budget, and only that address', async () => {
    db = await freshDb();
    for (let i = 0; i < 120; i++) expect(await errorCode(callAs(null, '198.51.100.1'))).toBe('OK');
    expect(await errorCode(callAs(null, '198.51.100.1'))).toBe('TOO_MANY_REQUESTS');
    expect(await errorCode(callAs(null, '198.51.100.2'))).toBe('OK');
  });

  it('never budget a signed-in caller', async () => {
    db = await freshDb();
    for (let i = 0; i < 130; i++) expect(await errorCode(callAs('viewer@demo.local', '198.51.100.1'))).toBe('OK');
  });
});
