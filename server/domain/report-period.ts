import { addDays, daysBetween, isValidIsoDate, parseIsoDate } from './dates';
import { startOfDayIn } from './working-day';

// The date range a status report covers: inclusive calendar days of the lab (decisions 006, 024), by default the
// month up to today. Pure, so the page and the procedure agree on every rule.

/** A report covers at most two years: longer ranges are not a status report any more. */
export const MAX_REPORT_DAYS = 731;

export type ReportPeriod = { from: string; to: string };

export type PeriodProblem = { field: 'from' | 'to'; key: string };

/** The same day one month earlier; the 31st of a short month becomes its last day (31 March → 28 February). */
export function monthBefore(iso: string): string {
  const date = parseIsoDate(iso);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

export function defaultReportPeriod(today: string): ReportPeriod {
  return { from: monthBefore(today), to: today };
}

/**
 * The period asked for, with the defaults filled in, or the first problem with it. `today` is the
 * latest day a report may cover: a report says what happened, not what is planned.
 */
export function resolveReportPeriod(
  asked: { from?: string | null; to?: string | null },
  today: string,
): { ok: true; period: ReportPeriod } | { ok: false; problem: PeriodProblem } {
  for (const field of ['from', 'to'] as const) {
    const value = asked[field];
    if (value && !isValidIsoDate(value)) return { ok: false, problem: { field, key: 'validation.date' } };
  }
  const to = asked.to || today;
  const from = asked.from || (asked.to ? monthBefore(asked.to) : defaultReportPeriod(today).from);
  if (to > today) return { ok: false, problem: { field: 'to', key: 'report.errors.toInFuture' } };
  if (to < from) return { ok: false, problem: { field: 'to', key: 'report.errors.toBeforeFrom' } };
  if (daysBetween(from, to) + 1 > MAX_REPORT_DAYS) return { ok: false, problem: { field: 'from', key: 'report.errors.tooLong' } };
  return { ok: true, period: { from, to } };
}

/** The instants a period covers: from its first day's start to the start of the day after its last, in the lab's time zone. */
export function periodInstants(period: ReportPeriod, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDayIn(timeZone, period.from), end: startOfDayIn(timeZone, addDays(period.to, 1)) };
}
