import { LRUCache } from 'lru-cache';

// Number and date formatting for goal values, per locale, without a React context, so the chart
// and the pages that show a goal format identically on the server and in the browser.

// Making an Intl.NumberFormat costs far more than using one (the workspace page formats a figure
// for each of its goals: 1 ms of a request's CPU). They hold no data, only the locale's rules, so
// one per locale and precision is kept; a few dozen at most.
const numberFormats = new LRUCache<string, Intl.NumberFormat>({ max: 64 });

export function formatNumber(locale: string, value: number, maximumFractionDigits = 2): string {
  const key = `${locale} ${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return format.format(value);
}

/** Decimals for computed figures (expected values, gaps): the trajectory is a plan, not a measurement. */
export function derivedDigits(value: number): number {
  return Math.abs(value) >= 100 ? 0 : 1;
}

/** "21.2%", "1,640 kg CO₂e/t", "3": the value with its unit's short label. */
export function formatMeasure(locale: string, value: number, suffix: string, maximumFractionDigits = 2): string {
  const number = formatNumber(locale, value, maximumFractionDigits);
  if (!suffix) return number;
  return suffix === '%' ? `${number}%` : `${number} ${suffix}`;
}

export function formatChartDate(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** Axis labels: the year alone on long spans, month and year otherwise. */
export function formatTick(locale: string, date: Date, longSpan: boolean): string {
  return new Intl.DateTimeFormat(
    locale,
    longSpan ? { year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' },
  ).format(date);
}
