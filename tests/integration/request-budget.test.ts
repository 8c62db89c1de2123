import { describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { errorCode, freshDb, sessionUser } from '../helpers/db';

// The anonymous request budget (issue 15, finding 3) as procedures apply it: per address, never for a
// signed-in caller. How the budget is shared between processes: tests/integration/shared-state.test.ts.

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
