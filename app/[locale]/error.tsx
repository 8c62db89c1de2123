'use client';

import { useParams } from 'next/navigation';
import en from '@/messages/en/common.json';
import zh from '@/messages/zh-CN/common.json';

// An error boundary is a client component on every page, public ones included. Reading its three
// texts from the two small common files keeps next-intl's client runtime (and its provider) off
// the public pages, which have no other use for it.
const TEXTS = { en: en.common, 'zh-CN': zh.common };

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const t = TEXTS[locale === 'zh-CN' ? 'zh-CN' : 'en'];
  return (
    // The alert is the message inside the page's main landmark: role="alert" on <main> itself would
    // replace the landmark (issue 24).
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <div role="alert" className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold">{t.errorTitle}</h1>
        <p className="text-ink-soft">{t.errorBody}</p>
      </div>
      <button
        type="button"
        onClick={reset}
        className="mt-2 rounded-lg bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
      >
        {t.retry}
      </button>
    </main>
  );
}
