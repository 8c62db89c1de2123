import type { useFormatter } from 'next-intl';
import { parseIsoDate } from '@/server/domain/dates';

type Formatter = ReturnType<typeof useFormatter>;

/** Formats a calendar date (YYYY-MM-DD) in UTC, so it never moves by a day in any time zone. */
export function formatIsoDate(format: Formatter, iso: string | null | undefined, style: 'medium' | 'short' = 'medium'): string {
  if (!iso) return '';
  return format.dateTime(parseIsoDate(iso), { dateStyle: style, timeZone: 'UTC' });
}
