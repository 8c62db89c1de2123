import { useTranslations } from 'next-intl';
import { PageContainer } from '../../_components/Page';

export default function Loading() {
  const t = useTranslations('common');
  return (
    <main id="main" aria-busy="true">
      <PageContainer className="py-10">
        <p className="sr-only" role="status">
          {t('loading')}
        </p>
        <div aria-hidden className="animate-pulse space-y-4">
          <div className="h-7 w-64 rounded bg-line" />
          <div className="h-4 w-96 max-w-full rounded bg-line" />
          <div className="grid gap-4 pt-4 sm:grid-cols-3">
            <div className="h-24 rounded-xl bg-line" />
            <div className="h-24 rounded-xl bg-line" />
            <div className="h-24 rounded-xl bg-line" />
          </div>
        </div>
      </PageContainer>
    </main>
  );
}
