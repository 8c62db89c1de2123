import { getFormatter, getTranslations } from 'next-intl/server';
import { todayIso } from '../../../server/domain/dates';
import type { PublicMilestone } from '../../../server/services/publication';
import { formatIsoDate } from '../../_lib/dates';
import { localized } from '../../_lib/localized';
import { Badge, lateLook, milestoneStatusLook } from '../Badge';
import { ProgressBar, Section, SectionEmpty } from './Section';

type Milestone = Omit<PublicMilestone, 'labId'>;

/**
 * The public milestones as a table (title, phase, owner, forecast dates, status, percent complete).
 * It is also the accessible equivalent of the read-only timeline, which goes above it.
 */
export async function MilestonesSection({ milestones, locale }: { milestones: Milestone[]; locale: string }) {
  const t = await getTranslations('publicLab');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const range = (m: Milestone) =>
    tc('dateRange', { start: formatIsoDate(format, m.forecastStart), end: formatIsoDate(format, m.forecastFinish) });
  const owner = (m: Milestone) => (m.ownerNameEn ? localized(locale, m.ownerNameEn, m.ownerNameZh) : t('noOwner'));
  // The table is dense: the short name ("Tianma") with the full name for those who hover.
  const ownerShort = (m: Milestone) =>
    m.ownerShortName ? <span title={owner(m)}>{locale === 'zh-CN' ? owner(m) : m.ownerShortName}</span> : t('noOwner');
  const percent = (m: Milestone) => format.number(m.percentComplete / 100, { style: 'percent' });
  const today = todayIso();
  const status = (m: Milestone) => {
    const look = milestoneStatusLook[m.status];
    // Late: the forecast finish has passed and the work is still open.
    const late = m.forecastFinish < today && m.status !== 'done' && m.status !== 'cancelled';
    return (
      <span className="inline-flex flex-wrap gap-1 max-md:flex-col max-md:items-end">
        <Badge tone={look.tone} icon={look.icon}>
          {te(`milestoneStatus.${m.status}`)}
        </Badge>
        {late ? (
          <Badge tone={lateLook.tone} icon={lateLook.icon}>
            {t('late')}
          </Badge>
        ) : null}
      </span>
    );
  };
  const finished = (m: Milestone) =>
    m.actualFinish ? (
      <span className="block text-xs text-muted">{t('finishedOn', { date: formatIsoDate(format, m.actualFinish) })}</span>
    ) : null;

  // On phones each row becomes a small card (title and status on top, details below). The table keeps
  // its semantics through the explicit roles, whatever the CSS display; the column names, hidden on
  // phones, stay for screen readers, and the owner and dates carry a visible label there instead.
  const cell = 'px-3 py-3 max-md:col-span-2 max-md:p-0 max-md:text-xs';
  const labelled = 'max-md:before:mr-1 max-md:before:text-muted max-md:before:content-[attr(data-label)]';
  return (
    <Section id="milestones" title={t('milestones')} description={t('milestonesIntro')}>
      {milestones.length === 0 ? (
        <SectionEmpty>{t('noMilestones')}</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <table role="table" className="w-full text-left text-sm" aria-labelledby="milestones-heading">
            <thead className="bg-canvas text-xs text-muted max-md:sr-only">
              <tr role="row">
                <th role="columnheader" scope="col" className="px-5 py-2 font-medium">
                  {t('milestoneColumns.title')}
                </th>
                <th role="columnheader" scope="col" className="px-3 py-2 font-medium">
                  {t('milestoneColumns.phase')}
                </th>
                <th role="columnheader" scope="col" className="px-3 py-2 font-medium">
                  {t('milestoneColumns.owner')}
                </th>
                <th role="columnheader" scope="col" className="px-3 py-2 font-medium">
                  {t('milestoneColumns.forecast')}
                </th>
                <th role="columnheader" scope="col" className="px-3 py-2 font-medium">
                  {t('milestoneColumns.status')}
                </th>
                <th role="columnheader" scope="col" className="px-5 py-2 text-right font-medium">
                  {t('milestoneColumns.progress')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {milestones.map((m) => (
                <tr
                  key={m.id}
                  role="row"
                  className="align-top max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto] max-md:gap-x-3 max-md:gap-y-0.5 max-md:px-5 max-md:py-3"
                >
                  <th
                    role="rowheader"
                    scope="row"
                    className="min-w-72 px-5 py-3 font-medium text-ink max-md:col-start-1 max-md:row-start-1 max-md:min-w-0 max-md:p-0 max-md:pb-1 print:min-w-0"
                  >
                    {m.title}
                    {m.description ? (
                      <span className="mt-0.5 block text-xs font-normal text-muted max-md:hidden">{m.description}</span>
                    ) : null}
                  </th>
                  <td role="cell" className={`${cell} text-ink-soft`}>
                    {te(`stage.${m.phase}`)}
                  </td>
                  <td role="cell" data-label={t('ownerLabel')} className={`${cell} ${labelled} whitespace-nowrap text-ink-soft`}>
                    {ownerShort(m)}
                  </td>
                  <td role="cell" className={`${cell} num whitespace-nowrap text-ink-soft print:whitespace-normal`}>
                    {range(m)}
                    {finished(m)}
                  </td>
                  <td role="cell" className="px-3 py-3 max-md:col-start-2 max-md:row-start-1 max-md:p-0">
                    {status(m)}
                  </td>
                  <td role="cell" className="px-5 py-3 max-md:col-span-2 max-md:p-0 max-md:pt-1.5">
                    <div className="flex min-w-24 items-center gap-2">
                      <ProgressBar share={m.percentComplete / 100} tone={m.status === 'done' ? 'ok' : 'brand'} />
                      <span className="num w-10 shrink-0 text-right text-ink-soft max-md:text-xs">{percent(m)}</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
