import { addDays, daysBetween } from './dates';
import type { GoalStatus, MilestoneStatus } from '@/common/enums';
import { isLate, isSettled } from './schedule';

// What needs a person's attention across their labs, most urgent first. Pure: the services load
// the milestones and goal statuses, this decides what is listed and in which order.

/** A milestone finishing within this many days (and not finished) is "due soon". */
export const DUE_SOON_DAYS = 30;

export type AttentionReason = 'overdue' | 'off_track' | 'at_risk' | 'due_soon' | 'stale';

/** Overdue work first, then goals off track, then anything at risk, then what is due soon, then goals without fresh figures. */
const RANK: Record<AttentionReason, number> = { overdue: 0, off_track: 1, at_risk: 2, due_soon: 3, stale: 4 };

export type AttentionMilestone = { id: number; labId: number; status: MilestoneStatus; forecastFinish: string };
export type AttentionGoal = { id: number; labId: number; status: GoalStatus; targetDate: string; daysSinceLatest: number | null };

export type AttentionEntry = {
  reason: AttentionReason;
  kind: 'milestone' | 'goal';
  id: number;
  labId: number;
  /** Overdue: days late; due soon: days left; stale: days since the last measurement; otherwise null. */
  days: number | null;
  /** The date the entry is about: a milestone's forecast finish, a goal's target date. */
  date: string;
};

/** Why a milestone needs attention, if it does: overdue beats flagged at risk beats due soon. */
export function milestoneReason(m: AttentionMilestone, today: string): AttentionReason | null {
  if (isSettled(m)) return null;
  if (isLate({ finish: m.forecastFinish, status: m.status }, today)) return 'overdue';
  if (m.status === 'at_risk') return 'at_risk';
  if (m.forecastFinish <= addDays(today, DUE_SOON_DAYS)) return 'due_soon';
  return null;
}

export function goalReason(g: AttentionGoal): AttentionReason | null {
  if (g.status === 'off_track' || g.status === 'at_risk' || g.status === 'stale') return g.status;
  return null;
}

/** Everything that needs attention; `todayOf` says which day it is in each lab (its time zone's calendar). */
export function attentionList(
  milestones: readonly AttentionMilestone[],
  goals: readonly AttentionGoal[],
  todayOf: (labId: number) => string,
): AttentionEntry[] {
  const entries: AttentionEntry[] = [];
  for (const m of milestones) {
    const today = todayOf(m.labId);
    const reason = milestoneReason(m, today);
    if (!reason) continue;
    const days =
      reason === 'overdue' ? daysBetween(m.forecastFinish, today) : reason === 'due_soon' ? daysBetween(today, m.forecastFinish) : null;
    entries.push({ reason, kind: 'milestone', id: m.id, labId: m.labId, days, date: m.forecastFinish });
  }
  for (const g of goals) {
    const reason = goalReason(g);
    if (!reason) continue;
    entries.push({
      reason,
      kind: 'goal',
      id: g.id,
      labId: g.labId,
      days: reason === 'stale' ? g.daysSinceLatest : null,
      date: g.targetDate,
    });
  }
  return entries.sort(compareEntries);
}

function compareEntries(a: AttentionEntry, b: AttentionEntry): number {
  if (RANK[a.reason] !== RANK[b.reason]) return RANK[a.reason] - RANK[b.reason];
  // The most overdue and the longest-unmeasured first; the soonest due first.
  if (a.reason === 'overdue' || a.reason === 'stale') return (b.days ?? 0) - (a.days ?? 0) || tieBreak(a, b);
  // Milestones flagged at risk before goals at risk: a milestone has a date someone can still act on.
  if (a.kind !== b.kind) return a.kind === 'milestone' ? -1 : 1;
  return a.date.localeCompare(b.date) || tieBreak(a, b);
}

function tieBreak(a: AttentionEntry, b: AttentionEntry): number {
  return a.labId - b.labId || a.id - b.id;
}
