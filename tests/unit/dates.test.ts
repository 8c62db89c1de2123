import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isValidIsoDate, todayIso } from '@/server/domain/dates';

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('counts whole days, negative when the second date is earlier', () => {
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
    expect(daysBetween('2024-03-01', '2024-01-01')).toBe(-60);
    expect(daysBetween('2024-05-05', '2024-05-05')).toBe(0);
  });

  it('accepts only real ISO calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-13-01')).toBe(false);
    expect(isValidIsoDate('2024-1-01')).toBe(false);
    expect(isValidIsoDate('01/02/2024')).toBe(false);
  });

  it('takes today in UTC', () => {
    expect(todayIso(new Date('2026-11-26T23:30:00-05:00'))).toBe('2026-11-27');
  });
});
