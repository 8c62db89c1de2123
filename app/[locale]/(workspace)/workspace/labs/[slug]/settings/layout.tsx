import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { loadManagedLab, ManagersOnly } from './managed-lab';
import { SettingsNav } from './SettingsNav';

export default async function SettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string; slug: string }>;
}) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const managed = await loadManagedLab(slug);
  if (!managed) return <ManagersOnly />;
  const t = await getTranslations('labSettings');
  const base = `/workspace/labs/${managed.lab.slug}/settings`;
  const items = [
    { href: base, label: t('sections.profile') },
    { href: `${base}/partners`, label: t('sections.partners') },
    { href: `${base}/technologies`, label: t('sections.technologies') },
    { href: `${base}/visibility`, label: t('sections.visibility') },
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-[11rem_minmax(0,1fr)]">
      <SettingsNav base={base} items={items} label={t('sectionsLabel')} />
      <div className="min-w-0">
        <ClientMessages namespaces={['enums', 'forms', 'labSettings', 'admin.organisations.fields']}>{children}</ClientMessages>
      </div>
    </div>
  );
}
