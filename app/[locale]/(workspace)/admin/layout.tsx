import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageContainer, PageHeader } from '@/app/_components/Page';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { LabTabs } from '../workspace/labs/[slug]/LabTabs';
import { requireAdmin } from './require-admin';

export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin();
  const t = await getTranslations('admin');
  const tabs = (['labs', 'organisations', 'users', 'jobs'] as const).map((s) => ({ href: `/admin/${s}`, label: t(`tabs.${s}`) }));
  return (
    <main id="main">
      <PageContainer className="pb-16">
        <PageHeader title={t('title')} description={t('intro')} />
        <div className="mb-6 border-b border-line">
          <LabTabs base="/admin" tabs={tabs} label={t('sections')} />
        </div>
        <ClientMessages namespaces={['enums', 'forms', 'admin', 'labSettings.fields', 'labSettings.visibility']}>{children}</ClientMessages>
      </PageContainer>
    </main>
  );
}
