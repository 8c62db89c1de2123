import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { loadLab } from '@/app/[locale]/(workspace)/workspace/labs/[slug]/lab-context';
import { GoalEditorPage } from '@/app/[locale]/(workspace)/workspace/labs/[slug]/goals/GoalEditorPage';
import { goalIdFrom } from '../goal-id';

type Params = { params: Promise<{ locale: string; slug: string; goalId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'goals' });
  return { title: t('form.editTitle'), robots: { index: false } };
}

export default async function EditGoalPage({ params }: Params) {
  const { locale, slug, goalId } = await params;
  setRequestLocale(locale);
  const { lab } = await loadLab(slug);
  return <GoalEditorPage lab={lab} goalId={goalIdFrom(goalId)} />;
}
