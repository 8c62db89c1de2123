import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageContainer, PageHeader } from '@/app/_components/Page';
import { requireUser } from '@/app/_trpc/server';
import { LabTabs } from '../labs/[slug]/LabTabs';
import { PORTFOLIO_TABS } from './tabs';

/** The portfolio: every lab the user can see, in views (tabs) added by each area of the product. */
export default async function PortfolioLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser();
  const t = await getTranslations('portfolio');
  const base = '/workspace/portfolio';
  const tabs = PORTFOLIO_TABS.map((tab) => ({ href: tab.segment ? `${base}/${tab.segment}` : base, label: t(`tabs.${tab.label}`) }));
  return (
    <main id="main">
      <div className="border-b border-line bg-surface">
        <PageContainer>
          <PageHeader title={t('title')} description={t('subtitle')} />
          <LabTabs base={base} tabs={tabs} label={t('tabsLabel')} />
        </PageContainer>
      </div>
      <PageContainer className="pb-16 pt-6">{children}</PageContainer>
    </main>
  );
}
