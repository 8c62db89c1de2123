'use client';

import { useMutation } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button, FormMessage } from '@/app/_components/Form';
import { formErrorOf } from '@/app/_lib/trpc-errors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

/** Sends a failed job round again (fresh attempts from now) and reloads the list. */
export function RetryButton({ jobId }: { jobId: number }) {
  const t = useTranslations('admin.jobs');
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.job.retry.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = retry.error ? formErrorOf(retry.error) : null;
  return (
    <div className="flex flex-col gap-1 sm:items-end">
      <Button variant="secondary" size="sm" onClick={() => retry.mutate({ jobId })} disabled={retry.isPending}>
        <RotateCcw aria-hidden className="size-4" />
        {t('retry')}
      </Button>
      {error ? <FormMessage>{error}</FormMessage> : null}
    </div>
  );
}
