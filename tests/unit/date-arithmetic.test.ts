import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoDateFromDate, parseIsoDate } from '@/server/domain/dates';

// daysBetween and addDays avoid building Date objects (they run for every milestone of every
// timeline); they must give exactly what the Date-based definitions give, for any text.

const DAY_MS = 86_400_000;
const slowDaysBetween = (from: string, to: string) => Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);
const isoDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map(isoDateFromDate);
const oddText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2026-02-31', '2026-13-01', '0050-06-01', '2026-1-1', ''));

describe('allocation-free date arithmetic', () => {
  it('counts the same days as the Date-based definition, for real dates and for any text', () => {
    fc.assert(
      fc.property(fc.oneof(isoDate, oddText), fc.oneof(isoDate, oddText), (a, b) => {
        expect(daysBetween(a, b)).toEqual(slowDaysBetween(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds days like the Date-based definition', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (a, n) => {
        const expected = new Date(parseIsoDate(a).getTime() + n * DAY_MS);
        if (Number.isNaN(expected.getTime()) || expected.getUTCFullYear() > 9999) return;
        expect(addDays(a, n)).toBe(isoDateFromDate(expected));
      }),
      { numRuns: 1000 },
    );
  });
});
