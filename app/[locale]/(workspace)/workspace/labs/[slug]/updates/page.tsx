import { Clock, MessageSquareText } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { HEALTHS, type Health } from '@/common/enums';
import { roleAtLeast } from '@/server/services/access';
import { Badge, healthLook } from '@/app/_components/Badge';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { buttonClass, selectClass } from '@/app/_components/Form';
import { Card, CardHeader, EmptyState } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { TimesShownIn } from '@/app/_components/TimeZoneNotes';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '../lab-context';
import { UpdateComposer } from './UpdateComposer';
import { UpdateItemActions } from './UpdateItemActions';

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'updates' });
  return { title: `${t('title')} · ${localized(locale, lab.nameEn, lab.nameZh)}` };
}

export default async function UpdatesPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab, role } = await loadLab(slug);
  const query = await searchParams;
  const t = await getTranslations('updates');
  const te = await getTranslations('enums');
  const format = await getFormatter();

  const health = HEALTHS.includes(query.health as Health) ? (query.health as Health) : undefined;
  const filters = {
    health,
    authorId: positiveInt(query.author),
    milestoneId: positiveInt(query.milestone),
    goalId: positiveInt(query.goal),
  };
  const cursor = typeof query.cursor === 'string' && /^\d+\.\d+$/.test(query.cursor) ? query.cursor : undefined;
  const api = await serverApi();
  const isManager = roleAtLeast(role, 'manager');
  const [feed, options, awaiting] = await Promise.all([
    orNotFound(api.update.list({ labId: lab.id, ...filters, cursor })),
    api.update.options({ labId: lab.id }),
    isManager ? api.labSettings.awaitingPublication({ labId: lab.id }) : Promise.resolve(null),
  ]);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const milestoneOptions = options.milestones.map((m) => ({ id: m.id, label: m.title }));
  const goalOptions = options.goals.map((g) => ({ id: g.id, label: localized(locale, g.titleEn, g.titleZh) }));
  const canPost = roleAtLeast(role, 'member');
  const base = `/workspace/labs/${lab.slug}/updates`;
  const filterFormProps = {
    action: `/${locale}${base}`,
    clearHref: filtered ? base : null,
    labels: {
      health: t('filterHealth'),
      author: t('filterAuthor'),
      milestone: t('filterMilestone'),
      goal: t('filterGoal'),
      any: t('any'),
      apply: t('apply'),
      clear: t('clear'),
    },
    values: filters,
    options: {
      health: HEALTHS.map((h) => ({ value: h, label: te(`health.${h}`) })),
      author: options.authors.map((a) => ({ value: a.id, label: a.name })),
      milestone: milestoneOptions.map((m) => ({ value: m.id, label: m.label })),
      goal: goalOptions.map((g) => ({ value: g.id, label: g.label })),
    },
  };
  const keep = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : [[k.replace('Id', ''), String(v)]])),
  );

  return (
    <ClientMessages namespaces={['updates', 'enums']}>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="flex min-w-0 flex-col gap-6">
          {canPost ? (
            <Card>
              <CardHeader title={t('composerTitle')} />
              <div className="px-5 py-4">
                <UpdateComposer labId={lab.id} milestones={milestoneOptions} goals={goalOptions} canPublish={isManager} />
              </div>
            </Card>
          ) : null}

          <section aria-labelledby="feed-heading">
            <h2 id="feed-heading" className="text-lg font-semibold text-ink">
              {t('title')}
            </h2>
            <p className="mb-3 text-xs text-muted">
              <TimesShownIn />
            </p>
            {awaiting?.updates.length ? (
              <p role="status" className="mb-3 rounded-lg border border-warn/30 bg-warn-soft px-3 py-2 text-sm text-warn">
                {t('awaitingBanner', { count: awaiting.updates.length })}{' '}
                <Link href={`/workspace/labs/${lab.slug}/settings/visibility#awaiting`} className="font-medium underline">
                  {t('awaitingReview')}
                </Link>
              </p>
            ) : null}
            {feed.items.length === 0 ? (
              <EmptyState icon={<MessageSquareText className="size-8" aria-hidden />}>
                {filtered ? t('emptyFiltered') : t('empty')}
              </EmptyState>
            ) : (
              <ol className="flex flex-col gap-3">
                {feed.items.map((item) => {
                  const look = healthLook[item.health];
                  return (
                    <Card as="li" key={item.id} className={item.hidden ? 'border-dashed opacity-75' : undefined}>
                      <article className="px-5 py-4" aria-labelledby={`update-${item.id}`}>
                        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                          <Badge tone={look.tone} icon={look.icon}>
                            {te(`health.${item.health}`)}
                          </Badge>
                          <span id={`update-${item.id}`} className="font-medium text-ink">
                            {item.author?.name ?? '—'}
                          </span>
                          {item.author?.orgNameEn ? (
                            <span className="text-muted">{localized(locale, item.author.orgNameEn, item.author.orgNameZh)}</span>
                          ) : null}
                          <span aria-hidden className="text-muted">
                            ·
                          </span>
                          <time dateTime={item.createdAt.toISOString()} className="num text-muted">
                            {format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                          </time>
                          {item.editedAt ? (
                            <span className="text-xs text-muted">({t('edited', { when: format.relativeTime(item.editedAt) })})</span>
                          ) : null}
                          {item.isPublic ? <Badge tone="brand">{t('publicBadge')}</Badge> : null}
                          {item.awaitingPublication ? (
                            <Badge tone="warn" icon={Clock}>
                              {t('awaitingBadge')}
                            </Badge>
                          ) : null}
                        </header>
                        {item.hidden ? (
                          <p className="mt-2 rounded-md bg-neutral-soft px-2 py-1 text-sm text-ink-soft">
                            {t('hiddenBy', { name: item.hidden.byName ?? '—', reason: item.hidden.reason })}
                          </p>
                        ) : null}
                        <div
                          className="prose-update mt-2 text-[0.95rem] leading-relaxed text-ink"
                          dangerouslySetInnerHTML={{ __html: item.html }}
                        />
                        {item.awaitingPublication ? (
                          <details className="mt-2 rounded-md border border-warn/30 bg-warn-soft/40 px-3 py-2 text-sm">
                            <summary className="cursor-pointer text-warn">{t('awaitingSummary')}</summary>
                            <div
                              className="prose-update mt-1 text-ink-soft"
                              dangerouslySetInnerHTML={{ __html: item.awaitingPublication.publishedHtml }}
                            />
                          </details>
                        ) : null}
                        {item.milestones.length || item.goals.length ? (
                          <ul className="mt-3 flex flex-wrap gap-1.5 text-xs" aria-label={`${t('linkedMilestones')} / ${t('linkedGoals')}`}>
                            {item.milestones.map((m) => (
                              <li key={`m${m.id}`}>
                                <Link
                                  href={`${base}?milestone=${m.id}`}
                                  className="inline-block rounded-md bg-brand-soft px-2 py-0.5 text-brand hover:underline"
                                >
                                  ◆ {m.title}
                                </Link>
                              </li>
                            ))}
                            {item.goals.map((g) => (
                              <li key={`g${g.id}`}>
                                <Link
                                  href={`${base}?goal=${g.id}`}
                                  className="inline-block rounded-md bg-ok-soft px-2 py-0.5 text-ok hover:underline"
                                >
                                  ▲ {localized(locale, g.titleEn, g.titleZh)}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        <UpdateItemActions
                          labId={lab.id}
                          canEdit={item.canEdit}
                          isManager={isManager}
                          milestones={milestoneOptions}
                          goals={goalOptions}
                          item={{
                            id: item.id,
                            version: item.version,
                            body: item.body,
                            health: item.health,
                            isPublic: item.isPublic,
                            awaitingPublication: item.awaitingPublication !== null,
                            hidden: item.hidden !== null,
                            milestoneIds: item.milestones.map((m) => m.id),
                            goalIds: item.goals.map((g) => g.id),
                            revisionCount: item.revisionCount,
                          }}
                        />
                      </article>
                    </Card>
                  );
                })}
              </ol>
            )}
            <nav className="mt-4 flex gap-3" aria-label={t('title')}>
              {cursor ? (
                <Link href={`${base}${keep.size ? `?${keep}` : ''}`} className={buttonClass('secondary', 'sm')}>
                  {t('newest')}
                </Link>
              ) : null}
              {feed.nextCursor ? (
                <Link
                  href={`${base}?${new URLSearchParams([...keep, ['cursor', feed.nextCursor]])}`}
                  className={buttonClass('secondary', 'sm')}
                >
                  {t('older')}
                </Link>
              ) : null}
            </nav>
          </section>
        </div>

        <aside className="order-first lg:order-none">
          <details className="rounded-xl border border-line bg-surface lg:hidden">
            <summary className="cursor-pointer px-5 py-3 text-sm font-medium text-ink">{t('filtersTitle')}</summary>
            <FilterForm idPrefix="m" {...filterFormProps} />
          </details>
          <Card className="hidden lg:sticky lg:top-4 lg:block">
            <CardHeader title={t('filtersTitle')} />
            <FilterForm idPrefix="d" {...filterFormProps} />
          </Card>
        </aside>
      </div>
    </ClientMessages>
  );
}

type Option = { value: string | number; label: string };

/** A plain GET form: the filters live in the URL, so a filtered feed can be bookmarked and shared. */
function FilterForm({
  idPrefix,
  action,
  clearHref,
  labels,
  values,
  options,
}: {
  idPrefix: string;
  action: string;
  clearHref: string | null;
  labels: Record<'health' | 'author' | 'milestone' | 'goal' | 'any' | 'apply' | 'clear', string>;
  values: { health?: string; authorId?: number; milestoneId?: number; goalId?: number };
  options: Record<'health' | 'author' | 'milestone' | 'goal', Option[]>;
}) {
  return (
    <form method="get" action={action} className="flex flex-col gap-3 px-5 py-4">
      <FilterSelect
        id={`${idPrefix}-health`}
        name="health"
        label={labels.health}
        value={values.health}
        any={labels.any}
        options={options.health}
      />
      <FilterSelect
        id={`${idPrefix}-author`}
        name="author"
        label={labels.author}
        value={values.authorId}
        any={labels.any}
        options={options.author}
      />
      <FilterSelect
        id={`${idPrefix}-milestone`}
        name="milestone"
        label={labels.milestone}
        value={values.milestoneId}
        any={labels.any}
        options={options.milestone}
      />
      <FilterSelect id={`${idPrefix}-goal`} name="goal" label={labels.goal} value={values.goalId} any={labels.any} options={options.goal} />
      <div className="flex flex-wrap gap-2 pt-1">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          {labels.apply}
        </button>
        {clearHref ? (
          <Link href={clearHref} className={buttonClass('ghost', 'sm')}>
            {labels.clear}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function FilterSelect({
  id,
  name,
  label,
  value,
  any,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | number | undefined;
  any: string;
  options: Option[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={selectClass}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
