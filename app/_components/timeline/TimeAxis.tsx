import clsx from 'clsx';
import type { ReactNode } from 'react';
import type { Formatter } from '@/app/_lib/i18n';
import type { TimeAxis as Axis } from './scale';
import type { TimelineZoom } from './types';

export const AXIS_HEIGHT = 46;

/** The label under a minor tick: the month's short name, or the quarter. */
export function minorTickLabel(zoom: TimelineZoom, format: Formatter, quarter: (n: number) => string) {
  return (date: Date) =>
    zoom === 'month' ? format.dateTime(date, { month: 'short', timeZone: 'UTC' }) : quarter(Math.floor(date.getUTCMonth() / 3) + 1);
}

/**
 * The axis band of a timeline drawing (lab or portfolio): years above, months or quarters below,
 * and faint grid lines down through the rows. `left` is where the dates start (after the labels);
 * a minor label is written only when the gap to the next tick holds at least `minGap(label)`.
 */
export function TimeAxisBand({
  axis,
  left,
  width,
  height,
  minorLabel,
  minGap,
}: {
  axis: Axis;
  left: number;
  width: number;
  height: number;
  minorLabel: (date: Date) => string;
  minGap: (label: string) => number;
}) {
  return (
    <g aria-hidden="true" fontSize="11" fill="#5b6577">
      <rect x={left} y={0} width={width - left} height={AXIS_HEIGHT} fill="#f7f8fa" />
      {axis.minorTicks.map((tick) => {
        const label = minorLabel(tick.date);
        return (
          <g key={tick.x}>
            <line x1={left + tick.x} x2={left + tick.x} y1={22} y2={height} stroke="#eef1f5" />
            {tick.next - tick.x >= minGap(label) ? (
              <text x={left + tick.x + 4} y={38}>
                {label}
              </text>
            ) : null}
          </g>
        );
      })}
      {axis.majorTicks.map((tick) => (
        <g key={tick.x}>
          <line x1={left + tick.x} x2={left + tick.x} y1={0} y2={height} stroke="#d5dbe3" />
          <text x={left + tick.x + 4} y={15} fontWeight="600" fill="#334155">
            {tick.date.getUTCFullYear()}
          </text>
        </g>
      ))}
      <line x1={0} x2={width} y1={AXIS_HEIGHT - 0.5} y2={AXIS_HEIGHT - 0.5} stroke="#cbd5e1" />
    </g>
  );
}

/**
 * The frame a timeline is drawn in. It marks today twice: a zero-width mark the browser opens the
 * sideways scroll at (timeline.css), and the position TimelineScroller reads where it cannot.
 */
export function TimelineFrame({ todayX, className, children }: { todayX: number; className?: string; children: ReactNode }) {
  const x = Math.round(todayX);
  return (
    // clsx, not a template string: Tailwind finds `w-max` only as a whole word of the source.
    <div className={clsx('tl-frame relative grid w-max', className)} data-today-x={x}>
      <span className="tl-today-anchor" style={{ left: x }} aria-hidden />
      {children}
    </div>
  );
}
