import { TRPCError } from '@trpc/server';
import { Lock } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { labToday } from '@/server/domain/working-day';
import { EmptyState } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { formatIsoDate } from '@/app/_lib/dates';
import { serverApi } from '@/app/_trpc/server';
import { orNotFound } from '../lab-context';
import { DeleteGoal } from './DeleteGoal';
import { formValuesOf } from './form-values';
import { GoalForm } from './GoalForm';
import { ClientMessages } from '@/app/_components/ClientMessages';

/** The create and edit pages share this: the form with the lab's owners and milestones (managers only). */
export async function GoalEditorPage({ lab, goalId }: { lab: { id: number; slug: string; timeZone: string }; goalId?: number }) {
  const t = await getTranslations('goals');
  let editor;
  try {
    editor = await orNotFound((await serverApi()).goal.editor({ labId: lab.id, goalId }));
  } catch (error) {
    // A viewer or member who follows a link here is told why, not shown an error page.
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') {
      // ...but the edit page of a goal this lab does not have is a missing page first (issue 22).
      if (goalId !== undefined) await orNotFound((await serverApi()).goal.detail({ labId: lab.id, goalId }));
      const terr = await getTranslations('errors');
      return (
        <EmptyState icon={<Lock aria-hidden className="size-8" />}>
          <p>{terr('forbidden')}</p>
          <p className="mt-3">
            <Link href={`/workspace/labs/${lab.slug}/goals`} className="font-medium text-brand hover:underline">
              {t('allGoals')}
            </Link>
          </p>
        </EmptyState>
      );
    }
    throw error;
  }
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const goal = editor.goal;
  const milestones = editor.milestones.map((m) => ({
    id: m.id,
    title: m.title,
    statusLabel: te(`milestoneStatus.${m.status}`),
    finishLabel: t('milestones.finish', { date: formatIsoDate(format, m.forecastFinish) }),
  }));
  return (
    <div className="mx-auto max-w-3xl">
      <h2 className="text-xl font-semibold tracking-tight text-ink">{goal ? t('form.editTitle') : t('form.createTitle')}</h2>
      {goal ? null : <p className="mt-1 text-sm text-ink-soft">{t('form.createIntro')}</p>}
      <div className="mt-6">
        <ClientMessages namespaces={['goals']}>
          <GoalForm
            // A reload after a conflict brings a new version: start the form again from it.
            key={goal ? `${goal.id}-${goal.version}` : 'new'}
            labId={lab.id}
            slug={lab.slug}
            owners={editor.owners}
            milestones={milestones}
            initial={formValuesOf(goal, labToday(lab))}
            editing={goal ? { goalId: goal.id, version: goal.version } : undefined}
          />
          {goal ? (
            <DeleteGoal labId={lab.id} slug={lab.slug} goalId={goal.id} version={goal.version} measurementCount={editor.measurementCount} />
          ) : null}
        </ClientMessages>
      </div>
    </div>
  );
}
