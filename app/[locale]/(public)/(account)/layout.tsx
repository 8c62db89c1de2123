import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/ClientMessages';

// Rendered per request: each answer carries its own script nonce (proxy.ts).
export const dynamic = 'force-dynamic';

// Signing in, out, accepting an invitation and resetting a password are forms: their client
// components (and next-intl's Link) need the messages. The directory and fact sheets do not, so the
// provider lives here and in the workspace, not in the locale layout that every public page shares.
export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ClientMessages namespaces={[]}>{children}</ClientMessages>;
}
