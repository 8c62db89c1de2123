import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MAX_TECHNOLOGIES } from '@/server/services/technologies';
import { Card, CardHeader } from '@/app/_components/Page';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '@/app/[locale]/(workspace)/workspace/labs/[slug]/lab-context';
import { loadManagedLab, ManagersOnly } from '../managed-lab';
import { TechnologiesEditor } from './TechnologiesEditor';

type Params = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'labSettings' });
  return { title: `${t('sections.technologies')} · ${localized(locale, lab.nameEn, lab.nameZh)}`, robots: { index: false } };
}

export default async function TechnologiesSettingsPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const managed = await loadManagedLab(slug);
  if (!managed) return <ManagersOnly />;
  const { technologies } = await orNotFound((await serverApi()).labSettings.get({ labId: managed.lab.id }));
  const t = await getTranslations('labSettings.technologies');
  return (
    <Card>
      <CardHeader title={t('title')} description={t('intro', { max: MAX_TECHNOLOGIES })} />
      <div className="p-5">
        <TechnologiesEditor labId={managed.lab.id} technologies={technologies} max={MAX_TECHNOLOGIES} />
      </div>
    </Card>
  );
}
