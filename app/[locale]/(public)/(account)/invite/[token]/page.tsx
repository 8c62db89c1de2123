import { TRPCError } from '@trpc/server';
import { Ban, Clock, Link2Off, MailCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { buttonClass } from '@/app/_components/Form';
import { Card } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { TRPCReactProvider } from '@/app/_trpc/client';
import { AcceptInvitation } from './AcceptInvitation';

// The token in the address is a secret: never cached, never indexed, never sent on as a referrer.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'invitations' });
  return { title: t('title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

async function describe(token: string) {
  try {
    return await (await serverApi()).invitation.describe({ token });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return { state: 'unknown' as const };
    throw error;
  }
}

function Panel({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <main id="main" className="flex justify-center px-4 py-12 sm:py-20">
      <Card className="w-full max-w-md p-6 sm:p-8">
        <div className="text-muted">{icon}</div>
        <h1 className="mt-3 text-xl font-semibold">{title}</h1>
        {children}
      </Card>
    </main>
  );
}

export default async function InvitationPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('invitations');
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const info = await describe(token);

  if (info.state !== 'pending' || !('lab' in info) || !info.lab) {
    const icons = {
      unknown: <Link2Off aria-hidden className="size-8" />,
      expired: <Clock aria-hidden className="size-8" />,
      accepted: <MailCheck aria-hidden className="size-8" />,
      revoked: <Ban aria-hidden className="size-8" />,
      pending: null,
    };
    return (
      <Panel icon={icons[info.state]} title={t(`states.${info.state}.title`)}>
        <p className="mt-2 text-sm leading-relaxed text-ink-soft">{t(`states.${info.state}.body`)}</p>
        <p className="mt-6">
          <Link href={info.state === 'accepted' ? '/workspace' : '/labs'} className={buttonClass('secondary')}>
            {info.state === 'accepted' ? t('openWorkspace') : t('browsePublic')}
          </Link>
        </p>
      </Panel>
    );
  }

  const labName = localized(locale, info.lab.nameEn, info.lab.nameZh);
  // Whether the address has an account is not said here: whoever holds the link may not be its owner (decision 018).
  const mode = info.signedInAsInvitee ? 'join' : 'create';
  return (
    <Panel icon={<MailCheck aria-hidden className="size-8" />} title={t('joinTitle', { lab: labName })}>
      <p className="mt-2 text-sm leading-relaxed text-ink-soft">
        {info.inviter
          ? t('invitedBy', { inviter: info.inviter, email: info.email, role: te(`labRole.${info.role}`) })
          : t('invited', { email: info.email, role: te(`labRole.${info.role}`) })}
      </p>
      <p className="mt-1 text-xs text-muted">
        {t('expires', { date: format.dateTime(info.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
      </p>
      {info.claimableByHolder && !info.signedInAsInvitee ? (
        <p className="mt-4 rounded-lg border border-line bg-canvas px-3 py-2 text-sm text-ink-soft">
          {t('claimNote', { email: info.email })}
        </p>
      ) : null}
      {info.signedInAs && !info.signedInAsInvitee ? (
        <p className="mt-4 rounded-lg border border-warn/30 bg-warn-soft px-3 py-2 text-sm text-warn">
          {t('signedInAsOther', { current: info.signedInAs, email: info.email })}
        </p>
      ) : null}
      <ClientMessages namespaces={['forms', 'invitations', 'account']}>
        <TRPCReactProvider>
          <AcceptInvitation token={token} email={info.email} mode={mode} labName={labName} />
        </TRPCReactProvider>
      </ClientMessages>
    </Panel>
  );
}
