import type { MilestoneStatus } from '@/common/enums';
import { changedFields } from '@/server/services/audit';
import type { DemoDate, DemoMilestone } from './demo-data';

// The history of a demo milestone as audit events at their dates, derived from its content in
// demo-data.ts: planned at the lab's launch, re-planned with the second baseline, started and
// finished on its actual dates, and the changes listed in its `history`. Replayed, the events end
// at the milestone's current values (tests/integration/demo-history.test.ts checks it).

export type MilestoneState = {
  forecastStart: string;
  forecastFinish: string;
  actualStart: string | null;
  actualFinish: string | null;
  status: MilestoneStatus;
  percentComplete: number;
};

export type DemoClock = {
  date: (d: DemoDate) => string;
  /** The instant of a demo date: 09:00 UTC that day, plus `minutes`. */
  moment: (d: DemoDate, minutes?: number) => Date;
};

export type MilestoneHistoryEvent = {
  at: Date;
  /** Demo user key. */
  by: string;
  action: 'created' | 'updated' | 'progress_updated';
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
};

type Change = { at: Date; order: number; by: string; patch: Partial<MilestoneState> };

export function demoMilestoneHistory(
  m: DemoMilestone,
  clock: DemoClock,
  options: {
    /** The fields of the 'created' event that are not part of the schedule (title, owner id, …). */
    fields: Record<string, unknown>;
    plannedAt: Date;
    /** When the second baseline re-planned the lab, if it did. */
    replannedAt: Date | null;
    /** Who plans (the manager) and who logs progress (someone of the owning partner, else the manager). */
    planner: string;
    doer: string;
  },
): { events: MilestoneHistoryEvent[]; final: MilestoneState } {
  const { date, moment } = clock;
  let state: MilestoneState = {
    forecastStart: date(m.baseline[0]),
    forecastFinish: date(m.baseline[1]),
    actualStart: null,
    actualFinish: null,
    status: 'not_started',
    percentComplete: 0,
  };
  const events: MilestoneHistoryEvent[] = [
    { at: options.plannedAt, by: options.planner, action: 'created', before: null, after: { ...options.fields, ...state } },
  ];
  const changes: Change[] = [];
  const add = (at: Date, by: string, patch: Partial<MilestoneState>) => changes.push({ at, order: changes.length, by, patch });
  if (m.replan && options.replannedAt) {
    add(options.replannedAt, options.planner, { forecastStart: date(m.replan[0]), forecastFinish: date(m.replan[1]) });
  }
  const [actualStart, actualFinish] = m.actual ?? [null, null];
  if (actualStart !== null) add(moment(actualStart, 60), options.doer, { status: 'in_progress', actualStart: date(actualStart) });
  for (const h of m.history ?? []) {
    add(moment(h.at, 120), h.by, {
      ...(h.status ? { status: h.status } : {}),
      ...(h.percent !== undefined ? { percentComplete: h.percent } : {}),
      ...(h.forecast ? { forecastStart: date(h.forecast[0]), forecastFinish: date(h.forecast[1]) } : {}),
    });
  }
  if (actualFinish !== null) {
    add(moment(actualFinish, 480), options.doer, { status: 'done', percentComplete: 100, actualFinish: date(actualFinish) });
  }
  changes.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  for (const change of changes) {
    const diff = changedFields(state, change.patch);
    if (!diff.changed) continue;
    state = { ...state, ...change.patch };
    // Moving the forecast is a manager's edit of the plan; the rest is progress a member logs.
    const action = 'forecastFinish' in change.patch || 'forecastStart' in change.patch ? 'updated' : 'progress_updated';
    events.push({ at: change.at, by: change.by, action, before: diff.before, after: diff.after });
  }
  return { events, final: state };
}
