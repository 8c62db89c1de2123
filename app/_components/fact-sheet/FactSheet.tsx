import { CalendarPlus, Rss } from 'lucide-react';
import { publicPaths } from '@/server/domain/public-paths';
import type { PublicFactSheet } from '@/server/services/public-fact-sheet';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { localized, secondaryName } from '@/app/_lib/localized';
import { Badge, labStatusLook } from '../Badge';
import { DemoBanner, PageContainer } from '../Page';
import { GoalsSection } from './GoalsSection';
import { MilestonesSection } from './MilestonesSection';
import { PartnersSection } from './PartnersSection';
import { ProfileSection } from './ProfileSection';
import { UpdatesSection } from './UpdatesSection';

// A lab's public fact sheet. It renders only what it is given, and it is given only allow-listed
// data (server/services/public-fact-sheet.ts), so the public document and a manager's preview of it
// (lab settings → visibility) show the same. Synchronous and fed its words as a prop (app/_lib/i18n.ts):
// the document is rendered by react-dom/server outside Next.js, the preview by a server component.

/** The whole public page: breadcrumb, heading band and body. */
export function FactSheet({ sheet, i18n }: { sheet: PublicFactSheet; i18n: I18n }) {
  const { locale } = i18n;
  const tn = scoped(i18n, 'nav');
  const t = scoped(i18n, 'publicLab');
  return (
    <>
      <div className="border-b border-line bg-surface">
        <PageContainer>
          <nav aria-label={t('breadcrumb')} className="no-print pt-5 text-sm text-muted">
            <a href={publicPaths.directory(locale)} className="hover:text-ink hover:underline">
              {tn('directory')}
            </a>
            <span aria-hidden> / </span>
          </nav>
          <FactSheetHeading sheet={sheet} i18n={i18n} titleAs="h1" withFollowLinks />
        </PageContainer>
      </div>
      <PageContainer className="flex flex-col gap-6 pb-16 pt-6">
        <FactSheetBody sheet={sheet} i18n={i18n} timelineAxisWidth={800} />
      </PageContainer>
    </>
  );
}

/**
 * The lab's name, status and stage, and the feed and calendar to follow it. A preview inside another
 * page names the lab without a second top-level heading, and leaves out the follow links while
 * the lab is private (they answer 404 until it is published).
 */
export function FactSheetHeading({
  sheet,
  i18n,
  titleAs: Title,
  withFollowLinks,
}: {
  sheet: PublicFactSheet;
  i18n: I18n;
  titleAs: 'h1' | 'p';
  withFollowLinks: boolean;
}) {
  const { lab } = sheet;
  const { locale } = i18n;
  const t = scoped(i18n, 'publicLab');
  const te = scoped(i18n, 'enums');
  const tc = scoped(i18n, 'common');
  const status = labStatusLook[lab.status];
  const other = secondaryName(locale, lab.nameEn, lab.nameZh);
  const followLink =
    'inline-flex items-center gap-1.5 rounded-lg border border-line bg-surface px-2.5 py-1.5 text-sm text-ink-soft hover:bg-neutral-soft hover:text-ink';
  return (
    <div className="flex flex-col gap-4 pb-5 pt-1 lg:flex-row lg:items-end lg:justify-between">
      <div className="min-w-0">
        <Title className="text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">
          {localized(locale, lab.nameEn, lab.nameZh)}
          {lab.acronymEn ? <span className="ml-2 text-base font-normal text-muted">{lab.acronymEn}</span> : null}
        </Title>
        {other ? (
          <p lang={locale === 'zh-CN' ? 'en' : 'zh-CN'} className="text-sm text-muted">
            {other}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-1.5">
          <Badge tone={status.tone} icon={status.icon}>
            {te(`labStatus.${lab.status}`)}
          </Badge>
          <Badge tone="brand">{te(`stage.${lab.stage}`)}</Badge>
          {lab.isDemo ? <Badge tone="warn">{tc('demoData')}</Badge> : null}
        </div>
      </div>
      {withFollowLinks ? (
        <section aria-labelledby="follow-heading" className="no-print shrink-0">
          <h2 id="follow-heading" className="sr-only">
            {t('follow')}
          </h2>
          <p className="sr-only">{t('followHint')}</p>
          <div className="flex flex-wrap gap-2">
            <a href={publicPaths.labFeed(locale, lab.slug)} type="application/atom+xml" className={followLink}>
              <Rss aria-hidden className="size-4 text-warn" />
              {t('feed')}
            </a>
            <a href={publicPaths.labCalendar(locale, lab.slug)} type="text/calendar" className={followLink}>
              <CalendarPlus aria-hidden className="size-4 text-brand" />
              {t('calendar')}
            </a>
          </div>
        </section>
      ) : null}
    </div>
  );
}

/**
 * The sections of the fact sheet: profile, partners, milestones on a timeline, goals with charts,
 * updates. `timelineAxisWidth` fits the timeline to the width the body is shown at on a desktop.
 */
export function FactSheetBody({ sheet, i18n, timelineAxisWidth }: { sheet: PublicFactSheet; i18n: I18n; timelineAxisWidth: number }) {
  return (
    <>
      {sheet.lab.isDemo ? <DemoBanner>{i18n.t('common.demoBanner')}</DemoBanner> : null}
      <ProfileSection sheet={sheet} i18n={i18n} />
      <PartnersSection partners={sheet.partners} i18n={i18n} />
      <MilestonesSection milestones={sheet.milestones} i18n={i18n} today={sheet.today} timelineAxisWidth={timelineAxisWidth} />
      <GoalsSection goals={sheet.goals} i18n={i18n} today={sheet.today} />
      <UpdatesSection updates={sheet.updates} i18n={i18n} />
    </>
  );
}
