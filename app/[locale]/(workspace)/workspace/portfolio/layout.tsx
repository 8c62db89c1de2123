import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageContainer } from '../../../../_components/Page';
import { requireUser } from '../../../../_trpc/server';
import { LabTabs } from '../labs/[slug]/LabTabs';
import { PORTFOLIO_TABS } from './tabs';

// The portfolio: views across every lab the user can see, one tab per view.
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
          <div className="pb-3 pt-6">
            <h1 className="text-2xl font-semibold tracking-tight text-ink">{t('title')}</h1>
            <p className="mt-1 text-sm text-ink-soft">{t('description')}</p>
          </div>
          <LabTabs base={base} tabs={tabs} label={t('views')} />
        </PageContainer>
      </div>
      <PageContainer className="pb-16 pt-6">{children}</PageContainer>
    </main>
  );
}
