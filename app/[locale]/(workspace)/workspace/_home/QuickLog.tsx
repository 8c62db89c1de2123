'use client';

import clsx from 'clsx';
import { Flag, MessageSquarePlus, Ruler, type LucideIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Field, FormMessage, selectClass, StatusMessage } from '@/app/_components/Form';
import { useTRPC } from '@/app/_trpc/client';
import { MeasurementForm } from '../labs/[slug]/goals/[goalId]/MeasurementForm';
import type { Option } from '../labs/[slug]/timeline/form-helpers';
import { ProgressForm } from '../labs/[slug]/timeline/ProgressForm';
import { UpdateComposer, type LinkOption } from '../labs/[slug]/updates/UpdateComposer';
import { useQuickLog, type LogKind } from './QuickLogContext';

/** One lab the person may log progress in, with what the forms need up front (its milestones load when a form opens). */
export type LogLab = {
  id: number;
  name: string;
  /** Today in the lab: the latest date progress there may carry. */
  today: string;
  canPublish: boolean;
  goals: {
    id: number;
    title: string;
    unitSuffix: string;
    rangeText: string;
    baselineDate: string;
    isPublic: boolean;
    /** Offered as the new figure's source: it usually comes from the same report as the last one. */
    latestSource: string | null;
    latestText: string;
  }[];
  linkGoals: LinkOption[];
};

const KINDS: { kind: LogKind; icon: LucideIcon }[] = [
  { kind: 'milestone', icon: Flag },
  { kind: 'measurement', icon: Ruler },
  { kind: 'update', icon: MessageSquarePlus },
];

/**
 * Quick progress from the workspace: a milestone's status, percent complete and actual dates, a
 * goal's measurement, or an update — the same forms (and procedures) as the lab pages, one at a time.
 */
export function QuickLog({
  labs,
  statuses,
  renderedAt,
}: {
  labs: LogLab[];
  statuses: Option[];
  /** When the server drew the page: a refresh after any save loads the milestone choices again. */
  renderedAt: number;
}) {
  const t = useTranslations('workspace.log');
  const router = useRouter();
  const { target, setTarget, focusRequest } = useQuickLog();
  const [notice, setNotice] = useState<string | null>(null);
  const card = useRef<HTMLElement>(null);
  const lab = labs.find((l) => l.id === target.labId) ?? labs[0]!;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choices = useQuery({
    ...trpc.workspace.logChoices.queryOptions({ labId: lab.id }),
    enabled: target.kind === 'milestone' || target.kind === 'update',
  });
  // The page was drawn again (after a save here or anywhere on it, or a reload after a conflict):
  // the milestones' versions and progress may have changed.
  const drawnAt = useRef(renderedAt);
  useEffect(() => {
    if (drawnAt.current === renderedAt) return;
    drawnAt.current = renderedAt;
    void queryClient.invalidateQueries({ queryKey: trpc.workspace.logChoices.pathKey() });
  }, [renderedAt, queryClient, trpc]);
  const milestones = choices.data?.milestones ?? [];
  const milestone = milestones.find((m) => m.id === target.milestoneId) ?? null;
  const goal = lab.goals.find((g) => g.id === target.goalId) ?? null;
  const change = (next: Partial<typeof target>) => {
    setNotice(null);
    setTarget({ ...target, ...next });
  };

  // A "log" button in the attention list chose the record: bring the form into view, and focus its
  // picker as soon as it is there (a lab's milestones may still be loading).
  const focusPending = useRef(false);
  useEffect(() => {
    if (focusRequest === 0) return;
    focusPending.current = true;
    card.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [focusRequest]);
  useEffect(() => {
    if (!focusPending.current) return;
    const picker = card.current?.querySelector<HTMLElement>('#quick-log-milestone, #quick-log-goal');
    if (!picker) return;
    focusPending.current = false;
    picker.focus({ preventScroll: true });
  });

  return (
    <section
      id="quick-log"
      ref={card}
      aria-labelledby="quick-log-heading"
      className="scroll-mt-4 rounded-xl border border-line bg-surface shadow-[0_1px_2px_rgba(15,23,42,0.04)]"
    >
      <div className="border-b border-line px-5 py-3.5">
        <h2 id="quick-log-heading" className="text-[0.95rem] font-semibold text-ink">
          {t('title')}
        </h2>
        <p className="mt-0.5 text-sm text-muted">{t('intro')}</p>
      </div>
      <div className="flex flex-col gap-4 px-5 py-4">
        {labs.length > 1 ? (
          <Field label={t('lab')} htmlFor="quick-log-lab">
            <select
              id="quick-log-lab"
              className={selectClass}
              value={lab.id}
              onChange={(e) => change({ labId: Number(e.target.value), milestoneId: null, goalId: null })}
            >
              {labs.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}

        <div role="group" aria-label={t('kinds')} className="grid grid-cols-3 gap-1 rounded-lg border border-line bg-canvas p-1">
          {KINDS.map(({ kind, icon: Icon }) => (
            <button
              key={kind}
              type="button"
              aria-pressed={target.kind === kind}
              onClick={() => change({ kind })}
              className={clsx(
                'flex min-w-0 flex-col items-center justify-center gap-0.5 rounded-md px-1 py-1.5 text-[0.8rem] leading-tight',
                target.kind === kind
                  ? 'bg-surface font-medium text-ink shadow-sm ring-1 ring-line-strong'
                  : 'text-ink-soft hover:bg-surface',
              )}
            >
              <Icon aria-hidden className="size-4 shrink-0" />
              <span className="truncate">{t(kind)}</span>
            </button>
          ))}
        </div>

        <StatusMessage>{notice ? notice : null}</StatusMessage>

        {target.kind === null ? <p className="text-sm text-muted">{t('pickFirst')}</p> : null}

        {target.kind === 'milestone' ? (
          !choices.data ? (
            <ChoicesState failed={choices.isError} />
          ) : milestones.length === 0 ? (
            <p className="text-sm text-muted">{t('noMilestones')}</p>
          ) : (
            <>
              <Field label={t('chooseMilestone')} htmlFor="quick-log-milestone">
                <select
                  id="quick-log-milestone"
                  className={selectClass}
                  value={milestone?.id ?? ''}
                  onChange={(e) => change({ milestoneId: e.target.value ? Number(e.target.value) : null })}
                >
                  <option value="">{t('pick')}</option>
                  {milestones.map((m) => (
                    <option key={m.id} value={m.id}>
                      {t('milestoneOption', { title: m.title, percent: m.percentComplete })}
                    </option>
                  ))}
                </select>
              </Field>
              {milestone ? (
                <ProgressForm key={milestone.id} labId={lab.id} milestone={milestone} statuses={statuses} today={lab.today} />
              ) : null}
            </>
          )
        ) : null}

        {target.kind === 'measurement' ? (
          lab.goals.length === 0 ? (
            <p className="text-sm text-muted">{t('noGoals')}</p>
          ) : (
            <div>
              <Field label={t('chooseGoal')} htmlFor="quick-log-goal" hint={goal?.latestText}>
                <select
                  id="quick-log-goal"
                  className={selectClass}
                  aria-describedby={goal ? 'quick-log-goal-hint' : undefined}
                  value={goal?.id ?? ''}
                  onChange={(e) => change({ goalId: e.target.value ? Number(e.target.value) : null })}
                >
                  <option value="">{t('pick')}</option>
                  {lab.goals.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.title}
                    </option>
                  ))}
                </select>
              </Field>
              {goal ? (
                <MeasurementForm
                  key={goal.id}
                  labId={lab.id}
                  goalId={goal.id}
                  unitSuffix={goal.unitSuffix}
                  rangeText={goal.rangeText}
                  baselineDate={goal.baselineDate}
                  today={lab.today}
                  editing={null}
                  initial={{ value: '', asOf: lab.today, source: goal.latestSource ?? '', sourceUrl: '', comment: '' }}
                  sourceNeedsApproval={goal.isPublic && !lab.canPublish}
                  onDone={(message) => {
                    setNotice(message);
                    router.refresh();
                  }}
                  onCancel={() => undefined}
                />
              ) : null}
            </div>
          )
        ) : null}

        {target.kind === 'update' ? (
          choices.data ? (
            <UpdateComposer
              key={lab.id}
              labId={lab.id}
              milestones={choices.data.linkMilestones}
              goals={lab.linkGoals}
              canPublish={lab.canPublish}
            />
          ) : (
            <ChoicesState failed={choices.isError} />
          )
        ) : null}
      </div>
    </section>
  );
}

/** While a lab's milestones load (a moment), or when they could not be loaded. */
function ChoicesState({ failed }: { failed: boolean }) {
  const t = useTranslations('common');
  const tl = useTranslations('workspace.log');
  return failed ? (
    <FormMessage>{tl('choicesFailed')}</FormMessage>
  ) : (
    <p role="status" className="text-sm text-muted">
      {t('loading')}
    </p>
  );
}
