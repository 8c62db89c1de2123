import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { Card } from '../../../../_components/Page';
import { Link } from '../../../../_i18n/navigation';
import { SignInForm } from './SignInForm';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: t('signInTitle'), robots: { index: false } };
}

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('auth');
  const ta = await getTranslations('account.forgot');
  return (
    <main id="main" className="flex justify-center px-4 py-12 sm:py-20">
      <Card className="w-full max-w-sm p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t('signInTitle')}</h1>
        <p className="mt-1 text-sm text-ink-soft">{t('signInIntro')}</p>
        <Suspense>
          <SignInForm />
        </Suspense>
        <p className="mt-3 text-sm">
          <Link href="/forgot" className="text-ink-soft underline-offset-2 hover:text-ink hover:underline">
            {ta('link')}
          </Link>
        </p>
        <p className="mt-6 border-t border-line pt-4 text-sm text-muted">
          <Link href="/labs" className="text-brand underline-offset-2 hover:underline">
            {t('publicHint')}
          </Link>
        </p>
      </Card>
    </main>
  );
}
