'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <main id="main" role="alert" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-2xl font-semibold">{t('errorTitle')}</h1>
      <p className="text-ink-soft">{t('errorBody')}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-2 rounded-lg bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
      >
        {t('retry')}
      </button>
    </main>
  );
}
