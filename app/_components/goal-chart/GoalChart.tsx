import clsx from 'clsx';
import { expectedValueAt } from '@/server/domain/goal-status';
import { buildGoalChart, NARROW, SPARK, WIDE, type ChartGoal, type ChartGeometry, type ChartPoint } from './geometry';
import { formatChartDate, formatMeasure, formatTick } from './format';
import { svgMarkup } from '../svg-markup';
import { labelled } from '@/app/_lib/punctuation';

/** Every word the chart shows, already in the reader's language (see goalChartLabels()). */
export type GoalChartLabels = {
  measured: string;
  trajectory: string;
  tolerance: string;
  target: string;
  baseline: string;
  today: string;
  date: string;
  value: string;
  expected: string;
  tableCaption: string;
  noData: string;
};

export type GoalChartProps = {
  goal: ChartGoal;
  points: readonly ChartPoint[];
  today: string;
  locale: string;
  /** The unit's short label ("%", "t", "kg CO₂e/t"), or the manager's own label for 'other'. */
  unitSuffix: string;
  /** What the chart is about, for screen readers ("Domestic share of OLED evaporation materials"). */
  title: string;
  labels: GoalChartLabels;
};

const COLORS = {
  measured: '#1d4ed8',
  trajectory: '#475569',
  band: '#16a34a',
  target: '#0f172a',
  today: '#b45309',
  grid: '#e2e8f0',
  axis: '#5b6577',
};

/**
 * A goal's measurements against its trajectory, as server-rendered SVG: it needs no JavaScript,
 * prints, and shows each value on hover and on keyboard focus (CSS only). A wide drawing for
 * desktops and print, a narrow one for phones, and a table with the same data for screen readers.
 * Takes plain data and fetches nothing, so the public fact sheet can reuse it.
 */
export function GoalChart(props: GoalChartProps) {
  const { goal, points, today, locale, labels } = props;
  const wide = buildGoalChart(goal, points, today, WIDE);
  const narrow = buildGoalChart(goal, points, today, NARROW);
  return (
    <figure className="m-0">
      {/* Static drawings: sent as markup, so the page neither ships nor hydrates their elements (svg-markup.ts). */}
      <div
        className="hidden sm:block print:block"
        dangerouslySetInnerHTML={{ __html: svgMarkup(<ChartSvg geometry={wide} {...props} />) }}
      />
      <div className="sm:hidden print:hidden" dangerouslySetInnerHTML={{ __html: svgMarkup(<ChartSvg geometry={narrow} {...props} />) }} />
      <Legend labels={labels} />
      {/* sr-only on a wrapper: a table is never narrower than its content, so it would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{labelled(locale, labels.tableCaption, props.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.date}</th>
              <th scope="col">{labels.value}</th>
              <th scope="col">{labels.expected}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{`${labels.baseline} · ${formatChartDate(locale, goal.baselineDate)}`}</th>
              <td>{formatMeasure(locale, goal.baselineValue, props.unitSuffix)}</td>
              <td>{formatMeasure(locale, goal.baselineValue, props.unitSuffix)}</td>
            </tr>
            {points.map((p, i) => (
              <tr key={`${p.asOf}-${i}`}>
                <th scope="row">{formatChartDate(locale, p.asOf)}</th>
                <td>{formatMeasure(locale, p.value, props.unitSuffix)}</td>
                <td>{formatMeasure(locale, round(expectedValueAt({ ...goal, tolerance: null }, p.asOf)), props.unitSuffix)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{`${labels.target} · ${formatChartDate(locale, goal.targetDate)}`}</th>
              <td>—</td>
              <td>{formatMeasure(locale, goal.targetValue, props.unitSuffix)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {points.length === 0 ? <figcaption className="mt-1 text-sm text-muted">{labels.noData}</figcaption> : null}
    </figure>
  );
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}

/** One drawing of the chart at one size (exported for tests/unit/svg-markup.test.ts). */
export function ChartSvg({ geometry: g, goal, locale, unitSuffix, title, labels }: GoalChartProps & { geometry: ChartGeometry }) {
  const { width, height } = g.size;
  const longSpan = g.xTicks.length > 1 && g.xTicks[g.xTicks.length - 1]!.date.getUTCFullYear() - g.xTicks[0]!.date.getUTCFullYear() >= 3;
  const xLabels = spacedLabels(g.xTicks.map((t) => ({ x: t.x, text: formatTick(locale, t.date, longSpan) })));
  const targetLabel = `${labels.target} ${formatMeasure(locale, goal.targetValue, unitSuffix)}`;
  // The target label sits left of the marker when the marker is near the right edge.
  const targetLabelEnd = g.target.x > width - 120;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="block h-auto w-full overflow-visible" role="group" aria-label={title}>
      <g aria-hidden="true">
        {g.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke={COLORS.grid} />
            <text x={g.plot.left - 8} y={t.y} dy="0.32em" textAnchor="end" fontSize={11} fill={COLORS.axis} className="num">
              {formatMeasure(locale, t.value, unitSuffix === '%' ? '%' : '')}
            </text>
          </g>
        ))}
        {xLabels.map((t) => (
          <text key={t.x} x={t.x} y={g.plot.bottom + 18} textAnchor="middle" fontSize={11} fill={COLORS.axis}>
            {t.text}
          </text>
        ))}
        <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} stroke="#cbd5e1" />
        <path d={g.band} fill={COLORS.band} fillOpacity={0.12} />
        <path d={g.trajectory} fill="none" stroke={COLORS.trajectory} strokeWidth={1.5} strokeDasharray="6 4" />
        {g.today ? (
          <g>
            <line
              x1={g.today.x}
              x2={g.today.x}
              y1={g.plot.top - 6}
              y2={g.plot.bottom}
              stroke={COLORS.today}
              strokeWidth={1.25}
              strokeDasharray="2 3"
            />
            <text x={g.today.x} y={g.plot.top - 10} textAnchor="middle" fontSize={11} fontWeight={500} fill={COLORS.today}>
              {labels.today}
            </text>
          </g>
        ) : null}
        <circle cx={g.baseline.x} cy={g.baseline.y} r={3.5} fill="#fff" stroke={COLORS.trajectory} strokeWidth={1.5} />
        <path d={diamond(g.target.x, g.target.y, 6)} fill={COLORS.target} />
        <text
          x={g.target.x + (targetLabelEnd ? -10 : 10)}
          // Beside the marker, or next to it on the side away from the incoming trajectory when squeezed against the edge.
          y={targetLabelEnd ? g.target.y + (goal.direction === 'raise' ? -12 : 16) : g.target.y}
          dy={targetLabelEnd ? undefined : '0.32em'}
          textAnchor={targetLabelEnd ? 'end' : 'start'}
          fontSize={11}
          fontWeight={600}
          fill={COLORS.target}
          className="num"
        >
          {targetLabel}
        </text>
        {g.measured ? <path d={g.measured} fill="none" stroke={COLORS.measured} strokeWidth={2.25} strokeLinejoin="round" /> : null}
      </g>
      {g.points.map((p, i) => {
        const text = labelled(locale, formatChartDate(locale, p.asOf), formatMeasure(locale, p.value, unitSuffix));
        return (
          <g key={`${p.asOf}-${i}`} tabIndex={0} role="img" aria-label={text} className="group cursor-default outline-none" data-point>
            <circle cx={p.x} cy={p.y} r={11} fill="transparent" />
            <circle
              cx={p.x}
              cy={p.y}
              r={7}
              fill="none"
              stroke={COLORS.measured}
              strokeWidth={2}
              className="opacity-0 group-focus-visible:opacity-100"
            />
            <circle cx={p.x} cy={p.y} r={i === g.points.length - 1 ? 4.5 : 3.5} fill={COLORS.measured} stroke="#fff" strokeWidth={1.5} />
            <g className="hidden group-hover:block group-focus:block print:hidden" aria-hidden="true">
              <rect x={p.tip.x} y={p.tip.y} width={p.tip.width} height={p.tip.height} rx={6} fill="#0f172a" fillOpacity={0.92} />
              <text x={p.tip.x + 10} y={p.tip.y + 16} fontSize={11} fill="#cbd5e1">
                {formatChartDate(locale, p.asOf)}
              </text>
              <text x={p.tip.x + 10} y={p.tip.y + 32} fontSize={13} fontWeight={600} fill="#fff" className="num">
                {formatMeasure(locale, p.value, unitSuffix)}
              </text>
            </g>
          </g>
        );
      })}
    </svg>
  );
}

/** Rough width of an axis label at 11 px: Chinese characters are about twice as wide as Latin ones. */
function labelWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 11 : 6.6;
  return width;
}

/** Every n-th tick label, so labels never overlap, whatever the language and width. */
function spacedLabels(ticks: { x: number; text: string }[]) {
  if (ticks.length < 2) return ticks;
  const spacing = (ticks[ticks.length - 1]!.x - ticks[0]!.x) / (ticks.length - 1);
  const widest = Math.max(...ticks.map((t) => labelWidth(t.text)));
  const stride = Math.max(1, Math.ceil((widest + 14) / spacing));
  return ticks.filter((_, i) => i % stride === 0);
}

function diamond(x: number, y: number, r: number): string {
  return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
}

function Legend({ labels }: { labels: GoalChartLabels }) {
  const item = 'inline-flex items-center gap-1.5';
  return (
    <ul aria-hidden="true" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-soft">
      <li className={item}>
        <svg width="22" height="10" aria-hidden>
          <line x1="1" x2="21" y1="5" y2="5" stroke={COLORS.measured} strokeWidth="2.25" />
          <circle cx="11" cy="5" r="3" fill={COLORS.measured} />
        </svg>
        {labels.measured}
      </li>
      <li className={item}>
        <svg width="22" height="10" aria-hidden>
          <line x1="1" x2="21" y1="5" y2="5" stroke={COLORS.trajectory} strokeWidth="1.5" strokeDasharray="5 3" />
        </svg>
        {labels.trajectory}
      </li>
      <li className={item}>
        <span className="inline-block h-2.5 w-5 rounded-sm" style={{ background: 'rgba(22,163,74,0.18)' }} />
        {labels.tolerance}
      </li>
      <li className={item}>
        <svg width="12" height="12" aria-hidden>
          <path d={diamond(6, 6, 5)} fill={COLORS.target} />
        </svg>
        {labels.target}
      </li>
      <li className={item}>
        <svg width="10" height="14" aria-hidden>
          <line x1="5" x2="5" y1="1" y2="13" stroke={COLORS.today} strokeWidth="1.5" strokeDasharray="2 2" />
        </svg>
        {labels.today}
      </li>
    </ul>
  );
}

/** A small chart for lists: measurements, trajectory and target, no axes or text. */
export function GoalSparkline({
  goal,
  points,
  today,
  label,
  className,
}: {
  goal: ChartGoal;
  points: readonly ChartPoint[];
  today: string;
  label: string;
  className?: string;
}) {
  const g = buildGoalChart(goal, points, today, SPARK);
  const lastPoint = g.points[g.points.length - 1];
  return (
    <svg viewBox={`0 0 ${SPARK.width} ${SPARK.height}`} className={clsx('block h-auto w-full', className)} role="img" aria-label={label}>
      <path d={g.band} fill={COLORS.band} fillOpacity={0.14} />
      <path d={g.trajectory} fill="none" stroke={COLORS.trajectory} strokeWidth={1.25} strokeDasharray="4 3" />
      {g.today ? (
        <line x1={g.today.x} x2={g.today.x} y1={2} y2={SPARK.height - 2} stroke={COLORS.today} strokeWidth={1} strokeDasharray="2 2" />
      ) : null}
      <path d={diamond(g.target.x, g.target.y, 4)} fill={COLORS.target} />
      {g.measured ? <path d={g.measured} fill="none" stroke={COLORS.measured} strokeWidth={2} strokeLinejoin="round" /> : null}
      {lastPoint ? <circle cx={lastPoint.x} cy={lastPoint.y} r={3} fill={COLORS.measured} /> : null}
    </svg>
  );
}
