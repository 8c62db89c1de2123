import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { organisations } from '@/db/schema';
import { updateVersioned } from '@/server/services/versioning';
import { freshDb } from '../helpers/db';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

describe('updateVersioned', () => {
  it('saves and bumps the version when the editor started from the current version', () => {
    const org = db.select().from(organisations).get()!;
    updateVersioned(db, organisations, org.id, org.version, { region: 'Shanghai' });
    const after = db.select().from(organisations).where(eq(organisations.id, org.id)).get()!;
    expect(after).toMatchObject({ region: 'Shanghai', version: org.version + 1 });
  });

  it('refuses a stale edit with CONFLICT and keeps the newer save', () => {
    const org = db.select().from(organisations).get()!;
    updateVersioned(db, organisations, org.id, org.version, { region: 'First save' });
    expect(() => updateVersioned(db, organisations, org.id, org.version, { region: 'Second save' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(db.select().from(organisations).where(eq(organisations.id, org.id)).get()!.region).toBe('First save');
  });

  it('answers NOT_FOUND for a record that is gone', () => {
    expect(() => updateVersioned(db, organisations, 999_999, 1, { region: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
