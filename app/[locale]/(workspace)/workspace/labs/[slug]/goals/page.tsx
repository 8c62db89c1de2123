import { Plus, Target } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClass } from '@/app/_components/Form';
import { GoalCard } from '@/app/_components/goals/GoalCard';
import { EmptyState } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '../lab-context';

type Params = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'goals' });
  return { title: t('title'), robots: { index: false } };
}

export default async function LabGoalsPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab } = await loadLab(slug);
  const { goals, today, canManage } = await orNotFound((await serverApi()).goal.list({ labId: lab.id }));
  const t = await getTranslations('goals');
  const base = `/workspace/labs/${lab.slug}/goals`;

  return (
    <>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 className="text-lg font-semibold text-ink">{t('title')}</h2>
          <p className="mt-1 max-w-2xl text-sm text-ink-soft">{t('intro')}</p>
        </div>
        <div className="no-print flex shrink-0 flex-wrap gap-2">
          <Link href="/workspace/portfolio/goals" className={buttonClass('secondary', 'sm')}>
            {t('acrossLabs')}
          </Link>
          {canManage ? (
            <Link href={`${base}/new`} className={buttonClass('primary', 'sm')}>
              <Plus aria-hidden className="size-4" />
              {t('new')}
            </Link>
          ) : null}
        </div>
      </div>
      {goals.length === 0 ? (
        <div className="mt-6">
          <EmptyState icon={<Target aria-hidden className="size-8" />} title={t('empty')}>
            <p>{canManage ? t('emptyManager') : t('emptyOthers')}</p>
            {canManage ? (
              <p className="mt-4">
                <Link href={`${base}/new`} className={buttonClass('primary', 'sm')}>
                  <Plus aria-hidden className="size-4" />
                  {t('new')}
                </Link>
              </p>
            ) : null}
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-2" aria-label={t('title')}>
          {goals.map((goal) => (
            <li key={goal.id}>
              <GoalCard goal={goal} href={`${base}/${goal.id}`} today={today} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
