import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/app/_components/Page';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { requireAdmin } from '@/app/[locale]/(workspace)/admin/require-admin';
import { CreateUserForm } from './CreateUserForm';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin.users' });
  return { title: t('new'), robots: { index: false } };
}

export default async function NewUserPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin();
  const t = await getTranslations('admin.users');
  const organisations = await (await serverApi()).organisation.list();
  return (
    <Card className="p-5 sm:p-6">
      <h2 className="text-lg font-semibold">{t('new')}</h2>
      <p className="mt-1 text-sm text-ink-soft">{t('newIntro')}</p>
      <CreateUserForm organisations={organisations.map((o) => ({ value: o.id, label: localized(locale, o.nameEn, o.nameZh) }))} />
    </Card>
  );
}
