import { CalendarClock, CircleCheckBig } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { AttentionItem } from '@/server/services/workspace';
import { Badge, goalStatusLook, lateLook, milestoneStatusLook, type Tone } from '@/app/_components/Badge';
import { formatMeasure } from '@/app/_components/goal-chart/format';
import { EmptyState } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { formatIsoDate } from '@/app/_lib/dates';
import { unitSuffix } from '@/app/_lib/goal-text';
import { localized } from '@/app/_lib/localized';
import { LogButton } from './QuickLogContext';
import { percentText } from '@/app/_lib/percent';

type Look = { tone: Tone; icon: typeof CalendarClock };

/** The list stops here; the rest are less urgent and an admin with every lab could have hundreds. */
const SHOWN = 40;

function reasonLook(item: AttentionItem): Look {
  switch (item.reason) {
    case 'overdue':
      return lateLook;
    case 'due_soon':
      return { tone: 'brand', icon: CalendarClock };
    case 'at_risk':
      return item.kind === 'milestone' ? milestoneStatusLook.at_risk : goalStatusLook.at_risk;
    default:
      return goalStatusLook[item.reason];
  }
}

/** Everything that needs the person's attention across their labs, most urgent first (decision 013). */
export async function AttentionList({
  items,
  locale,
  canLogAnywhere,
}: {
  items: AttentionItem[];
  locale: string;
  canLogAnywhere: boolean;
}) {
  const t = await getTranslations('workspace.attention');
  const tg = await getTranslations('goals');
  const format = await getFormatter();
  const date = (iso: string) => formatIsoDate(format, iso);
  // The same words on every row: translated once, not once a row.
  const words = {
    milestone: t('milestone'),
    goal: t('goal'),
    yourOrganisation: t('yourOrganisation'),
    logMilestone: t('logMilestone'),
    logGoal: t('logGoal'),
    noFigure: t('noFigure'),
  };

  if (items.length === 0) {
    return (
      <EmptyState icon={<CircleCheckBig className="size-8" aria-hidden />}>
        <p>{t('empty')}</p>
        {canLogAnywhere ? <p className="mt-2">{t('emptyNext')}</p> : null}
      </EmptyState>
    );
  }

  return (
    <>
      <ol className="divide-y divide-line rounded-xl border border-line bg-surface shadow-[0_1px_2px_rgba(15,23,42,0.04)]">
        {items.slice(0, SHOWN).map((item) => {
          const look = reasonLook(item);
          const title = localized(locale, item.title, item.titleZh);
          const base = `/workspace/labs/${item.lab.slug}`;
          const labName = localized(locale, item.lab.acronymEn ?? item.lab.nameEn, item.lab.nameZh);
          const owner = item.owner ? `${item.owner.shortName}${item.ownedByMyOrganisation ? ` (${words.yourOrganisation})` : ''}` : null;
          const reason =
            item.reason === 'overdue' || item.reason === 'due_soon' || item.reason === 'stale'
              ? t(`reason.${item.reason}`, { count: item.days ?? 0 })
              : t(`reason.${item.reason}`);
          const percentWords = item.milestone ? t('percent', { value: item.milestone.percentComplete }) : null;
          return (
            <li key={`${item.kind}-${item.id}`} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
              <div className="shrink-0 sm:w-32">
                <Badge tone={look.tone} icon={look.icon}>
                  {reason}
                </Badge>
              </div>
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-ink">
                  <Link
                    href={item.kind === 'milestone' ? `${base}/timeline?m=${item.id}` : `${base}/goals/${item.id}`}
                    className="hover:text-brand hover:underline"
                  >
                    {title}
                  </Link>
                </p>
                <p className="mt-0.5 flex flex-wrap gap-x-1.5 text-xs text-muted">
                  <span>{words[item.kind]}</span>
                  <span aria-hidden>·</span>
                  <span>{labName}</span>
                  {owner ? (
                    <>
                      <span aria-hidden>·</span>
                      <span>{owner}</span>
                    </>
                  ) : null}
                  <span aria-hidden>·</span>
                  <span className="num">
                    {item.kind === 'milestone' ? t('due', { date: date(item.date) }) : t('target', { date: date(item.date) })}
                  </span>
                </p>
              </div>
              <div className="flex items-center justify-between gap-3 sm:justify-end">
                {item.milestone && percentWords ? (
                  <div className="flex w-32 items-center gap-2" title={percentWords}>
                    <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-neutral-soft" aria-hidden>
                      <div className="h-full rounded-full bg-brand" style={{ width: `${item.milestone.percentComplete}%` }} />
                    </div>
                    <span className="num w-10 text-right text-xs text-ink-soft">
                      <span className="sr-only">{percentWords}</span>
                      <span aria-hidden>{percentText(locale, item.milestone.percentComplete)}</span>
                    </span>
                  </div>
                ) : item.goal ? (
                  <span className="num text-xs text-ink-soft">
                    {item.goal.latest
                      ? t('latest', {
                          value: formatMeasure(locale, item.goal.latest.value, unitSuffix(tg, item.goal.unit, item.goal.unitLabel)),
                          date: date(item.goal.latest.asOf),
                        })
                      : words.noFigure}
                  </span>
                ) : null}
                {item.canLog ? (
                  <LogButton
                    labId={item.lab.id}
                    kind={item.kind === 'milestone' ? 'milestone' : 'measurement'}
                    id={item.id}
                    label={item.kind === 'milestone' ? words.logMilestone : words.logGoal}
                    accessibleLabel={item.kind === 'milestone' ? t('logMilestoneLabel', { title }) : t('logGoalLabel', { title })}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {items.length > SHOWN ? <p className="mt-2 text-sm text-muted">{t('more', { count: items.length - SHOWN })}</p> : null}
    </>
  );
}
