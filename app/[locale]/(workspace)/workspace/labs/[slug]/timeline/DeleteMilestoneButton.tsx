'use client';

import { useMutation } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Spinner } from '@/app/_components/Form';
import { useTRPC } from '@/app/_trpc/client';
import { Dialog } from './Dialog';
import { SaveError } from './form-helpers';

export function DeleteMilestoneButton({
  labId,
  id,
  version,
  title,
  afterHref,
}: {
  labId: number;
  id: number;
  version: number;
  title: string;
  afterHref: string;
}) {
  const t = useTranslations('timeline');
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.milestone.delete.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.push(afterHref, { scroll: false });
        router.refresh();
      },
    }),
  );
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="text-bad hover:text-bad"
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        <Trash2 aria-hidden className="size-4" />
        {t('delete.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('delete.title')} closeLabel={t('close')}>
        <p className="text-sm text-ink">{t('delete.confirm', { title })}</p>
        <div className="mt-3">
          <SaveError error={remove.error} />
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ labId, id, version })}>
            {remove.isPending ? <Spinner /> : null}
            {t('delete.button')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
