import { useTranslations } from 'next-intl';
import { Link } from '../_i18n/navigation';

export default function NotFound() {
  const t = useTranslations('common');
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="num text-sm font-semibold text-brand">404</p>
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-ink-soft">{t('notFoundBody')}</p>
      <div className="mt-2 flex gap-4 text-sm">
        <Link className="font-medium text-brand underline-offset-2 hover:underline" href="/labs">
          {t('backToDirectory')}
        </Link>
        <Link className="font-medium text-brand underline-offset-2 hover:underline" href="/workspace">
          {t('backToWorkspace')}
        </Link>
      </div>
    </main>
  );
}
