import { redirect } from '@/app/_i18n/navigation';
import { requireAdmin } from './require-admin';

export default async function AdminHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireAdmin();
  redirect({ href: '/admin/labs', locale });
}
