'use client';

import { useMutation } from '@tanstack/react-query';
import { ExternalLink, Globe, Lock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmButton } from '@/app/_components/ConfirmDialog';
import { ConflictMessage } from '@/app/_components/FormErrors';
import { Link, useRouter } from '@/app/_i18n/navigation';
import { isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';

/** Publishes or withdraws the lab; the confirmation says exactly what becomes public. */
export function VisibilitySwitch({
  labId,
  slug,
  version,
  visibility,
  summary,
}: {
  labId: number;
  slug: string;
  version: number;
  visibility: 'private' | 'public';
  summary: string[];
}) {
  const t = useTranslations('labSettings.visibility');
  const trpc = useTRPC();
  const router = useRouter();
  const set = useMutation(trpc.labSettings.setVisibility.mutationOptions());
  const [conflict, setConflict] = useState<string | null>(null);

  async function change(next: 'private' | 'public') {
    setConflict(null);
    try {
      await set.mutateAsync({ labId, version, visibility: next });
      router.refresh();
    } catch (error) {
      // A stale version is shown beside the switch with a reload; other errors stay in the dialog.
      if (!isConflict(error)) throw error;
      setConflict(error instanceof Error ? error.message : null);
    }
  }

  return (
    <div className="flex flex-col gap-3 border-t border-line pt-4">
      {conflict !== null ? <ConflictMessage message={conflict} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        {visibility === 'private' ? (
          <ConfirmButton
            variant="primary"
            size="md"
            confirmVariant="primary"
            title={t('publishTitle')}
            body={
              <>
                <p>{t('publishBody')}</p>
                <ul className="mt-2 list-disc space-y-1 pl-5">
                  {summary.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            }
            confirmLabel={t('publishConfirm')}
            onConfirm={() => change('public')}
          >
            <Globe aria-hidden className="size-4" />
            {t('publish')}
          </ConfirmButton>
        ) : (
          <>
            <ConfirmButton
              size="md"
              title={t('unpublishTitle')}
              body={t('unpublishBody')}
              confirmLabel={t('unpublishConfirm')}
              onConfirm={() => change('private')}
            >
              <Lock aria-hidden className="size-4" />
              {t('unpublish')}
            </ConfirmButton>
            <Link href={`/labs/${slug}`} className="inline-flex items-center gap-1 text-sm text-brand hover:underline">
              {t('openFactSheet')}
              <ExternalLink aria-hidden className="size-3.5" />
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
