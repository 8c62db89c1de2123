'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { Health } from '@/common/enums';
import { Button, FormMessage, inputClass } from '@/app/_components/Form';
import { fieldErrorsOf, formErrorOf, isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { UpdateComposer, type LinkOption } from './UpdateComposer';

type Item = {
  id: number;
  version: number;
  body: string;
  health: Health;
  isPublic: boolean;
  /** Edited after a manager published it: the public still sees the published version. */
  awaitingPublication: boolean;
  hidden: boolean;
  milestoneIds: number[];
  goalIds: number[];
  revisionCount: number;
};

/** The actions on one feed entry: the author edits, managers publish or hide, anyone sees the history. */
export function UpdateItemActions({
  labId,
  item,
  canEdit,
  isManager,
  milestones,
  goals,
}: {
  labId: number;
  item: Item;
  canEdit: boolean;
  isManager: boolean;
  milestones: LinkOption[];
  goals: LinkOption[];
}) {
  const t = useTranslations('updates');
  const trpc = useTRPC();
  const router = useRouter();
  const uid = useId();
  const [editing, setEditing] = useState(false);
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const setPublic = useMutation(trpc.update.setPublic.mutationOptions({ onSuccess: () => router.refresh() }));
  const setHidden = useMutation(trpc.update.setHidden.mutationOptions({ onSuccess: () => (setHiding(false), router.refresh()) }));
  const history = useQuery({ ...trpc.update.history.queryOptions({ labId, updateId: item.id }), enabled: showHistory });
  const error = setPublic.error ?? setHidden.error;
  const format = useFormatter();

  if (editing) {
    return (
      <div className="mt-3 rounded-lg border border-line bg-canvas p-3">
        <UpdateComposer
          labId={labId}
          milestones={milestones}
          goals={goals}
          canPublish={isManager}
          initial={{
            updateId: item.id,
            version: item.version,
            body: item.body,
            health: item.health,
            milestoneIds: item.milestoneIds,
            goalIds: item.goalIds,
            isPublic: item.isPublic,
          }}
          onDone={() => setEditing(false)}
        />
      </div>
    );
  }

  return (
    <div className="mt-2">
      {error && !fieldErrorsOf(error).reason ? (
        <FormMessage>
          <p>{formErrorOf(error)}</p>
          {isConflict(error) ? (
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => router.refresh()}>
              {t('reload')}
            </Button>
          ) : null}
        </FormMessage>
      ) : null}
      <div className="no-print flex flex-wrap items-center gap-1 text-sm">
        {canEdit ? (
          <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
            {t('edit')}
          </Button>
        ) : null}
        {item.revisionCount > 0 ? (
          <Button variant="ghost" size="sm" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
            {t('history', { count: item.revisionCount })}
          </Button>
        ) : null}
        {isManager && !item.hidden && item.awaitingPublication ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={setPublic.isPending}
            onClick={() => setPublic.mutate({ labId, updateId: item.id, version: item.version, isPublic: true })}
          >
            {t('publishAgain')}
          </Button>
        ) : null}
        {isManager && !item.hidden ? (
          <Button
            variant="ghost"
            size="sm"
            disabled={setPublic.isPending}
            onClick={() => setPublic.mutate({ labId, updateId: item.id, version: item.version, isPublic: !item.isPublic })}
          >
            {item.isPublic ? t('unpublish') : t('publish')}
          </Button>
        ) : null}
        {isManager ? (
          item.hidden ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setHidden.mutate({ labId, updateId: item.id, version: item.version, hidden: false, reason: null })}
            >
              {t('unhide')}
            </Button>
          ) : (
            <Button variant="ghost" size="sm" aria-expanded={hiding} onClick={() => setHiding((v) => !v)}>
              {t('hide')}
            </Button>
          )
        ) : null}
      </div>
      {hiding ? (
        <form
          className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-start"
          onSubmit={(e) => {
            e.preventDefault();
            setHidden.mutate({ labId, updateId: item.id, version: item.version, hidden: true, reason });
          }}
        >
          <div className="flex-1">
            <label htmlFor={`${uid}-reason`} className="sr-only">
              {t('hideReason')}
            </label>
            <input
              id={`${uid}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('hideReason')}
              className={inputClass}
              maxLength={500}
            />
            {fieldErrorsOf(setHidden.error).reason ? (
              <p className="mt-1 text-sm text-bad">{fieldErrorsOf(setHidden.error).reason}</p>
            ) : null}
          </div>
          <Button type="submit" variant="danger" size="sm" disabled={setHidden.isPending} className="sm:mt-1">
            {t('hideConfirm')}
          </Button>
        </form>
      ) : null}
      {showHistory ? (
        <section className="mt-2 rounded-lg border border-line bg-canvas p-3" aria-label={t('historyTitle')}>
          <h4 className="text-xs font-medium uppercase tracking-wide text-muted">{t('historyTitle')}</h4>
          <ol className="mt-2 space-y-3">
            {(history.data ?? []).map((rev) => (
              <li key={rev.id} className="border-l-2 border-line-strong pl-3">
                <p className="text-xs text-muted">
                  {t('replacedBy', {
                    when: format.dateTime(rev.replacedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                    name: rev.editedByName ?? '—',
                  })}
                </p>
                <div className="prose-update text-sm text-ink-soft" dangerouslySetInnerHTML={{ __html: rev.html }} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
