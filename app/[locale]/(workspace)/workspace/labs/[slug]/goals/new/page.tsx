import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { loadLab } from '@/app/[locale]/(workspace)/workspace/labs/[slug]/lab-context';
import { GoalEditorPage } from '../GoalEditorPage';

type Params = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'goals' });
  return { title: t('form.createTitle'), robots: { index: false } };
}

export default async function NewGoalPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab } = await loadLab(slug);
  return <GoalEditorPage lab={lab} />;
}
