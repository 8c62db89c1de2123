import { AlertTriangle, Clock, Globe, Lock, Pencil, Route, X } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MILESTONE_STATUSES, STAGES } from '@/common/enums';
import { roleAtLeast, type LabStanding } from '@/server/services/access';
import type { LabTimeline, LabTimelineMilestone } from '@/server/services/timeline';
import { Badge, lateLook, milestoneStatusLook } from '@/app/_components/Badge';
import { buttonClass } from '@/app/_components/Form';
import { formatIsoDate } from '@/app/_lib/dates';
import { localized } from '@/app/_lib/localized';
import { DeleteMilestoneButton } from './DeleteMilestoneButton';
import { DependencyEditor, type DependencyRow } from './DependencyEditor';
import { MilestoneForm, type MilestoneDraft } from './MilestoneForm';
import { ProgressForm } from './ProgressForm';
import { RescheduleDialog } from './RescheduleDialog';
import { PanelFocus } from './TimelineInteractions';
import { slipParams } from '@/app/_components/timeline/types';

type Props = {
  timeline: LabTimeline;
  locale: string;
  role: LabStanding;
  closeHref: string;
  editHref: string;
  /** Where a saved form goes; `{id}` becomes the milestone id. */
  savedHref: string;
} & ({ mode: 'view' | 'edit'; milestone: LabTimelineMilestone } | { mode: 'create'; milestone?: undefined });

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-line px-5 py-4">
      <h3 className="mb-3 text-sm font-semibold text-ink">{title}</h3>
      {children}
    </section>
  );
}

/** The details of one milestone beside the timeline, with the forms the caller's role allows. */
export async function MilestonePanel(props: Props) {
  const { timeline, locale, role, closeHref } = props;
  const t = await getTranslations('timeline');
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const date = (iso: string | null) => (iso ? formatIsoDate(format, iso) : '—');
  const labId = timeline.lab.id;
  const isManager = roleAtLeast(role, 'manager');
  const isMember = roleAtLeast(role, 'member');
  const phases = STAGES.map((s) => ({ value: s, label: te(`stage.${s}`) }));
  const statuses = MILESTONE_STATUSES.map((s) => ({ value: s, label: te(`milestoneStatus.${s}`) }));
  const owners = timeline.partners.map((p) => ({ value: String(p.organisationId), label: localized(locale, p.nameEn, p.nameZh) }));
  const m = props.milestone;
  const baselineName = timeline.baselines.find((b) => b.id === timeline.chosenBaselineId)?.name;

  const draft: MilestoneDraft = m
    ? { ...m }
    : {
        title: '',
        description: '',
        phase: 'rnd',
        ownerOrganisationId: null,
        forecastStart: timeline.today,
        forecastFinish: timeline.today,
        actualStart: null,
        actualFinish: null,
        status: 'not_started',
        percentComplete: 0,
        isPublic: false,
      };

  const titles = new Map(timeline.milestones.map((x) => [x.id, x.title]));
  const rows = (direction: 'predecessor' | 'successor'): DependencyRow[] =>
    m
      ? timeline.dependencies
          .filter((d) => (direction === 'predecessor' ? d.successorId === m.id : d.predecessorId === m.id))
          .map((d) => {
            const otherId = direction === 'predecessor' ? d.predecessorId : d.successorId;
            return {
              id: d.id,
              version: d.version,
              otherId,
              otherTitle: titles.get(otherId) ?? '',
              lagDays: d.lagDays,
              conflict: d.conflict !== null,
            };
          })
      : [];
  const predecessors = rows('predecessor');
  const successors = rows('successor');
  const conflicts = m ? timeline.dependencies.filter((d) => d.successorId === m.id && d.conflict) : [];

  return (
    <aside
      aria-labelledby="milestone-panel-title"
      className="milestone-panel no-print fixed inset-0 z-30 flex flex-col overflow-y-auto bg-surface shadow-2xl lg:inset-y-0 lg:left-auto lg:right-0 lg:w-[28rem] lg:border-l lg:border-line"
    >
      <PanelFocus closeHref={closeHref} returnTo={m?.id ?? null}>
        <div className="sticky top-0 z-10 flex items-start justify-between gap-3 border-b border-line bg-surface px-5 py-4">
          <div className="min-w-0">
            <p className="text-xs font-medium uppercase tracking-wide text-muted">
              {props.mode === 'create' ? t('form.createTitle') : m ? te(`stage.${m.phase}`) : null}
            </p>
            <h2 id="milestone-panel-title" tabIndex={-1} className="mt-0.5 text-lg font-semibold leading-snug text-ink focus:outline-none">
              {m ? m.title : t('form.newMilestone')}
            </h2>
          </div>
          <a
            href={closeHref}
            data-timeline-link=""
            className="rounded-md p-1 text-muted hover:bg-neutral-soft hover:text-ink"
            aria-label={t('closePanel')}
          >
            <X aria-hidden className="size-5" />
          </a>
        </div>

        {m ? (
          <div className="px-5 py-4">
            <div className="flex flex-wrap gap-1.5">
              <Badge tone={milestoneStatusLook[m.status].tone} icon={milestoneStatusLook[m.status].icon}>
                {te(`milestoneStatus.${m.status}`)}
              </Badge>
              {m.late ? (
                <Badge tone={lateLook.tone} icon={Clock}>
                  {t('late')}
                </Badge>
              ) : null}
              {m.critical ? (
                <Badge tone="brand" icon={Route}>
                  {t('critical')}
                </Badge>
              ) : null}
              {m.conflict ? (
                <Badge tone="bad" icon={AlertTriangle}>
                  {t('conflict')}
                </Badge>
              ) : null}
              <Badge icon={m.isPublic ? Globe : Lock}>{m.isPublic ? te('visibility.public') : te('visibility.private')}</Badge>
            </div>
            <div
              className="mt-3 h-2 overflow-hidden rounded-full bg-neutral-soft"
              role="img"
              aria-label={t('percentDone', { percent: m.percentComplete })}
            >
              <div className="h-full rounded-full bg-brand" style={{ width: `${m.percentComplete}%` }} />
            </div>
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">{t('fields.owner')}</dt>
              <dd className="text-ink">{m.ownerNameEn ? localized(locale, m.ownerNameEn, m.ownerNameZh) : '—'}</dd>
              <dt className="text-muted">{t('table.forecast')}</dt>
              <dd className="num text-ink">{`${date(m.forecastStart)} – ${date(m.forecastFinish)}`}</dd>
              <dt className="text-muted">{t('table.baseline')}</dt>
              <dd className="num text-ink-soft">
                {m.baselineFinish ? `${date(m.baselineStart)} – ${date(m.baselineFinish)}` : '—'}
                {baselineName ? <span className="block text-xs text-muted">{baselineName}</span> : null}
              </dd>
              <dt className="text-muted">{t('table.actual')}</dt>
              <dd className="num text-ink-soft">
                {m.actualStart || m.actualFinish ? `${date(m.actualStart)} – ${date(m.actualFinish)}` : '—'}
              </dd>
              <dt className="text-muted">{t('table.slip')}</dt>
              <dd className={`num font-medium ${m.slipDays && m.slipDays > 0 ? 'text-bad' : 'text-ink'}`}>
                {m.slipDays === null ? '—' : t('slipSentence', slipParams(m.slipDays))}
              </dd>
              <dt className="text-muted">{t('table.float')}</dt>
              <dd className="num text-ink">
                {m.totalFloat === null ? '—' : m.critical ? t('onCriticalPath') : t('floatDays', { days: m.totalFloat })}
              </dd>
            </dl>
            {m.description ? <p className="mt-4 whitespace-pre-line text-sm leading-relaxed text-ink-soft">{m.description}</p> : null}
            {conflicts.length > 0 ? (
              <div role="note" className="mt-4 rounded-lg border border-bad/25 bg-bad-soft px-3 py-2 text-sm text-bad">
                {conflicts.map((c) => (
                  <p key={c.id}>
                    {t('conflictDetail', {
                      predecessor: titles.get(c.predecessorId) ?? '',
                      date: date(c.conflict!.requiredStart),
                      days: c.conflict!.daysEarly,
                    })}
                  </p>
                ))}
              </div>
            ) : null}
            {isManager && props.mode === 'view' ? (
              <div className="mt-4 flex flex-wrap gap-2">
                <a href={props.editHref} data-timeline-link="" className={buttonClass('secondary', 'sm')}>
                  <Pencil aria-hidden className="size-4" />
                  {t('form.edit')}
                </a>
                {successors.length > 0 ? (
                  <RescheduleDialog labId={labId} fromId={m.id} label={t('reschedule.fromHere')} variant="secondary" />
                ) : null}
                <DeleteMilestoneButton labId={labId} id={m.id} version={m.version} title={m.title} afterHref={closeHref} />
              </div>
            ) : null}
          </div>
        ) : null}

        {props.mode === 'create' || props.mode === 'edit' ? (
          isManager ? (
            <Section title={props.mode === 'create' ? t('form.createTitle') : t('form.editTitle')}>
              <MilestoneForm
                key={`${m?.id ?? 'new'}-${m?.version ?? 0}`}
                labId={labId}
                initial={draft}
                phases={phases}
                statuses={statuses}
                owners={owners}
                doneHref={props.savedHref}
              />
            </Section>
          ) : null
        ) : m && isMember ? (
          <Section title={t('progress.title')}>
            <ProgressForm key={m.id} labId={labId} milestone={m} statuses={statuses} today={timeline.today} />
          </Section>
        ) : null}

        {m && isManager && props.mode === 'view' ? (
          <Section title={t('dependencies.title')}>
            <DependencyEditor
              key={`${m.id}-${timeline.dependencies.map((d) => `${d.id}.${d.version}`).join(',')}`}
              labId={labId}
              milestoneId={m.id}
              predecessors={predecessors}
              successors={successors}
              candidates={timeline.milestones.filter((x) => x.id !== m.id).map((x) => ({ value: String(x.id), label: x.title }))}
            />
          </Section>
        ) : null}
        {m && !isMember ? <p className="border-t border-line px-5 py-4 text-sm text-muted">{t('viewerNote')}</p> : null}
      </PanelFocus>
    </aside>
  );
}
