import { isLate } from '@/server/domain/schedule';
import type { PublicMilestone } from '@/server/services/publication';
import { formatIsoDate } from '@/app/_lib/dates';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { localized } from '@/app/_lib/localized';
import { Badge, lateLook, milestoneStatusLook } from '../Badge';
import { Timeline } from '../timeline/Timeline';
import { TimelineLegend } from '../timeline/TimelineLegend';
import { TimelineScroller } from '../timeline/TimelineScroller';
import { publicTimelineItems, publicTimelineZoom } from './public-timeline';
import { ProgressBar, Section, SectionEmpty } from './Section';

type Milestone = Omit<PublicMilestone, 'labId'>;

/**
 * The public milestones on a read-only timeline, then as a table (title, phase, owner, forecast
 * dates, status, percent complete), which is also the timeline's accessible equivalent.
 */
export function MilestonesSection({
  milestones,
  i18n,
  today,
  timelineAxisWidth,
}: {
  milestones: Milestone[];
  i18n: I18n;
  today: string;
  /** Pixels for the timeline's dates, beside its 264 px of labels: the whole plan fits the section on a desktop. */
  timelineAxisWidth: number;
}) {
  const { locale, format } = i18n;
  const t = scoped(i18n, 'publicLab');
  const te = scoped(i18n, 'enums');
  const tc = scoped(i18n, 'common');
  const range = (m: Milestone) =>
    tc('dateRange', { start: formatIsoDate(format, m.forecastStart), end: formatIsoDate(format, m.forecastFinish) });
  const owner = (m: Milestone) => (m.ownerNameEn ? localized(locale, m.ownerNameEn, m.ownerNameZh) : t('noOwner'));
  // The table is dense: the short name ("Tianma") with the full name for those who hover.
  const ownerShort = (m: Milestone) =>
    m.ownerShortName ? <span title={owner(m)}>{locale === 'zh-CN' ? owner(m) : m.ownerShortName}</span> : t('noOwner');
  const percent = (m: Milestone) => format.number(m.percentComplete / 100, { style: 'percent' });
  const items = publicTimelineItems(milestones, locale, today);
  const status = (m: Milestone) => {
    const look = milestoneStatusLook[m.status];
    // Late: the forecast finish has passed and the work is still open.
    const late = isLate({ finish: m.forecastFinish, status: m.status }, today);
    return (
      <span className="inline-flex flex-wrap gap-1 @max-4xl:flex-col @max-4xl:items-end">
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

  // Where the section is narrower than 56rem (phones, tablets, a manager's preview beside the settings
  // menu) each row becomes a small card (title and status on top, details below). The table keeps
  // its semantics through the explicit roles, whatever the CSS display; the column names, hidden on
  // phones, stay for screen readers, and the owner and dates carry a visible label there instead.
  const cell = 'px-3 py-3 @max-4xl:col-span-2 @max-4xl:p-0 @max-4xl:text-xs';
  const labelled = '@max-4xl:before:mr-1 @max-4xl:before:text-muted @max-4xl:before:content-[attr(data-label)]';
  return (
    <Section id="milestones" title={t('milestones')} description={t('milestonesIntro')}>
      {milestones.length === 0 ? (
        <SectionEmpty>{t('noMilestones')}</SectionEmpty>
      ) : (
        <>
          {/* Scrolls sideways on narrow screens, opening at today; printed, it is scaled to the page width. */}
          <TimelineScroller
            label={t('timelineScroller')}
            className="overflow-x-auto border-b border-line print:overflow-visible print:[&_.tl-frame]:w-full print:[&_.timeline-svg]:h-auto print:[&_.timeline-svg]:w-full"
          >
            <Timeline
              i18n={i18n}
              items={items}
              links={[]}
              label={t('timelineLabel', { count: items.length })}
              options={{
                zoom: publicTimelineZoom(items, today, timelineAxisWidth),
                axisWidth: timelineAxisWidth,
                today,
                showPlanningMarks: false,
              }}
            />
          </TimelineScroller>
          <div className="border-b border-line px-5 py-3">
            <TimelineLegend i18n={i18n} showPlanningMarks={false} />
          </div>
          <div className="@container overflow-x-auto">
            <table role="table" className="w-full text-left text-sm" aria-labelledby="milestones-heading">
              <thead className="bg-canvas text-xs text-muted @max-4xl:sr-only">
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
                    className="align-top @max-4xl:grid @max-4xl:grid-cols-[minmax(0,1fr)_auto] @max-4xl:gap-x-3 @max-4xl:gap-y-0.5 @max-4xl:px-5 @max-4xl:py-3"
                  >
                    <th
                      role="rowheader"
                      scope="row"
                      className="min-w-72 px-5 py-3 font-medium text-ink @max-4xl:col-start-1 @max-4xl:row-start-1 @max-4xl:min-w-0 @max-4xl:p-0 @max-4xl:pb-1 print:min-w-0"
                    >
                      {m.title}
                      {m.description ? (
                        <span className="mt-0.5 block text-xs font-normal text-muted @max-4xl:hidden">{m.description}</span>
                      ) : null}
                    </th>
                    {/* A phase name is one word: "商业化" must not break as "商业/化" (issue 23.8). */}
                    <td role="cell" className={`${cell} whitespace-nowrap text-ink-soft`}>
                      {te(`stage.${m.phase}`)}
                    </td>
                    <td role="cell" data-label={t('ownerLabel')} className={`${cell} ${labelled} whitespace-nowrap text-ink-soft`}>
                      {ownerShort(m)}
                    </td>
                    <td role="cell" className={`${cell} num whitespace-nowrap text-ink-soft print:whitespace-normal`}>
                      {range(m)}
                      {finished(m)}
                    </td>
                    <td role="cell" className="px-3 py-3 @max-4xl:col-start-2 @max-4xl:row-start-1 @max-4xl:p-0">
                      {status(m)}
                    </td>
                    <td role="cell" className="px-5 py-3 @max-4xl:col-span-2 @max-4xl:p-0 @max-4xl:pt-1.5">
                      <div className="flex min-w-24 items-center gap-2">
                        <ProgressBar share={m.percentComplete / 100} tone={m.status === 'done' ? 'ok' : 'brand'} />
                        <span className="num w-10 shrink-0 text-right text-ink-soft @max-4xl:text-xs">{percent(m)}</span>
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
