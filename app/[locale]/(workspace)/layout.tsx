import { LogOut, UserRound } from 'lucide-react';
import { getTimeZone, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { BrowserTimeZone } from '@/app/_components/BrowserTimeZone';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { FocusOnArrival } from '@/app/_components/FocusOnArrival';
import { Header } from '@/app/_components/Header';
import { Link } from '@/app/_i18n/navigation';
import { TRPCReactProvider } from '@/app/_trpc/client';
import { requireUser } from '@/app/_trpc/server';

// Workspace pages are per person and read the session cookie: never cache or prerender them
// (the locale layout renders nothing at build time, so this must be said here, for every page below).
export const dynamic = 'force-dynamic';

// Every page in here also calls requireUser itself: a layout is not re-run on every navigation. The
// layout lets someone who must set up two-factor through, so that its set-up page can be shown.
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser({ enrolling: true });
  const t = await getTranslations('nav');
  const shownIn = await getTimeZone();
  return (
    <ClientMessages namespaces={[]}>
    <TRPCReactProvider>
      <Header
        home="/workspace"
        nav={[
          { href: '/workspace', label: t('workspace') },
          { href: '/workspace/portfolio', label: t('portfolio') },
          { href: '/labs', label: t('directory') },
          ...(user.isAdmin ? [{ href: '/admin', label: t('admin') }] : []),
        ]}
        end={
          <div className="flex items-center gap-2">
            <Link
              href="/account"
              className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm text-ink-soft hover:bg-neutral-soft hover:text-ink"
              title={t('accountOf', { email: user.email })}
            >
              <UserRound aria-hidden className="size-4" />
              <span className="hidden max-w-40 truncate md:inline">{user.name}</span>
              <span className="sr-only md:hidden">{t('account')}</span>
            </Link>
            <Link
              href="/signout"
              className="hidden items-center sm:inline-flex gap-1.5 rounded-lg border border-line px-2.5 py-1.5 text-sm text-ink-soft hover:bg-neutral-soft hover:text-ink"
            >
              <LogOut aria-hidden className="size-4" />
              <span className="hidden sm:inline">{t('signOut')}</span>
              <span className="sr-only sm:hidden">{t('signOut')}</span>
            </Link>
          </div>
        }
      />
      <BrowserTimeZone shownIn={shownIn} chosen={user.timeZone !== null} />
      {children}
      <FocusOnArrival />
    </TRPCReactProvider>
    </ClientMessages>
  );
}
