import { getFormatter, getTranslations } from 'next-intl/server';
import type { PublicMilestone } from '../../../server/services/publication';
import { formatIsoDate } from '../../_lib/dates';
import { localized } from '../../_lib/localized';
import { todayIso } from '../../../server/domain/dates';
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
      <span className="inline-flex flex-wrap gap-1">
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

  return (
    <Section id="milestones" title={t('milestones')} description={t('milestonesIntro')}>
      {milestones.length === 0 ? (
        <SectionEmpty>{t('noMilestones')}</SectionEmpty>
      ) : (
        <>
          <ol className="divide-y divide-line md:hidden print:hidden">
            {milestones.map((m) => (
              <li key={m.id} className="px-5 py-3 text-sm">
                <div className="flex items-start justify-between gap-3">
                  <p className="font-medium text-ink">{m.title}</p>
                  {status(m)}
                </div>
                <p className="num mt-1 text-xs text-ink-soft">
                  {te(`stage.${m.phase}`)} · {owner(m)}
                </p>
                <p className="num mt-0.5 text-xs text-ink-soft">
                  {range(m)}
                  {finished(m)}
                </p>
                <div className="mt-2 flex items-center gap-2">
                  <ProgressBar share={m.percentComplete / 100} tone={m.status === 'done' ? 'ok' : 'brand'} />
                  <span className="num w-10 shrink-0 text-right text-xs text-ink-soft">{percent(m)}</span>
                </div>
              </li>
            ))}
          </ol>
          <div className="hidden overflow-x-auto md:block print:block">
            <table className="w-full text-left text-sm" aria-labelledby="milestones-heading">
              <thead className="bg-canvas text-xs text-muted">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('milestoneColumns.title')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('milestoneColumns.phase')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('milestoneColumns.owner')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('milestoneColumns.forecast')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('milestoneColumns.status')}
                  </th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">
                    {t('milestoneColumns.progress')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {milestones.map((m) => (
                  <tr key={m.id} className="align-top">
                    <th scope="row" className="min-w-72 px-5 py-3 font-medium text-ink print:min-w-0">
                      {m.title}
                      {m.description ? <span className="mt-0.5 block text-xs font-normal text-muted">{m.description}</span> : null}
                    </th>
                    <td className="px-3 py-3 text-ink-soft">{te(`stage.${m.phase}`)}</td>
                    <td className="whitespace-nowrap px-3 py-3 text-ink-soft">{ownerShort(m)}</td>
                    <td className="num whitespace-nowrap px-3 py-3 text-ink-soft print:whitespace-normal">
                      {range(m)}
                      {finished(m)}
                    </td>
                    <td className="px-3 py-3">{status(m)}</td>
                    <td className="px-5 py-3">
                      <div className="flex min-w-24 items-center gap-2">
                        <ProgressBar share={m.percentComplete / 100} tone={m.status === 'done' ? 'ok' : 'brand'} />
                        <span className="num w-10 shrink-0 text-right text-ink-soft">{percent(m)}</span>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}
