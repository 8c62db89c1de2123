import type { MilestoneStatus } from '@/common/enums';

export type MilestoneDates = {
  forecastStart?: string;
  forecastFinish?: string;
  actualStart: string | null;
  actualFinish: string | null;
  status: MilestoneStatus;
  percentComplete: number;
};

export type RuleViolation = { field: keyof MilestoneDates; key: string };

/**
 * The rules a milestone's dates and progress must follow, as field errors (message keys). The
 * database CHECKs enforce the same; checking here first lets the form say which field to fix.
 * With `today` (the lab's day), actual dates after it are refused too.
 */
export function milestoneRuleViolations(m: MilestoneDates, today?: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (m.forecastStart && m.forecastFinish && m.forecastFinish < m.forecastStart) {
    violations.push({ field: 'forecastFinish', key: 'validation.finishBeforeStart' });
  }
  if (m.actualStart && m.actualFinish && m.actualFinish < m.actualStart) {
    violations.push({ field: 'actualFinish', key: 'validation.finishBeforeStart' });
  }
  // Actual dates record what happened: not after today in the lab (measurements are held to the same).
  if (today) violations.push(...futureActualDates(m, today));
  if (m.status === 'done') {
    if (!m.actualFinish) violations.push({ field: 'actualFinish', key: 'validation.doneNeedsActualFinish' });
    if (m.percentComplete !== 100) violations.push({ field: 'percentComplete', key: 'validation.doneNeedsFullPercent' });
  }
  return violations;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Actual start or finish after today in the lab; tolerant of any input (it also checks raw form data). */
export function futureActualDates(m: { actualStart?: unknown; actualFinish?: unknown }, today: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const field of ['actualStart', 'actualFinish'] as const) {
    const value = m[field];
    if (typeof value === 'string' && ISO_DATE.test(value) && value > today) violations.push({ field, key: 'validation.actualInFuture' });
  }
  return violations;
}
