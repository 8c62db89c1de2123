'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/Form';
import { useRouter } from '@/app/_i18n/navigation';
import { formErrorOf } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';

/** Publishes what waits for a manager: an update as it is now, or a measurement's source (decision 017). */
export function PublishAgainButton({
  labId,
  target,
}: {
  labId: number;
  target: { kind: 'update'; updateId: number; version: number } | { kind: 'source'; measurementId: number; version: number };
}) {
  const t = useTranslations('labSettings.awaiting');
  const trpc = useTRPC();
  const router = useRouter();
  const options = { onSuccess: () => router.refresh() };
  const update = useMutation(trpc.update.setPublic.mutationOptions(options));
  const source = useMutation(trpc.measurement.publishSource.mutationOptions(options));
  const mutation = target.kind === 'update' ? update : source;
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button
        size="sm"
        disabled={mutation.isPending}
        onClick={() =>
          target.kind === 'update'
            ? update.mutate({ labId, updateId: target.updateId, version: target.version, isPublic: true })
            : source.mutate({ labId, measurementId: target.measurementId, version: target.version })
        }
      >
        {mutation.isPending ? t('publishing') : target.kind === 'update' ? t('publishUpdate') : t('publishSource')}
      </Button>
      {mutation.error ? (
        <p role="alert" className="max-w-64 text-xs text-bad">
          {formErrorOf(mutation.error)}
        </p>
      ) : null}
    </div>
  );
}
