import 'server-only';
import { Lock } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { roleAtLeast } from '@/server/services/access';
import { EmptyState } from '@/app/_components/Page';
import { loadLab } from '../lab-context';

/** The lab of a settings page when the caller manages it (or is an admin); null for everyone else. */
export async function loadManagedLab(slug: string) {
  const context = await loadLab(slug);
  return roleAtLeast(context.role, 'manager') ? context : null;
}

/** What a viewer or member sees at a settings address: the procedures would refuse them anyway. */
export async function ManagersOnly() {
  const t = await getTranslations('labSettings');
  return (
    <EmptyState icon={<Lock aria-hidden className="size-8" />} title={t('managersOnlyTitle')}>
      {t('managersOnly')}
    </EmptyState>
  );
}
