import { TRPCError } from '@trpc/server';
import { and, desc, eq, like } from 'drizzle-orm';
import { vi } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, goals, measurements, milestones } from '@/db/schema';
import { labIdOf, TEST_TODAY } from './db';

// Shared by the goal and measurement integration tests: the clock is the demo data's "today",
// so "not in the future" and staleness mean the same on every run.

export function freezeToday() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TEST_TODAY}T10:00:00.000Z`));
}

export async function errorOf(promise: Promise<unknown>): Promise<TRPCError | null> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  return null;
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await errorOf(promise))?.code ?? 'OK';
}

export function goalByTitle(db: DB, titleStart: string) {
  const goal = db
    .select()
    .from(goals)
    .where(like(goals.titleEn, `${titleStart}%`))
    .get();
  if (!goal) throw new Error(`no goal ${titleStart}`);
  return goal;
}

export function milestoneIdsOfLab(db: DB, slug: string): number[] {
  return db
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.labId, labIdOf(db, slug)))
    .all()
    .map((m) => m.id);
}

export function lastAudit(db: DB, entityType: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.entityType, entityType)).orderBy(desc(auditEvents.id)).get();
}

export function measurementsOf(db: DB, goalId: number) {
  return db.select().from(measurements).where(eq(measurements.goalId, goalId)).all();
}

export function measurementBy(db: DB, goalId: number, recordedById: number) {
  return db
    .select()
    .from(measurements)
    .where(and(eq(measurements.goalId, goalId), eq(measurements.recordedById, recordedById)))
    .get()!;
}

/** A valid new goal for new-display-lab; tests override one field at a time. */
export function newGoal(labId: number, overrides: Record<string, unknown> = {}) {
  return {
    labId,
    titleEn: 'Raise the domestic share of OLED driver boards',
    titleZh: '提高OLED驱动板国产化率',
    itemKind: 'component' as const,
    itemNameEn: 'OLED driver boards',
    itemNameZh: 'OLED驱动板',
    metricEn: 'Domestic share of boards by value',
    metricZh: '国产板卡价值占比',
    unit: 'percent' as const,
    unitLabel: null,
    direction: 'raise' as const,
    baselineValue: 5,
    baselineDate: '2026-01-01',
    targetValue: 40,
    targetDate: '2027-12-31',
    tolerance: null,
    ownerOrganisationId: null,
    isPublic: false,
    milestoneIds: [] as number[],
    ...overrides,
  };
}
