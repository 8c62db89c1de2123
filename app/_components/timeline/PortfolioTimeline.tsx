import './timeline.css';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { LabScheduleHealth, PortfolioLab } from '@/server/services/portfolio';
import { formatIsoDate } from '@/app/_lib/dates';
import { CONFLICT, statusPaint, TODAY } from './paint';
import { fitText } from './fit-text';
import { timeAxis } from './scale';
import { AXIS_HEIGHT, minorTickLabel, TimeAxisBand, TimelineFrame } from './TimeAxis';
import type { TimelineZoom } from './types';
import { localized } from '@/app/_lib/localized';

const LABEL_WIDTH = 280;
const LAB_ROW = 44;
const MILESTONE_ROW = 26;

export const healthPaint: Record<LabScheduleHealth, { color: string; glyph: string; band: string }> = {
  late: { color: '#b91c1c', glyph: '●', band: '#fef2f2' },
  at_risk: { color: '#b45309', glyph: '▲', band: '#fffbeb' },
  on_track: { color: '#15803d', glyph: '✓', band: 'transparent' },
};

/**
 * One row per lab: its span from first start to last finish, its milestones as markers (late ones
 * in red), and its slippage; an expanded lab shows a row per milestone. Late and at-risk labs get a
 * tinted band and a word. Each lab name links to expand or collapse it (no JavaScript needed).
 */
export async function PortfolioTimeline({
  labs,
  locale,
  today,
  zoom,
  expanded,
  toggleHref,
  labHref,
}: {
  labs: readonly PortfolioLab[];
  locale: string;
  today: string;
  zoom: TimelineZoom;
  expanded: ReadonlySet<string>;
  toggleHref: (slug: string) => string;
  labHref: (slug: string) => string;
}) {
  const t = await getTranslations('timeline');
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const dates = labs.flatMap((l) => l.milestones.flatMap((m) => [m.forecastStart, m.forecastFinish]));
  const axis = timeAxis([...dates, today], zoom);
  const width = LABEL_WIDTH + axis.width + 80;
  const cx = (iso: string) => LABEL_WIDTH + axis.x(iso);
  const cxEnd = (iso: string) => LABEL_WIDTH + axis.xEnd(iso);
  const name = (l: PortfolioLab) => localized(locale, l.nameEn, l.nameZh);

  const rows: { lab: PortfolioLab; y: number; open: boolean }[] = [];
  let y = AXIS_HEIGHT;
  for (const lab of labs) {
    const open = expanded.has(lab.slug);
    rows.push({ lab, y, open });
    y += LAB_ROW + (open ? lab.milestones.length * MILESTONE_ROW + 6 : 0);
  }
  const height = y + 8;
  const todayX = cx(today);

  const labLabel = (lab: PortfolioLab, top: number, open: boolean) => {
    const health = healthPaint[lab.health];
    return (
      <>
        <text x={10} y={top + 19} fontSize="13" fontWeight="600" fill="#0f172a">
          {`${open ? '▾' : '▸'} ${fitText(name(lab), LABEL_WIDTH - 36, 13)}`}
        </text>
        <text x={22} y={top + 35} fontSize="10.5" fill="#5b6577">
          <tspan fill={health.color} fontWeight="600">{`${health.glyph} ${t(`portfolio.health.${lab.health}`)}`}</tspan>
          {lab.lateCount > 0 ? <tspan fill={CONFLICT}>{` · ${t('portfolio.lateCount', { count: lab.lateCount })}`}</tspan> : null}
          <tspan>{` · ${te(`stage.${lab.stage}`)}`}</tspan>
        </text>
      </>
    );
  };
  const milestoneLabel = (m: PortfolioLab['milestones'][number], my: number) => {
    const paint = statusPaint[m.status];
    return (
      <text x={30} y={my + 17} fontSize="11.5" fill="#334155">
        <tspan fill={m.late ? CONFLICT : paint.text} fontWeight="600">{`${m.late ? '●' : paint.glyph} `}</tspan>
        {fitText(m.title, LABEL_WIDTH - 52, 11.5)}
      </text>
    );
  };

  return (
    <TimelineFrame todayX={todayX} className="tl-portfolio">
      <svg
        className="timeline-svg col-start-1 row-start-1 block"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t('portfolio.chartLabel', { count: labs.length })}
      >
        <TimeAxisBand
          axis={axis}
          left={LABEL_WIDTH}
          width={width}
          height={height}
          minorLabel={minorTickLabel(zoom, format, (quarter) => t('quarterShort', { quarter }))}
          minGap={() => 30}
        />

        {rows.map(({ lab, y: top, open }) => {
          const health = healthPaint[lab.health];
          const mid = top + LAB_ROW / 2;
          const slip = lab.slippage.endSlipDays;
          // The name starts with the row's visible words, in their order (WCAG 2.5.3): name, health,
          // late count, stage, the slip badge; then what only the name says.
          const summary = [
            name(lab),
            t(`portfolio.health.${lab.health}`),
            lab.lateCount > 0 ? t('portfolio.lateCount', { count: lab.lateCount }) : null,
            te(`stage.${lab.stage}`),
            slip !== null && slip !== 0 && lab.finish ? t('slipBadge', { days: slip }) : null,
            lab.start && lab.finish
              ? t('forecastRange', { start: formatIsoDate(format, lab.start), finish: formatIsoDate(format, lab.finish) })
              : t('portfolio.noMilestones'),
            t('portfolio.counts', { total: lab.milestones.length, done: lab.doneCount, late: lab.lateCount, atRisk: lab.atRiskCount }),
            slip !== null ? t('portfolio.endSlip', { days: slip }) : null,
            open ? t('portfolio.collapse') : t('portfolio.expand'),
          ]
            .filter(Boolean)
            .join('. ');
          return (
            <g key={lab.slug}>
              <a href={toggleHref(lab.slug)} className="tl-row" data-timeline-link="" aria-label={summary} aria-expanded={open}>
                <title>{summary}</title>
                <rect className="tl-hit" x={0} y={top} width={width} height={LAB_ROW} fill={health.band} />
                {lab.start && lab.finish ? (
                  <rect
                    x={cx(lab.start)}
                    y={mid - 5}
                    width={Math.max(4, cxEnd(lab.finish) - cx(lab.start))}
                    height={10}
                    rx={5}
                    fill="#e2e8f0"
                    stroke="#cbd5e1"
                  />
                ) : null}
                {lab.milestones.map((m) => {
                  const x = cxEnd(m.forecastFinish);
                  const color = m.late ? CONFLICT : statusPaint[m.status].stroke;
                  return (
                    <path
                      key={m.id}
                      d={`M${x},${mid - 7} l6,7 l-6,7 l-6,-7 z`}
                      fill={m.status === 'done' ? color : '#fff'}
                      stroke={color}
                      strokeWidth={1.5}
                    />
                  );
                })}
                {slip !== null && slip !== 0 && lab.finish ? (
                  <text x={cxEnd(lab.finish) + 10} y={mid + 4} fontSize="10.5" fontWeight="600" fill={slip > 0 ? CONFLICT : '#15803d'}>
                    {t('slipBadge', { days: slip })}
                  </text>
                ) : null}
              </a>
              {/* The row's words are drawn over its link, not inside it: cut to fit, they would not be
                  the start of the link's full name (WCAG 2.5.3). Clicks pass through to the link. */}
              <g aria-hidden="true" pointerEvents="none">
                {labLabel(lab, top, open)}
              </g>
              {open
                ? lab.milestones.map((m, index) => {
                    const my = top + LAB_ROW + index * MILESTONE_ROW;
                    const paint = statusPaint[m.status];
                    return (
                      <a
                        key={m.id}
                        href={`${labHref(lab.slug)}?m=${m.id}`}
                        className="tl-row"
                        aria-label={`${m.title}. ${te(`milestoneStatus.${m.status}`)}. ${t('forecastRange', { start: formatIsoDate(format, m.forecastStart), finish: formatIsoDate(format, m.forecastFinish) })}${m.late ? `. ${t('late')}` : ''}`}
                      >
                        <rect className="tl-hit" x={0} y={my} width={width} height={MILESTONE_ROW} fill="transparent" />
                        {milestoneLabel(m, my)}
                        <rect
                          x={cx(m.forecastStart)}
                          y={my + 7}
                          width={Math.max(3, cxEnd(m.forecastFinish) - cx(m.forecastStart))}
                          height={12}
                          rx={3}
                          fill={paint.fill}
                          stroke={m.late ? CONFLICT : paint.stroke}
                        />
                        {m.percentComplete > 0 ? (
                          <rect
                            x={cx(m.forecastStart)}
                            y={my + 7}
                            width={Math.max(2, ((cxEnd(m.forecastFinish) - cx(m.forecastStart)) * m.percentComplete) / 100)}
                            height={12}
                            rx={3}
                            fill={paint.progress}
                            opacity={0.85}
                          />
                        ) : null}
                        {m.slipDays ? (
                          <text
                            x={cxEnd(m.forecastFinish) + 6}
                            y={my + 17}
                            fontSize="10"
                            fontWeight="600"
                            fill={m.slipDays > 0 ? CONFLICT : '#15803d'}
                          >
                            {t('slipBadge', { days: m.slipDays })}
                          </text>
                        ) : null}
                      </a>
                    );
                  })
                : null}
            </g>
          );
        })}

        <g aria-hidden="true">
          <line x1={todayX} x2={todayX} y1={AXIS_HEIGHT - 6} y2={height} stroke={TODAY} strokeWidth={1.5} strokeDasharray="4 3" />
          <rect x={todayX - 24} y={AXIS_HEIGHT - 18} width={48} height={15} rx={7.5} fill={TODAY} />
          <text x={todayX} y={AXIS_HEIGHT - 7} fontSize="10" fill="#fff" textAnchor="middle" fontWeight="600">
            {t('today')}
          </text>
        </g>
        <line x1={LABEL_WIDTH - 0.5} x2={LABEL_WIDTH - 0.5} y1={0} y2={height} stroke="#cbd5e1" aria-hidden="true" />
      </svg>
      {/* The label column again, pinned while the chart scrolls sideways (narrower on phones). */}
      <div
        aria-hidden="true"
        className="tl-sticky no-print pointer-events-none sticky left-0 z-10 col-start-1 row-start-1 self-start justify-self-start overflow-hidden border-r border-line-strong bg-surface shadow-[4px_0_6px_-4px_rgba(15,23,42,0.15)]"
        style={{ height }}
      >
        <svg width={LABEL_WIDTH} height={height}>
          <line x1={0} x2={LABEL_WIDTH} y1={AXIS_HEIGHT - 0.5} y2={AXIS_HEIGHT - 0.5} stroke="#cbd5e1" />
          {rows.map(({ lab, y: top, open }) => (
            <g key={lab.slug}>
              <rect
                x={0}
                y={top}
                width={LABEL_WIDTH}
                height={LAB_ROW}
                fill={healthPaint[lab.health].band === 'transparent' ? '#ffffff' : healthPaint[lab.health].band}
              />
              {labLabel(lab, top, open)}
              {open ? lab.milestones.map((m, index) => <g key={m.id}>{milestoneLabel(m, top + LAB_ROW + index * MILESTONE_ROW)}</g>) : null}
            </g>
          ))}
        </svg>
      </div>
    </TimelineFrame>
  );
}
