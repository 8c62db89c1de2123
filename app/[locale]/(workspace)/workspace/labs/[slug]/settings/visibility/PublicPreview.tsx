import { Globe, Lock } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/common/enums';
import { absoluteUrl, publicPaths } from '@/server/public-url';
import type { PublicFactSheet } from '@/server/services/public-fact-sheet';
import { Badge } from '@/app/_components/Badge';
import { FactSheetBody, FactSheetHeading } from '@/app/_components/fact-sheet/FactSheet';
import { serverI18n } from '@/app/_lib/server-i18n';

/**
 * The lab's public fact sheet as the public reads it (or would, once the lab is public), framed as a
 * page at its public address. The body is the public page's own component fed by the same allow-lists.
 */
export async function PublicPreview({
  sheet,
  locale,
  visibility,
}: {
  sheet: PublicFactSheet;
  locale: Locale;
  visibility: 'private' | 'public';
}) {
  const t = await getTranslations('labSettings.visibility');
  const i18n = await serverI18n(locale);
  const isPublic = visibility === 'public';
  const address = absoluteUrl(publicPaths.factSheet(locale, sheet.lab.slug));
  return (
    <section aria-labelledby="public-preview-heading" className="overflow-hidden rounded-xl border border-line-strong bg-canvas">
      <div className="border-b border-line bg-surface px-5 py-3.5">
        <h2 id="public-preview-heading" className="text-[0.95rem] font-semibold text-ink">
          {t('previewTitle')}
        </h2>
        <p className="mt-0.5 text-sm text-muted">{isPublic ? t('previewWhilePublic') : t('previewWhilePrivate')}</p>
      </div>
      <div className="flex items-center gap-2 border-b border-line bg-neutral-soft px-3 py-2">
        <p
          aria-label={t('previewAddress')}
          className="flex min-w-0 flex-1 items-center gap-1.5 rounded-md bg-surface px-2.5 py-1 text-xs text-ink-soft ring-1 ring-inset ring-line"
        >
          {isPublic ? <Globe aria-hidden className="size-3.5 shrink-0 text-brand" /> : <Lock aria-hidden className="size-3.5 shrink-0" />}
          <span className="truncate">{address}</span>
        </p>
        {isPublic ? null : (
          <Badge icon={Lock} className="shrink-0">
            {t('notPublicYet')}
          </Badge>
        )}
      </div>
      <div className="border-b border-line bg-surface px-4 pt-4 sm:px-6">
        <FactSheetHeading sheet={sheet} i18n={i18n} titleAs="p" withFollowLinks={isPublic} />
      </div>
      <div className="flex flex-col gap-6 px-3 py-5 sm:px-6">
        {/* Narrower than the public page: the settings navigation takes part of the width. */}
        <FactSheetBody sheet={sheet} i18n={i18n} timelineAxisWidth={540} />
      </div>
    </section>
  );
}
