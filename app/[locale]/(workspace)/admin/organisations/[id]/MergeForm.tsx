'use client';

import { useMutation } from '@tanstack/react-query';
import { Merge } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmButton } from '@/app/_components/ConfirmDialog';
import { StatusMessage } from '@/app/_components/Form';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';
import { SelectInput } from '@/app/[locale]/(workspace)/_forms/inputs';

type Candidate = { id: number; version: number; name: string; shortName: string; labCount: number; userCount: number };
type Moved = {
  participations: number;
  combinedParticipations: number;
  users: number;
  milestones: number;
  goals: number;
  invitations: number;
};

/** Picks the duplicate record and folds it into this one, after saying exactly what will move. */
export function MergeForm({ keep, candidates }: { keep: { id: number; version: number; name: string }; candidates: Candidate[] }) {
  const t = useTranslations('admin.organisations.merge');
  const trpc = useTRPC();
  const router = useRouter();
  const merge = useMutation(trpc.organisation.merge.mutationOptions());
  const [duplicateId, setDuplicateId] = useState<number | null>(null);
  const [moved, setMoved] = useState<Moved | null>(null);
  const duplicate = candidates.find((c) => c.id === duplicateId);

  if (candidates.length === 0) return <p className="mt-3 text-sm text-muted">{t('noCandidates')}</p>;

  return (
    <div className="mt-4 flex flex-col gap-4">
      <StatusMessage>{moved ? t('done', moved) : null}</StatusMessage>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div key={candidates.length} className="sm:w-96">
          <SelectInput
            id="merge-duplicate"
            name="duplicateId"
            label={t('duplicate')}
            empty={t('choose')}
            onChange={(v) => setDuplicateId(Number(v) || null)}
            options={candidates.map((c) => ({
              value: c.id,
              label: c.shortName && c.shortName !== c.name ? `${c.name} (${c.shortName})` : c.name,
            }))}
          />
        </div>
        <ConfirmButton
          variant="secondary"
          size="md"
          disabled={!duplicate}
          title={t('confirmTitle')}
          body={
            duplicate
              ? t('confirmBody', { duplicate: duplicate.name, keep: keep.name, labs: duplicate.labCount, people: duplicate.userCount })
              : ''
          }
          confirmLabel={t('confirm')}
          onConfirm={async () => {
            if (!duplicate) return;
            const result = await merge.mutateAsync({
              keepId: keep.id,
              keepVersion: keep.version,
              duplicateId: duplicate.id,
              duplicateVersion: duplicate.version,
            });
            setMoved(result.moved);
            setDuplicateId(null);
            router.refresh();
          }}
        >
          <Merge aria-hidden className="size-4" />
          {t('submit')}
        </ConfirmButton>
      </div>
    </div>
  );
}
