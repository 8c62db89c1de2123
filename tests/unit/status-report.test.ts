import { describe, expect, it } from 'vitest';
import { netFieldChanges } from '@/server/domain/field-changes';
import { healthCounts, healthSteps } from '@/server/domain/health-trend';
import { defaultReportPeriod, MAX_REPORT_DAYS, monthBefore, periodInstants, resolveReportPeriod } from '@/server/domain/report-period';
import { addDays } from '@/server/domain/dates';

describe('the report period', () => {
  it('defaults to the month up to today', () => {
    expect(defaultReportPeriod('2026-06-15')).toEqual({ from: '2026-05-15', to: '2026-06-15' });
    expect(resolveReportPeriod({}, '2026-06-15')).toEqual({ ok: true, period: { from: '2026-05-15', to: '2026-06-15' } });
    expect(resolveReportPeriod({ to: '2026-04-30' }, '2026-06-15')).toEqual({ ok: true, period: { from: '2026-03-30', to: '2026-04-30' } });
  });

  it('steps back a month to the last day of a shorter month', () => {
    expect(monthBefore('2026-03-31')).toBe('2026-02-28');
    expect(monthBefore('2024-03-31')).toBe('2024-02-29');
    expect(monthBefore('2026-01-15')).toBe('2025-12-15');
  });

  it('refuses malformed, reversed, future and overlong periods, naming the field', () => {
    const problem = (asked: { from?: string; to?: string }) => {
      const r = resolveReportPeriod(asked, '2026-06-15');
      return r.ok ? null : r.problem;
    };
    expect(problem({ from: '2026-02-30' })).toEqual({ field: 'from', key: 'validation.date' });
    expect(problem({ from: '2026-06-10', to: '2026-06-01' })).toEqual({ field: 'to', key: 'report.errors.toBeforeFrom' });
    expect(problem({ to: '2026-06-16' })).toEqual({ field: 'to', key: 'report.errors.toInFuture' });
    expect(problem({ from: addDays('2026-06-15', -MAX_REPORT_DAYS), to: '2026-06-15' })).toEqual({
      field: 'from',
      key: 'report.errors.tooLong',
    });
    expect(problem({ from: addDays('2026-06-15', -MAX_REPORT_DAYS + 1), to: '2026-06-15' })).toBeNull();
    expect(problem({ from: '2026-06-15', to: '2026-06-15' })).toBeNull();
  });

  it('covers whole days of the lab: from the first day’s start to the start of the day after the last', () => {
    expect(periodInstants({ from: '2026-05-15', to: '2026-06-15' }, 'UTC')).toEqual({
      start: new Date('2026-05-15T00:00:00Z'),
      end: new Date('2026-06-16T00:00:00Z'),
    });
    // A day in Beijing begins at 16:00 UTC the day before.
    expect(periodInstants({ from: '2026-12-01', to: '2026-12-07' }, 'Asia/Shanghai')).toEqual({
      start: new Date('2026-11-30T16:00:00Z'),
      end: new Date('2026-12-07T16:00:00Z'),
    });
  });
});

describe('the health trend', () => {
  const start = new Date('2026-06-01T00:00:00Z');
  const end = new Date('2026-06-11T00:00:00Z');
  const day = (n: number) => new Date(start.getTime() + n * 86_400_000);

  it('holds each reported health until the next change, starting from the health before the period', () => {
    expect(
      healthSteps(start, end, 'on_track', [
        { at: day(2), health: 'at_risk' },
        { at: day(5), health: 'at_risk' },
        { at: day(8), health: 'off_track' },
      ]),
    ).toEqual([
      { health: 'on_track', start: 0, end: 0.2 },
      { health: 'at_risk', start: 0.2, end: 0.8 },
      { health: 'off_track', start: 0.8, end: 1 },
    ]);
  });

  it('begins at the first update when nothing was reported before the period, and is empty without any update', () => {
    expect(healthSteps(start, end, null, [{ at: day(5), health: 'on_track' }])).toEqual([{ health: 'on_track', start: 0.5, end: 1 }]);
    expect(healthSteps(start, end, null, [])).toEqual([]);
    expect(healthSteps(start, end, 'at_risk', [])).toEqual([{ health: 'at_risk', start: 0, end: 1 }]);
  });

  it('counts updates by health', () => {
    expect(
      healthCounts([
        { at: day(1), health: 'at_risk' },
        { at: day(2), health: 'at_risk' },
      ]),
    ).toEqual({ on_track: 0, at_risk: 2, off_track: 0 });
  });
});

describe('net field changes', () => {
  it('keeps the value before the first change and after the last, per record, and drops changes that end where they began', () => {
    const changes = netFieldChanges(
      [
        { entityId: 1, before: null, after: { percentComplete: 0 } },
        { entityId: 1, before: { percentComplete: 20 }, after: { percentComplete: 40 } },
        { entityId: 1, before: { percentComplete: 40, status: 'in_progress' }, after: { percentComplete: 55, status: 'at_risk' } },
        { entityId: 2, before: { forecastFinish: '2026-06-01' }, after: { forecastFinish: '2026-07-01' } },
        { entityId: 2, before: { forecastFinish: '2026-07-01' }, after: { forecastFinish: '2026-06-01' } },
      ],
      ['percentComplete', 'status', 'forecastFinish'],
    );
    expect(Object.fromEntries(changes)).toEqual({
      1: { percentComplete: { from: 20, to: 55 }, status: { from: 'in_progress', to: 'at_risk' } },
    });
  });
});
