import { describe, expect, it } from 'vitest';
import { dayIn, isTimeZone, labToday, readerTimeZone, startOfDayIn, workingToday } from '@/server/domain/working-day';

describe('the working day', () => {
  it('is the calendar date in China Standard Time where no lab says otherwise', () => {
    expect(workingToday(new Date('2026-06-15T15:59:59Z'))).toBe('2026-06-15');
    expect(workingToday(new Date('2026-06-15T16:00:00Z'))).toBe('2026-06-16');
    expect(workingToday(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('is each lab’s own calendar date', () => {
    const clock = new Date('2026-12-07T20:00:00Z');
    expect(labToday({ timeZone: 'Asia/Shanghai' }, clock)).toBe('2026-12-08');
    expect(labToday({ timeZone: 'Europe/Berlin' }, clock)).toBe('2026-12-07');
    expect(dayIn('Pacific/Kiritimati', clock)).toBe('2026-12-08');
    expect(dayIn('America/Los_Angeles', clock)).toBe('2026-12-07');
  });

  it('begins at local midnight, also on the days clocks change', () => {
    expect(startOfDayIn('Asia/Shanghai', '2026-12-08').toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(startOfDayIn('Europe/Berlin', '2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayIn('Europe/Berlin', '2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayIn('Asia/Kolkata', '2026-05-05').toISOString()).toBe('2026-05-04T18:30:00.000Z');
    expect(startOfDayIn('UTC', '2026-01-01').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('a reader’s time zone', () => {
  it('is the one chosen, else the browser’s, else China Standard Time; names the runtime does not know are ignored', () => {
    expect(readerTimeZone('Europe/Berlin', 'Asia/Tokyo')).toBe('Europe/Berlin');
    expect(readerTimeZone(null, 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(readerTimeZone(null, undefined)).toBe('Asia/Shanghai');
    expect(readerTimeZone('Mars/Base', '../../etc')).toBe('Asia/Shanghai');
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});
