import { AlertTriangle, Clock, Route } from 'lucide-react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge, lateLook, milestoneStatusLook } from '@/app/_components/Badge';
import { formatIsoDate } from '@/app/_lib/dates';
import type { LabTimelineMilestone } from '@/server/services/timeline';
import { percentText } from '@/app/_lib/percent';

/** The timeline as a table: the same facts for screen readers, keyboards, copying and narrow screens. */
export async function TimelineTable({
  milestones,
  titles,
  predecessorsOf,
  hrefFor,
  ownerName,
}: {
  milestones: LabTimelineMilestone[];
  titles: Map<number, string>;
  predecessorsOf: Map<number, { id: number; lagDays: number }[]>;
  hrefFor: (id: number) => string;
  ownerName: (m: LabTimelineMilestone) => string | null;
}) {
  const t = await getTranslations('timeline');
  const locale = await getLocale();
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const date = (iso: string | null) => (iso ? formatIsoDate(format, iso) : '—');
  const th = 'px-3 py-2 font-medium whitespace-nowrap';
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[1120px] text-left text-sm">
        <caption className="sr-only">{t('table.caption')}</caption>
        <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className={`${th} pl-5`}>
              {t('table.milestone')}
            </th>
            <th scope="col" className={th}>
              {t('table.status')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('table.percent')}
            </th>
            <th scope="col" className={th}>
              {t('table.baseline')}
            </th>
            <th scope="col" className={th}>
              {t('table.forecast')}
            </th>
            <th scope="col" className={th}>
              {t('table.actual')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('table.slip')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('table.float')}
            </th>
            <th scope="col" className={`${th} pr-5`}>
              {t('table.dependsOn')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {milestones.map((m) => {
            const look = milestoneStatusLook[m.status];
            const preds = predecessorsOf.get(m.id) ?? [];
            return (
              <tr key={m.id} className="align-top">
                <th scope="row" className="min-w-[15rem] px-3 py-2.5 pl-5 font-medium text-ink">
                  <a href={hrefFor(m.id)} data-timeline-link="" className="hover:text-brand hover:underline">
                    {m.title}
                  </a>
                  <span className="block text-xs font-normal text-muted">
                    {[te(`stage.${m.phase}`), ownerName(m)].filter(Boolean).join(' · ')}
                  </span>
                </th>
                <td className="px-3 py-2.5">
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={look.tone} icon={look.icon}>
                      {te(`milestoneStatus.${m.status}`)}
                    </Badge>
                    {m.late ? (
                      <Badge tone={lateLook.tone} icon={Clock}>
                        {t('late')}
                      </Badge>
                    ) : null}
                    {m.conflict ? (
                      <Badge tone="bad" icon={AlertTriangle}>
                        {t('conflict')}
                      </Badge>
                    ) : null}
                  </div>
                </td>
                <td className="num whitespace-nowrap px-3 py-2.5 text-right">{percentText(locale, m.percentComplete)}</td>
                <td className="num whitespace-nowrap px-3 py-2.5 text-ink-soft">
                  {m.baselineFinish ? `${date(m.baselineStart)} – ${date(m.baselineFinish)}` : '—'}
                </td>
                <td className="num whitespace-nowrap px-3 py-2.5">{`${date(m.forecastStart)} – ${date(m.forecastFinish)}`}</td>
                <td className="num whitespace-nowrap px-3 py-2.5 text-ink-soft">
                  {m.actualStart || m.actualFinish ? `${date(m.actualStart)} – ${date(m.actualFinish)}` : '—'}
                </td>
                <td
                  className={`num whitespace-nowrap px-3 py-2.5 text-right font-medium ${m.slipDays && m.slipDays > 0 ? 'text-bad' : m.slipDays && m.slipDays < 0 ? 'text-ok' : 'text-ink-soft'}`}
                >
                  {m.slipDays === null ? '—' : t('slipBadge', { days: m.slipDays })}
                </td>
                <td className="num whitespace-nowrap px-3 py-2.5 text-right">
                  {m.critical ? (
                    <Badge tone="brand" icon={Route}>
                      {t('critical')}
                    </Badge>
                  ) : m.totalFloat === null ? (
                    '—'
                  ) : (
                    t('floatDays', { days: m.totalFloat })
                  )}
                </td>
                <td className="px-3 py-2.5 pr-5 text-xs text-ink-soft">
                  {preds.length === 0
                    ? '—'
                    : preds.map((p) => (
                        <span key={p.id} className="block">
                          {titles.get(p.id)}
                          {p.lagDays !== 0 ? <span className="text-muted">{` (${t('lagShort', { days: p.lagDays })})`}</span> : null}
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
