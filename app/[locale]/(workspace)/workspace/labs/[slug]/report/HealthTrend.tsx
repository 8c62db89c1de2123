import { scaleUtc } from 'd3-scale';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Fragment } from 'react';
import { parseIsoDate } from '@/server/domain/dates';
import { HEALTHS, type Health } from '@/common/enums';
import { fractionOf } from '@/server/domain/health-trend';
import type { StatusReport } from '@/server/services/status-report';
import { healthLook } from '@/app/_components/Badge';
import { formatIsoDate } from '@/app/_lib/dates';

const LANE_CLASS: Record<Health, { band: string; mark: string }> = {
  on_track: { band: 'border-ok/50 bg-ok/15', mark: 'text-ok' },
  at_risk: { band: 'border-warn/50 bg-warn/15', mark: 'text-warn' },
  off_track: { band: 'border-bad/50 bg-bad/15', mark: 'text-bad' },
};

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/**
 * The health each update reported across the period, one lane per health: a band while the lab
 * stood at that health, a mark where an update said so. Drawn with HTML boxes positioned in
 * percent, so it fits any width and prints; a table beside it carries the same data for screen readers.
 */
export async function HealthTrend({ report }: { report: StatusReport }) {
  const t = await getTranslations('report.health');
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const { health, updates, period } = report;
  const dayLabel = (iso: string) => format.dateTime(parseIsoDate(iso), { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const ticks = scaleUtc()
    .domain([health.start, health.end])
    .ticks(5)
    .map((d) => ({
      at: fractionOf(health.start, health.end, d),
      label: format.dateTime(d, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    }))
    // Labels are centred on their tick and the period's ends are labelled too: keep ticks a label's
    // width away from the ends (Chinese dates, "11月15日", are wider than "Nov 15"; issue 24).
    .filter((tick) => tick.at > 0.12 && tick.at < 0.88);

  return (
    <figure className="health-trend">
      <div aria-hidden className="grid grid-cols-[5.5rem_minmax(0,1fr)] sm:grid-cols-[7rem_minmax(0,1fr)]">
        {HEALTHS.map((lane) => {
          const Icon = healthLook[lane].icon;
          return (
            <Fragment key={lane}>
              <div className="flex items-center gap-1.5 border-b border-line py-2 pr-2 text-xs text-ink-soft">
                <Icon className={`size-3.5 shrink-0 ${LANE_CLASS[lane].mark}`} />
                <span className="truncate">{te(`health.${lane}`)}</span>
              </div>
              <div className="relative h-9 border-b border-l border-line">
                {health.steps
                  .filter((s) => s.health === lane)
                  .map((s) => (
                    <div
                      key={s.start}
                      className={`absolute top-3 h-3 rounded-sm border ${LANE_CLASS[lane].band}`}
                      style={{ left: percent(s.start), width: percent(s.end - s.start) }}
                    />
                  ))}
                {updates
                  .filter((u) => u.health === lane)
                  .map((u) => (
                    <Icon
                      key={u.id}
                      className={`absolute top-2 size-5 -translate-x-1/2 rounded-full bg-surface ${LANE_CLASS[lane].mark}`}
                      style={{ left: percent(fractionOf(health.start, health.end, u.createdAt)) }}
                    />
                  ))}
              </div>
            </Fragment>
          );
        })}
        <div />
        <div className="relative h-6 border-l border-line text-[11px] text-muted">
          <span className="num absolute left-1 top-1">{dayLabel(period.from)}</span>
          {ticks.map((tick) => (
            <span key={tick.at} className="num absolute top-1 hidden -translate-x-1/2 sm:inline" style={{ left: percent(tick.at) }}>
              {tick.label}
            </span>
          ))}
          <span className="num absolute right-0 top-1">{dayLabel(period.to)}</span>
        </div>
      </div>
      <figcaption className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-soft">
        <span>{t('counts', { onTrack: health.counts.on_track, atRisk: health.counts.at_risk, offTrack: health.counts.off_track })}</span>
        <span className="text-muted">{health.before ? t('before', { health: te(`health.${health.before}`) }) : t('noneBefore')}</span>
      </figcaption>
      {updates.length === 0 ? <p className="mt-1 text-sm text-muted">{t('empty')}</p> : null}
      {/* A table would not shrink to the 1 px of sr-only and widens the page on phones: the wrapper is what is hidden. */}
      <div className="sr-only">
        <table>
          <caption>{t('chartLabel', { from: formatIsoDate(format, period.from), to: formatIsoDate(format, period.to) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('author')}</th>
              <th scope="col">{t('health')}</th>
            </tr>
          </thead>
          <tbody>
            {updates.map((u) => (
              <tr key={u.id}>
                <td>{format.dateTime(u.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>{u.authorName ?? '—'}</td>
                <td>{te(`health.${u.health}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
