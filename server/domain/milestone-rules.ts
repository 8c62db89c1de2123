import type { MilestoneStatus } from './enums';

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
 */
export function milestoneRuleViolations(m: MilestoneDates): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (m.forecastStart && m.forecastFinish && m.forecastFinish < m.forecastStart) {
    violations.push({ field: 'forecastFinish', key: 'validation.finishBeforeStart' });
  }
  if (m.actualStart && m.actualFinish && m.actualFinish < m.actualStart) {
    violations.push({ field: 'actualFinish', key: 'validation.finishBeforeStart' });
  }
  if (m.status === 'done') {
    if (!m.actualFinish) violations.push({ field: 'actualFinish', key: 'validation.doneNeedsActualFinish' });
    if (m.percentComplete !== 100) violations.push({ field: 'percentComplete', key: 'validation.doneNeedsFullPercent' });
  }
  return violations;
}
