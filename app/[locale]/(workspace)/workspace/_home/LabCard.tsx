import { MessageSquareText } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { WorkspaceLab } from '@/server/services/workspace';
import { Badge, healthLook, labStatusLook, visibilityLook } from '@/app/_components/Badge';
import { Card } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { localized } from '@/app/_lib/localized';
import { actionLabel, kindLabel } from '../labs/[slug]/activity/history-ui';

function Count({ label, value, tone }: { label: string; value: number; tone: 'bad' | 'warn' }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`num text-lg font-semibold ${value > 0 ? (tone === 'bad' ? 'text-bad' : 'text-warn') : 'text-ink'}`}>{value}</dd>
    </div>
  );
}

/** One of the person's labs: role, the counts that need attention, latest health and what others changed. */
export async function LabCard({ lab, locale }: { lab: WorkspaceLab; locale: string }) {
  const t = await getTranslations('workspace');
  const ta = await getTranslations('activity');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const name = localized(locale, lab.nameEn, lab.nameZh);
  const base = `/workspace/labs/${lab.slug}`;
  const status = labStatusLook[lab.status];
  const vis = visibilityLook[lab.visibility];
  const latest = lab.latestUpdate;
  const health = latest ? healthLook[latest.health] : null;
  const changes = await Promise.all(
    lab.changes.latest.map(async (e) => ({
      id: e.id,
      at: e.at,
      text: `${ta('sentence', { actor: e.actor?.name ?? ta('someone'), action: await actionLabel(e.action), kind: await kindLabel(e.entityType) })}${
        e.entityLabel ? ` “${e.entityLabel}”` : ''
      }`,
    })),
  );
  const sinceDay = lab.changes.since.toISOString().slice(0, 10);

  return (
    <Card as="li">
      <div className="p-4 sm:p-5">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-base font-semibold text-ink">
            <Link href={base} className="hover:text-brand hover:underline">
              {name}
            </Link>
          </h3>
          {lab.isDemo ? <Badge tone="warn">{tc('demoData')}</Badge> : null}
        </div>
        <div className="mt-2 flex flex-wrap gap-1.5">
          <Badge tone="brand">
            {t('yourRole')}: {te(`labRole.${lab.role}`)}
          </Badge>
          <Badge tone={status.tone} icon={status.icon}>
            {te(`labStatus.${lab.status}`)}
          </Badge>
          <Badge tone={vis.tone} icon={vis.icon}>
            {te(`visibility.${lab.visibility}`)}
          </Badge>
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Count label={t('card.overdue')} value={lab.overdue} tone="bad" />
          <Count label={t('card.dueSoon')} value={lab.dueSoon} tone="warn" />
          <Count label={t('card.goalsOffTrack')} value={lab.goalsOffTrack} tone="bad" />
          <Count label={t('card.goalsAtRisk')} value={lab.goalsAtRisk} tone="warn" />
        </dl>
      </div>
      <div className="grid border-t border-line md:grid-cols-2 md:divide-x md:divide-line">
        <section className="px-4 py-3 sm:px-5" aria-label={t('card.latestHealth')}>
          <h4 className="text-xs font-medium uppercase tracking-wide text-muted">{t('card.latestHealth')}</h4>
          {latest && health ? (
            <>
              <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                <Badge tone={health.tone} icon={health.icon}>
                  {te(`health.${latest.health}`)}
                </Badge>
                <span>
                  {latest.authorName ?? '—'}
                  {latest.orgShortName ? ` (${latest.orgShortName})` : ''}
                </span>
                <time dateTime={latest.createdAt.toISOString()} className="num">
                  {format.dateTime(latest.createdAt, { dateStyle: 'medium' })}
                </time>
              </p>
              <p className="mt-1.5 line-clamp-3 text-sm text-ink-soft">{latest.excerpt}</p>
            </>
          ) : (
            <p className="mt-1.5 flex gap-2 text-sm text-ink-soft">
              <MessageSquareText aria-hidden className="mt-0.5 size-4 shrink-0 text-muted" />
              {t('card.noUpdate')}
            </p>
          )}
        </section>
        <section className="border-t border-line px-4 py-3 sm:px-5 md:border-t-0" aria-label={t('card.allActivity')}>
          <h4 className="text-xs font-medium uppercase tracking-wide text-muted">
            {lab.changes.basis === 'last_visit'
              ? t('card.since', { date: format.dateTime(lab.changes.since, { dateStyle: 'medium' }) })
              : t('card.sinceRecent')}
          </h4>
          {lab.changes.basis === 'recent' ? <p className="mt-0.5 text-xs text-muted">{t('card.sinceRecentHint')}</p> : null}
          {lab.changes.total > 0 ? (
            <p className="mt-1.5 text-sm font-medium text-ink">{t('card.changes', { count: lab.changes.total })}</p>
          ) : (
            <p className="mt-1.5 text-sm text-muted">
              {lab.changes.basis === 'last_visit' ? t('card.nothingChanged') : t('card.changes', { count: 0 })}
            </p>
          )}
          {changes.length ? (
            <ul className="mt-1 flex flex-col gap-1 text-sm text-ink-soft">
              {changes.map((c) => (
                <li key={c.id} className="flex gap-2">
                  <time dateTime={c.at.toISOString()} className="num w-14 shrink-0 text-xs leading-5 text-muted">
                    {format.dateTime(c.at, { month: 'short', day: 'numeric' })}
                  </time>
                  <span className="line-clamp-2 min-w-0">{c.text}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {lab.changes.total > 0 ? (
            <Link href={`${base}/activity?from=${sinceDay}`} className="mt-2 inline-block text-sm font-medium text-brand hover:underline">
              {t('card.allActivity')}
            </Link>
          ) : null}
        </section>
      </div>
      <nav
        aria-label={t('card.sections', { name })}
        className="flex flex-wrap gap-x-4 gap-y-1 border-t border-line px-4 py-2.5 text-sm sm:px-5"
      >
        {(['timeline', 'goals', 'updates', 'report'] as const).map((section) => (
          <Link key={section} href={`${base}/${section}`} className="text-ink-soft hover:text-brand hover:underline">
            {t(`card.${section}`)}
          </Link>
        ))}
      </nav>
    </Card>
  );
}
