import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/app/_components/Page';
import { SignOutButton } from './SignOutButton';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: t('signOutTitle'), robots: { index: false } };
}

export default async function SignOutPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('auth');
  return (
    <main id="main" className="flex justify-center px-4 py-12 sm:py-20">
      <Card className="w-full max-w-sm p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t('signOutTitle')}</h1>
        <p className="mt-2 text-sm text-ink-soft">{t('signOutConfirm')}</p>
        <SignOutButton />
      </Card>
    </main>
  );
}
