import { formatNumber } from '../goal-chart/format';

/** A value with its unit, the unit set smaller so long units ("kg CO₂e/t") do not crowd the number. */
export function Measure({ locale, value, suffix, digits = 2 }: { locale: string; value: number; suffix: string; digits?: number }) {
  const number = formatNumber(locale, value, digits);
  if (!suffix) return <span className="num whitespace-nowrap">{number}</span>;
  if (suffix === '%') return <span className="num whitespace-nowrap">{number}%</span>;
  return (
    <span className="num">
      <span className="whitespace-nowrap">{number}</span>{' '}
      <span className="whitespace-nowrap text-[0.75em] font-medium text-ink-soft">{suffix}</span>
    </span>
  );
}
