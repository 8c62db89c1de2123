import { useLocale, useTranslations } from 'next-intl';
import { DocumentLanguage } from '../_components/DocumentLanguage';

// Plain links: a 404 needs no client-side navigation. (The public documents have their own 404,
// decision 019.)
export default function NotFound() {
  const t = useTranslations('common');
  const locale = useLocale();
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <DocumentLanguage locale={locale} />
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
