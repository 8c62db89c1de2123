import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { goals, labs, measurements, milestones } from '@/db/schema';
import { callerAs, errorCode, freshDb, labIdOf, tableCounts } from '../helpers/db';
import { milestoneFields } from '../policy/policy';

// labSettings.previewPublic: a manager sees exactly what the public fact sheet shows, or would show
// once the lab is public — the same allow-lists, only the items flagged public.

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const PRIVATE_LAB = 'key-equipment-consortium';

/** Flags a milestone public through the manager's own procedure, as the timeline form does. */
async function flagMilestone(labSlug: string, title: string, isPublic: boolean, manager: string) {
  const labId = labIdOf(db, labSlug);
  const m = db
    .select()
    .from(milestones)
    .where(and(eq(milestones.labId, labId), eq(milestones.title, title)))
    .get()!;
  await callerAs(db, manager).milestone.update({ labId, id: m.id, version: m.version, ...milestoneFields(m), isPublic });
}

describe('labSettings.previewPublic', () => {
  it('shows a public lab’s manager exactly the public fact sheet', async () => {
    const labId = labIdOf(db, 'new-display-lab');
    const preview = await callerAs(db, 'manager@demo.local').labSettings.previewPublic({ labId });
    expect(preview).toEqual(await callerAs(db, null).directory.factSheet({ slug: 'new-display-lab' }));
    expect(JSON.stringify(preview)).not.toContain('Confidential');
  });

  it('shows a private lab’s manager only what is flagged public, while the public still gets 404', async () => {
    const labId = labIdOf(db, PRIVATE_LAB);
    const manager = callerAs(db, 'equipment@demo.local');
    const nothingFlagged = await manager.labSettings.previewPublic({ labId });
    expect(nothingFlagged.lab.nameEn).toBe('Key Equipment Localization Consortium');
    expect(nothingFlagged.partners.length).toBeGreaterThan(0);
    expect(nothingFlagged.milestones).toEqual([]);
    expect(nothingFlagged.goals).toEqual([]);
    expect(nothingFlagged.updates).toEqual([]);

    await flagMilestone(PRIVATE_LAB, 'Prototype chamber built', true, 'equipment@demo.local');
    const oneFlagged = await manager.labSettings.previewPublic({ labId });
    expect(oneFlagged.milestones.map((m) => m.title)).toEqual(['Prototype chamber built']);
    expect(JSON.stringify(oneFlagged)).not.toContain('Evaporation source design review');
    expect(await errorCode(callerAs(db, null).directory.factSheet({ slug: PRIVATE_LAB }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'equipment@demo.local').directory.factSheet({ slug: PRIVATE_LAB }))).toBe('NOT_FOUND');
  });

  it('is what the public page shows once the lab is made public', async () => {
    const labId = labIdOf(db, PRIVATE_LAB);
    await flagMilestone(PRIVATE_LAB, 'Process model validated', true, 'equipment@demo.local');
    const manager = callerAs(db, 'equipment@demo.local');
    const preview = await manager.labSettings.previewPublic({ labId });
    const { lab } = await manager.labSettings.get({ labId });
    await manager.labSettings.setVisibility({ labId, version: lab.version, visibility: 'public' });
    const published = await callerAs(db, null).directory.factSheet({ slug: PRIVATE_LAB });
    // Only the lab's own "last changed" moves with the visibility change; everything shown is the same.
    expect({ ...published, lab: { ...published.lab, updatedAt: null } }).toEqual({ ...preview, lab: { ...preview.lab, updatedAt: null } });
  });

  it('answers with allow-listed fields only, like the public page', async () => {
    const labId = labIdOf(db, PRIVATE_LAB);
    db.update(goals).set({ isPublic: true }).where(eq(goals.labId, labId)).run();
    const preview = await callerAs(db, 'equipment@demo.local').labSettings.previewPublic({ labId });
    expect(preview.goals.length).toBeGreaterThan(0);
    const text = JSON.stringify(preview);
    for (const forbidden of [
      '"visibility"',
      '"contribution"',
      '"budgetCny"',
      '"isPublic"',
      '"version"',
      '"comment"',
      '"sourceUrl"',
      '"recordedById"',
    ])
      expect(text, forbidden).not.toContain(forbidden);
    // Every measurement of a previewed goal is charted, and none of another goal's.
    const goalIds = preview.goals.map((g) => g.id);
    const stored = db
      .select()
      .from(measurements)
      .all()
      .filter((m) => goalIds.includes(m.goalId));
    expect(preview.goals.flatMap((g) => g.measurements)).toHaveLength(stored.length);
  });

  it('is refused to everyone but the lab’s managers and admins, and changes nothing', async () => {
    const labId = labIdOf(db, 'new-display-lab');
    const before = tableCounts(db);
    expect(await errorCode(callerAs(db, null).labSettings.previewPublic({ labId }))).toBe('UNAUTHORIZED');
    expect(await errorCode(callerAs(db, 'viewer@demo.local').labSettings.previewPublic({ labId }))).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'member@demo.local').labSettings.previewPublic({ labId }))).toBe('FORBIDDEN');
    // Managers of another lab, and of a private lab, learn nothing of this one.
    expect(await errorCode(callerAs(db, 'steel@demo.local').labSettings.previewPublic({ labId }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'equipment@demo.local').labSettings.previewPublic({ labId }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'manager@demo.local').labSettings.previewPublic({ labId: labIdOf(db, PRIVATE_LAB) }))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(callerAs(db, 'manager@demo.local').labSettings.previewPublic({ labId: 999_999 }))).toBe('NOT_FOUND');
    expect((await callerAs(db, 'admin@demo.local').labSettings.previewPublic({ labId: labIdOf(db, PRIVATE_LAB) })).lab.slug).toBe(
      PRIVATE_LAB,
    );
    expect(tableCounts(db)).toEqual(before);
    expect(
      db
        .select({ v: labs.visibility })
        .from(labs)
        .where(eq(labs.id, labIdOf(db, PRIVATE_LAB)))
        .get()?.v,
    ).toBe('private');
  });
});
