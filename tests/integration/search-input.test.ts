import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';

// The workspace and admin searches put what was typed into a LIKE pattern. SQLite ends a pattern
// at a NUL, so `%00zz` matched everything; control characters are refused with a message instead.

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const MESSAGE = 'Remove the control characters (such as NUL) from this text: they cannot be searched for.';

describe('control characters in the workspace and admin searches', () => {
  it('are refused with a message naming the field, for every one of them, changing nothing', async () => {
    const admin = sessionUser(db, 'admin@demo.local');
    const labId = labIdOf(db, 'new-display-lab');
    const before = tableCounts(db);
    for (const query of ['\u0000zz', 'zz\u0000', 'Tian\u001bma']) {
      for (const [path, input] of [
        ['user.list', { query }],
        ['labAdmin.list', { query }],
        ['organisation.list', { query }],
        ['partner.searchOrganisations', { labId, query }],
      ] as const) {
        const res = await httpCall(db, path, input, { method: 'GET', user: admin });
        expect(res.status, `${path} ${JSON.stringify(query)}`).toBe(400);
        expect(res.body.error?.json.data.fieldErrors).toEqual({ query: [MESSAGE] });
      }
    }
    expect(tableCounts(db)).toEqual(before);
  });

  it('still finds what a search with ordinary text finds', async () => {
    const admin = sessionUser(db, 'admin@demo.local');
    const res = await httpCall(db, 'user.list', { query: 'schmidt' }, { method: 'GET', user: admin });
    expect((res.body.result?.data as { json: { email: string }[] }).json.map((u) => u.email)).toEqual(['steel@demo.local']);
  });
});
