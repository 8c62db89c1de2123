import { ArrowUpRight, Globe } from 'lucide-react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/common/enums';
import { publicPaths } from '@/server/public-url';
import { roleAtLeast } from '@/server/services/access';
import { Badge, labStatusLook, visibilityLook } from '@/app/_components/Badge';
import { DemoBanner, PageContainer } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { localized, otherLang, secondaryName } from '@/app/_lib/localized';
import { loadLab } from './lab-context';
import { LabTabs } from './LabTabs';
import { LAB_TABS } from './tabs';
import { VisitRecorder } from './VisitRecorder';

export default async function LabLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab, role } = await loadLab(slug);
  const t = await getTranslations('lab');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const tn = await getTranslations('nav');
  const base = `/workspace/labs/${lab.slug}`;
  const status = labStatusLook[lab.status];
  const vis = visibilityLook[lab.visibility];
  const other = secondaryName(locale, lab.nameEn, lab.nameZh);
  const tabs = LAB_TABS.filter((tab) => roleAtLeast(role, tab.minimum)).map((tab) => ({
    href: tab.segment ? `${base}/${tab.segment}` : base,
    label: t(`tabs.${tab.label}`),
  }));

  return (
    <main id="main">
      <VisitRecorder labId={lab.id} />
      <div className="lab-header border-b border-line bg-surface">
        <PageContainer>
          <nav aria-label={t('breadcrumb')} className="no-print pt-5 text-sm text-muted">
            <Link href="/workspace" className="hover:text-ink hover:underline">
              {tn('workspace')}
            </Link>
            <span aria-hidden> / </span>
          </nav>
          <div className="flex flex-col gap-2 pb-4 pt-1 sm:flex-row sm:items-end sm:justify-between">
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold tracking-tight text-ink">
                {localized(locale, lab.nameEn, lab.nameZh)}
                {lab.acronymEn ? <span className="ml-2 text-base font-normal text-muted">{lab.acronymEn}</span> : null}
              </h1>
              {other ? <p lang={otherLang(locale)} className="text-sm text-muted">{other}</p> : null}
              <div className="mt-2 flex flex-wrap gap-1.5">
                <Badge tone={status.tone} icon={status.icon}>
                  {te(`labStatus.${lab.status}`)}
                </Badge>
                <Badge tone="brand">{te(`stage.${lab.stage}`)}</Badge>
                <Badge tone={vis.tone} icon={vis.icon}>
                  {te(`visibility.${lab.visibility}`)}
                </Badge>
                <Badge>{t('yourRole', { role: te(`labRole.${role}`) })}</Badge>
              </div>
            </div>
            {lab.visibility === 'public' ? (
              // The page the public reads; every member may look at it (it shows only what is published).
              <a
                href={publicPaths.factSheet(locale as Locale, lab.slug)}
                className="no-print inline-flex items-center gap-1.5 self-start rounded-lg border border-line bg-surface px-2.5 py-1.5 text-sm text-ink-soft hover:bg-neutral-soft hover:text-ink sm:self-auto"
              >
                <Globe aria-hidden className="size-4 text-brand" />
                {t('publicPage')}
                <ArrowUpRight aria-hidden className="size-3.5 text-muted" />
              </a>
            ) : null}
          </div>
          <LabTabs base={base} tabs={tabs} label={t('sections')} />
        </PageContainer>
      </div>
      <PageContainer className="pb-16 pt-6">
        {lab.isDemo ? (
          <div className="mb-6">
            <DemoBanner>{tc('demoBanner')}</DemoBanner>
          </div>
        ) : null}
        {children}
      </PageContainer>
    </main>
  );
}
