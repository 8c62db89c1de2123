import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/app/_components/Page';
import { timeZoneOptions } from '@/app/_lib/time-zones';
import { requireAdmin } from '@/app/[locale]/(workspace)/admin/require-admin';
import { CreateLabForm } from './CreateLabForm';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin.labs' });
  return { title: t('new'), robots: { index: false } };
}

export default async function NewLabPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin();
  const t = await getTranslations('admin.labs');
  return (
    <Card className="p-5 sm:p-6">
      <h2 className="text-lg font-semibold">{t('new')}</h2>
      <p className="mt-1 text-sm text-ink-soft">{t('newIntro')}</p>
      <CreateLabForm timeZones={timeZoneOptions()} />
    </Card>
  );
}
