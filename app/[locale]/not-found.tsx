import { useLocale, useTranslations } from 'next-intl';

// Plain links: this page is part of every page's layout, and next-intl's client-side Link would
// ship its router code to every public page (about 5 kB compressed) for two links on a 404.
export default function NotFound() {
  const t = useTranslations('common');
  const locale = useLocale();
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="num text-sm font-semibold text-brand">404</p>
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-ink-soft">{t('notFoundBody')}</p>
      <div className="mt-2 flex gap-4 text-sm">
        <a className="font-medium text-brand underline-offset-2 hover:underline" href={`/${locale}/labs`}>
          {t('backToDirectory')}
        </a>
        <a className="font-medium text-brand underline-offset-2 hover:underline" href={`/${locale}/workspace`}>
          {t('backToWorkspace')}
        </a>
      </div>
    </main>
  );
}
