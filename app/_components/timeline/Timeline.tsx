import './timeline.css';
import { svgMarkup } from '../svg-markup';
import { MILESTONE_STATUSES as STATUS_KEYS, STAGES } from '@/common/enums';
import { formatIsoDate } from '@/app/_lib/dates';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { fitText } from './fit-text';
import { timeAxis } from './scale';
import { AXIS_HEIGHT, minorTickLabel, TimeAxisBand, TimelineFrame } from './TimeAxis';
import { statusPaint, CRITICAL, CONFLICT, BASELINE, TODAY } from './paint';
import { slipParams, type TimelineItem, type TimelineLink, type TimelineOptions } from './types';
import { percentText } from '@/app/_lib/percent';

const LABEL_WIDTH = 264;
const PHASE_HEIGHT = 26;
const ROW_HEIGHT = 38;
const BAR_HEIGHT = 14;

type Row = { kind: 'phase'; phase: TimelineItem['phase']; count: number; y: number } | { kind: 'item'; item: TimelineItem; y: number };

/**
 * A Gantt-style timeline as server-rendered SVG: rows grouped by phase, the forecast bar with its
 * percent-complete fill, a thin bar for the chosen baseline, actual start/finish markers, dependency
 * arrows, the critical path, conflict marks, slippage badges and a today line. Each row is one link
 * (keyboard: one tab stop per milestone) to the milestone's details when `hrefFor` is given.
 */
export function Timeline({
  i18n,
  items,
  links,
  options,
  label,
}: {
  i18n: I18n;
  items: readonly TimelineItem[];
  links: readonly TimelineLink[];
  options: TimelineOptions;
  /** Accessible name of the chart (e.g. the lab's name). */
  label: string;
}) {
  const { format } = i18n;
  const t = scoped(i18n, 'timeline');
  const te = scoped(i18n, 'enums');
  const planning = options.showPlanningMarks ?? true;
  const ids = options.idPrefix ?? 'tl';

  const rows: Row[] = [];
  let y = AXIS_HEIGHT;
  for (const phase of STAGES) {
    const inPhase = items.filter((i) => i.phase === phase);
    if (inPhase.length === 0) continue;
    rows.push({ kind: 'phase', phase, count: inPhase.length, y });
    y += PHASE_HEIGHT;
    for (const item of inPhase) {
      rows.push({ kind: 'item', item, y });
      y += ROW_HEIGHT;
    }
  }
  const height = y + 8;
  const dates = items.flatMap((i) => [i.forecastStart, i.forecastFinish, i.baselineStart, i.baselineFinish, i.actualStart, i.actualFinish]);
  const axis = timeAxis(
    [...dates.filter((d): d is string => d !== null), ...(options.axisDates ?? []), options.today],
    options.zoom,
    options.axisWidth,
  );
  const width = LABEL_WIDTH + axis.width + 16;
  const cx = (iso: string) => LABEL_WIDTH + axis.x(iso);
  const cxEnd = (iso: string) => LABEL_WIDTH + axis.xEnd(iso);
  const rowY = new Map(rows.flatMap((r) => (r.kind === 'item' ? [[r.item.id, r.y + ROW_HEIGHT / 2] as const] : [])));
  const byId = new Map(items.map((i) => [i.id, i]));
  const minorLabel = minorTickLabel(options.zoom, format, (quarter) => t('quarterShort', { quarter }));
  // Hundreds of rows repeat the same dates and words: format each once.
  const dateCache = new Map<string, string>();
  const dateText = (iso: string) => dateCache.get(iso) ?? dateCache.set(iso, formatIsoDate(format, iso)).get(iso)!;
  const words = {
    late: t('late'),
    critical: t('critical'),
    onCriticalPath: t('onCriticalPath'),
    conflict: t('conflictSentence'),
    status: Object.fromEntries(STATUS_KEYS.map((s) => [s, te(`milestoneStatus.${s}`)])) as Record<TimelineItem['status'], string>,
    phase: Object.fromEntries(STAGES.map((s) => [s, te(`stage.${s}`)])) as Record<TimelineItem['phase'], string>,
  };
  const todayX = cx(options.today);

  /** The two-line label of a row: title, then status word, percent, late/critical and owner. */
  const labelOf = (m: TimelineItem, top: number) => {
    const paint = statusPaint[m.status];
    const critical = planning && m.critical;
    const meta: { text: string; color?: string; strong?: boolean }[] = [
      { text: words.status[m.status], color: paint.text, strong: true },
      { text: percentText(i18n.locale, m.percentComplete) },
      ...(m.late ? [{ text: words.late, color: CONFLICT, strong: true }] : []),
      ...(critical ? [{ text: words.critical, color: CRITICAL, strong: true }] : []),
      ...(m.owner ? [{ text: fitText(m.owner, 90, 10.5) }] : []),
    ];
    return (
      <>
        <text x={12} y={top + 16} className={m.status === 'cancelled' ? 'tl-title tl-muted' : 'tl-title'}>
          {fitText(m.title, LABEL_WIDTH - 24, 12.5)}
        </text>
        <text x={12} y={top + 30} className="tl-meta">
          <tspan fill={paint.text} fontWeight="600">
            {`${paint.glyph} `}
          </tspan>
          {meta.map((part, index) => (
            <tspan key={index} fill={part.color} fontWeight={part.strong ? 600 : undefined}>
              {`${index > 0 ? ' · ' : ''}${part.text}`}
            </tspan>
          ))}
        </text>
      </>
    );
  };

  return (
    <TimelineFrame todayX={todayX}>
      {/* Static drawings: sent as markup, so the page neither ships nor hydrates their elements (svg-markup.ts). */}
      <div
        className="contents"
        dangerouslySetInnerHTML={{
          __html: svgMarkup(
            <svg
              className="timeline-svg col-start-1 row-start-1 block"
              width={width}
              height={height}
              viewBox={`0 0 ${width} ${height}`}
              role={options.hrefFor ? 'group' : 'img'}
              aria-label={label}
              fontFamily="inherit"
            >
              <defs>
                <marker
                  id={`${ids}-arrow`}
                  viewBox="0 0 8 8"
                  refX="7"
                  refY="4"
                  markerWidth="7"
                  markerHeight="7"
                  orient="auto-start-reverse"
                >
                  <path d="M0 0 L8 4 L0 8 z" fill="#64748b" />
                </marker>
                <marker
                  id={`${ids}-arrow-critical`}
                  viewBox="0 0 8 8"
                  refX="7"
                  refY="4"
                  markerWidth="7"
                  markerHeight="7"
                  orient="auto-start-reverse"
                >
                  <path d="M0 0 L8 4 L0 8 z" fill={CRITICAL} />
                </marker>
                <marker
                  id={`${ids}-arrow-conflict`}
                  viewBox="0 0 8 8"
                  refX="7"
                  refY="4"
                  markerWidth="7"
                  markerHeight="7"
                  orient="auto-start-reverse"
                >
                  <path d="M0 0 L8 4 L0 8 z" fill={CONFLICT} />
                </marker>
              </defs>

              {/* Axis: years above, months or quarters below, with faint grid lines through the rows. */}
              <TimeAxisBand
                axis={axis}
                left={LABEL_WIDTH}
                width={width}
                height={height}
                minorLabel={minorLabel}
                minGap={(label) => label.length * 7 + 8}
              />

              {/* Phase group headers span the whole width. */}
              {rows.map((row) =>
                row.kind === 'phase' ? (
                  <g key={`phase-${row.phase}`}>
                    <rect x={0} y={row.y} width={width} height={PHASE_HEIGHT} fill="#f1f5f9" />
                    <text x={10} y={row.y + 17} fontSize="12" fontWeight="600" fill="#0f172a">
                      {te(`stage.${row.phase}`)}
                      <tspan fill="#5b6577" fontWeight="400">{`  ·  ${t('milestoneCount', { count: row.count })}`}</tspan>
                    </text>
                  </g>
                ) : null,
              )}

              {/* Today. */}
              <g aria-hidden="true">
                <line x1={todayX} x2={todayX} y1={AXIS_HEIGHT - 6} y2={height} stroke={TODAY} strokeWidth={1.5} strokeDasharray="4 3" />
                <rect x={todayX - 24} y={AXIS_HEIGHT - 18} width={48} height={15} rx={7.5} fill={TODAY} />
                <text x={todayX} y={AXIS_HEIGHT - 7} fontSize="10" fill="#fff" textAnchor="middle" fontWeight="600">
                  {t('today')}
                </text>
              </g>

              {/* Dependency arrows, under the bars: finish of the predecessor to start of the successor. */}
              <g aria-hidden="true" fill="none">
                {links.map((link) => {
                  const from = byId.get(link.predecessorId);
                  const to = byId.get(link.successorId);
                  const y1 = rowY.get(link.predecessorId);
                  const y2 = rowY.get(link.successorId);
                  if (!from || !to || y1 === undefined || y2 === undefined) return null;
                  const x1 = cxEnd(from.forecastFinish);
                  const x2 = cx(to.forecastStart);
                  const elbow = Math.max(x1 + 6, Math.min(x2 - 8, x1 + 12));
                  const path =
                    x2 - 8 >= x1 + 6
                      ? `M${x1},${y1} H${elbow} V${y2} H${x2 - 1}`
                      : `M${x1},${y1} H${x1 + 8} V${(y1 + y2) / 2 + (y2 > y1 ? -ROW_HEIGHT / 2 + 4 : ROW_HEIGHT / 2 - 4)} H${x2 - 10} V${y2} H${x2 - 1}`;
                  const conflict = planning && link.conflict;
                  const critical = planning && link.critical;
                  return (
                    <path
                      key={`${link.predecessorId}-${link.successorId}`}
                      d={path}
                      stroke={conflict ? CONFLICT : critical ? CRITICAL : '#94a3b8'}
                      strokeWidth={critical || conflict ? 1.75 : 1.1}
                      strokeDasharray={conflict ? '4 3' : undefined}
                      markerEnd={`url(#${ids}-${conflict ? 'arrow-conflict' : critical ? 'arrow-critical' : 'arrow'})`}
                    />
                  );
                })}
              </g>

              {rows.map((row) => {
                if (row.kind !== 'item') return null;
                const m = row.item;
                const paint = statusPaint[m.status];
                const mid = row.y + ROW_HEIGHT / 2;
                const x1 = cx(m.forecastStart);
                const x2 = Math.max(cxEnd(m.forecastFinish), x1 + 4);
                const barTop = mid - BAR_HEIGHT / 2 - 2;
                const critical = planning && m.critical;
                const conflict = planning && m.conflict;
                const description = [
                  m.title,
                  words.phase[m.phase],
                  t('forecastRange', { start: dateText(m.forecastStart), finish: dateText(m.forecastFinish) }),
                  m.baselineFinish ? t('baselineRange', { start: dateText(m.baselineStart!), finish: dateText(m.baselineFinish) }) : null,
                  m.actualStart ? t('actualStarted', { date: dateText(m.actualStart) }) : null,
                  m.actualFinish ? t('actualFinished', { date: dateText(m.actualFinish) }) : null,
                  words.status[m.status],
                  t('percentDone', { percent: m.percentComplete }),
                  m.slipDays !== null ? t('slipSentence', slipParams(m.slipDays)) : null,
                  m.late ? words.late : null,
                  critical ? words.onCriticalPath : null,
                  conflict ? words.conflict : null,
                ]
                  .filter(Boolean)
                  .join('. ');
                const selected = options.selectedId === m.id;
                const content = (
                  <>
                    <title>{description}</title>
                    <rect
                      className="tl-hit"
                      x={0}
                      y={row.y}
                      width={width}
                      height={ROW_HEIGHT}
                      fill={selected ? '#dbe7ff' : 'transparent'}
                      fillOpacity={selected ? 0.55 : 0}
                    />
                    {labelOf(m, row.y)}

                    {m.baselineStart && m.baselineFinish ? (
                      <rect
                        x={cx(m.baselineStart)}
                        y={mid + BAR_HEIGHT / 2 + 1}
                        width={Math.max(3, cxEnd(m.baselineFinish) - cx(m.baselineStart))}
                        height={4}
                        rx={2}
                        fill={BASELINE}
                      />
                    ) : null}
                    <rect
                      x={x1}
                      y={barTop}
                      width={x2 - x1}
                      height={BAR_HEIGHT}
                      rx={3}
                      fill={paint.fill}
                      stroke={critical ? CRITICAL : paint.stroke}
                      strokeWidth={critical ? 2.25 : 1}
                      strokeDasharray={m.status === 'cancelled' ? '3 2' : undefined}
                    />
                    {m.percentComplete > 0 ? (
                      <rect
                        x={x1}
                        y={barTop}
                        width={Math.max(2, ((x2 - x1) * m.percentComplete) / 100)}
                        height={BAR_HEIGHT}
                        rx={3}
                        fill={paint.progress}
                        opacity={0.85}
                      />
                    ) : null}
                    {m.actualStart ? <path d={`M${cx(m.actualStart)},${barTop - 1} l-4,-6 h8 z`} fill="#0f172a" /> : null}
                    {m.actualFinish ? (
                      <path
                        d={`M${cxEnd(m.actualFinish)},${mid - 8} l6,6 l-6,6 l-6,-6 z`}
                        transform="translate(0,-2)"
                        fill="#0f172a"
                        stroke="#fff"
                        strokeWidth={1}
                      />
                    ) : null}
                    {conflict ? (
                      <g transform={`translate(${x1 - 16},${barTop - 1})`}>
                        <path d="M7 0 L14 13 H0 Z" fill={CONFLICT} />
                        <text x={7} y={11.5} fontSize="10" fontWeight="700" fill="#fff" textAnchor="middle">
                          !
                        </text>
                      </g>
                    ) : null}
                    {m.slipDays !== null && m.slipDays !== 0 ? (
                      <g transform={`translate(${x2 + 6},${mid - 10})`}>
                        <rect
                          width={t('slipBadge', { days: m.slipDays }).length * 6.2 + 10}
                          height={16}
                          rx={8}
                          fill={m.slipDays > 0 ? '#fef2f2' : '#ecfdf3'}
                          stroke={m.slipDays > 0 ? '#fca5a5' : '#86efac'}
                        />
                        <text x={5} y={11.5} fontSize="10" fontWeight="600" fill={m.slipDays > 0 ? '#b91c1c' : '#15803d'}>
                          {t('slipBadge', { days: m.slipDays })}
                        </text>
                      </g>
                    ) : null}
                  </>
                );
                return options.hrefFor ? (
                  <a
                    key={m.id}
                    href={options.hrefFor(m.id)}
                    className="tl-row"
                    data-timeline-link=""
                    aria-current={selected ? 'true' : undefined}
                  >
                    {content}
                  </a>
                ) : (
                  <g key={m.id} className="tl-row">
                    {content}
                  </g>
                );
              })}
              <line x1={LABEL_WIDTH - 0.5} x2={LABEL_WIDTH - 0.5} y1={0} y2={height} stroke="#cbd5e1" aria-hidden="true" />
            </svg>,
          ),
        }}
      />
      {/* The label column again, pinned while the chart scrolls sideways (narrower on phones). Clicks pass through to the row. */}
      <div
        aria-hidden="true"
        className="tl-sticky no-print pointer-events-none sticky left-0 z-10 col-start-1 row-start-1 self-start justify-self-start overflow-hidden border-r border-line-strong bg-surface shadow-[4px_0_6px_-4px_rgba(15,23,42,0.15)]"
        style={{ height }}
        dangerouslySetInnerHTML={{
          __html: svgMarkup(
            <svg width={LABEL_WIDTH} height={height} fontFamily="inherit">
              <rect x={0} y={0} width={LABEL_WIDTH} height={AXIS_HEIGHT} fill="#ffffff" />
              <line x1={0} x2={LABEL_WIDTH} y1={AXIS_HEIGHT - 0.5} y2={AXIS_HEIGHT - 0.5} stroke="#cbd5e1" />
              <text x={12} y={38} fontSize="11" fontWeight="600" fill="#5b6577">
                {t('table.milestone')}
              </text>
              {rows.map((row) =>
                row.kind === 'phase' ? (
                  <g key={`phase-${row.phase}`}>
                    <rect x={0} y={row.y} width={LABEL_WIDTH} height={PHASE_HEIGHT} fill="#f1f5f9" />
                    <text x={10} y={row.y + 17} fontSize="12" fontWeight="600" fill="#0f172a">
                      {te(`stage.${row.phase}`)}
                    </text>
                  </g>
                ) : (
                  <g key={row.item.id}>
                    {options.selectedId === row.item.id ? (
                      <rect x={0} y={row.y} width={LABEL_WIDTH} height={ROW_HEIGHT} fill="#dbe7ff" fillOpacity={0.55} />
                    ) : null}
                    {labelOf(row.item, row.y)}
                  </g>
                ),
              )}
            </svg>,
          ),
        }}
      />
    </TimelineFrame>
  );
}
