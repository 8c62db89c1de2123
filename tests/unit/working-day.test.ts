import { describe, expect, it } from 'vitest';
import { workingToday } from '../../server/domain/working-day';

describe('the working day', () => {
  it('is the calendar date in China Standard Time', () => {
    expect(workingToday(new Date('2026-06-15T15:59:59Z'))).toBe('2026-06-15');
    expect(workingToday(new Date('2026-06-15T16:00:00Z'))).toBe('2026-06-16');
    expect(workingToday(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
