import { MailPlus, UsersRound } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { roleAtLeast } from '@/server/services/access';
import { Badge, invitationStateLook, unverifiedLook } from '@/app/_components/Badge';
import { Card, CardHeader, EmptyState } from '@/app/_components/Page';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { localized } from '@/app/_lib/localized';
import { currentUser, serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '../lab-context';
import { InviteForm } from './InviteForm';
import { LeaveButton, RemoveMemberButton, RevokeInvitationButton, RoleEditor } from './MemberActions';

type Params = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'members' });
  return { title: `${t('title')} · ${localized(locale, lab.nameEn, lab.nameZh)}`, robots: { index: false } };
}

export default async function MembersPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab, role } = await loadLab(slug);
  const me = await currentUser();
  const api = await serverApi();
  const canManage = roleAtLeast(role, 'manager');
  const [members, invitations, partners] = await Promise.all([
    orNotFound(api.member.list({ labId: lab.id })),
    canManage ? api.invitation.list({ labId: lab.id }) : Promise.resolve([]),
    canManage ? api.partner.list({ labId: lab.id }) : Promise.resolve([]),
  ]);
  const t = await getTranslations('members');
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const managerCount = members.filter((m) => m.role === 'manager').length;

  return (
    <ClientMessages namespaces={['enums', 'forms', 'members']}>
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader
            id="members-heading"
            title={t('listTitle', { count: members.length })}
            description={canManage ? t('managerIntro') : t('intro')}
          />
          {members.length === 0 ? (
            <div className="p-5">
              <EmptyState icon={<UsersRound aria-hidden className="size-8" />}>{canManage ? t('emptyManager') : t('empty')}</EmptyState>
            </div>
          ) : (
            <ul className="divide-y divide-line" aria-labelledby="members-heading">
              {members.map((m) => {
                const isMe = m.userId === me?.id;
                const lastManager = m.role === 'manager' && managerCount <= 1;
                return (
                  <li
                    key={m.id}
                    className="grid gap-2 px-4 py-3 sm:px-5 md:grid-cols-[minmax(0,2fr)_minmax(0,1.5fr)_minmax(0,1.6fr)_auto] md:items-center md:gap-4"
                  >
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-x-2">
                        <span className="font-medium text-ink">{m.name}</span>
                        {isMe ? <span className="text-xs text-muted">{t('you')}</span> : null}
                        {m.disabled ? <Badge tone="bad">{t('disabled')}</Badge> : null}
                        {m.emailVerified ? null : (
                          <span title={t('unverifiedHint')}>
                            <Badge tone={unverifiedLook.tone} icon={unverifiedLook.icon}>
                              {t('unverified')}
                            </Badge>
                            <span className="sr-only">{t('unverifiedHint')}</span>
                          </span>
                        )}
                      </p>
                      <p className="truncate text-sm text-ink-soft">{m.email}</p>
                    </div>
                    <p className="text-sm text-ink-soft">
                      <span className="sr-only">{t('organisation')}: </span>
                      {m.organisationNameEn ? (
                        localized(locale, m.organisationNameEn, m.organisationNameZh)
                      ) : (
                        <span className="text-muted">{t('noOrganisation')}</span>
                      )}
                      <span className="block text-xs text-muted">
                        {t('joined', { date: format.dateTime(m.joinedAt, { dateStyle: 'medium' }) })}
                      </span>
                    </p>
                    <div>
                      {canManage ? (
                        <RoleEditor
                          labId={lab.id}
                          membershipId={m.id}
                          version={m.version}
                          role={m.role}
                          name={m.name}
                          lastManager={lastManager}
                        />
                      ) : (
                        <Badge tone={m.role === 'manager' ? 'brand' : 'neutral'}>{te(`labRole.${m.role}`)}</Badge>
                      )}
                    </div>
                    <div className="flex flex-wrap gap-2 md:justify-end">
                      {isMe ? (
                        <LeaveButton labId={lab.id} labName={localized(locale, lab.nameEn, lab.nameZh)} lastManager={lastManager} />
                      ) : null}
                      {canManage && !isMe ? (
                        <RemoveMemberButton
                          labId={lab.id}
                          membershipId={m.id}
                          version={m.version}
                          name={m.name}
                          lastManager={lastManager}
                        />
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>

        {canManage ? (
          <>
            <Card>
              <CardHeader title={t('invite.title')} description={t('invite.intro')} />
              <div className="p-5">
                <InviteForm
                  labId={lab.id}
                  partners={partners.map((p) => ({ value: p.organisationId, label: localized(locale, p.nameEn, p.nameZh) }))}
                />
              </div>
            </Card>
            <Card>
              <CardHeader id="invitations-heading" title={t('invitations.title', { count: invitations.length })} />
              {invitations.length === 0 ? (
                <div className="p-5">
                  <EmptyState icon={<MailPlus aria-hidden className="size-8" />}>{t('invitations.empty')}</EmptyState>
                </div>
              ) : (
                <ul className="divide-y divide-line" aria-labelledby="invitations-heading">
                  {invitations.map((inv) => {
                    const look = invitationStateLook[inv.state];
                    return (
                      <li key={inv.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-5">
                        <div className="min-w-0">
                          <p className="flex flex-wrap items-center gap-2">
                            <span className="truncate font-medium text-ink">{inv.email}</span>
                            <Badge tone={look.tone} icon={look.icon}>
                              {t(`invitations.state.${inv.state}`)}
                            </Badge>
                            <Badge>{te(`labRole.${inv.role}`)}</Badge>
                          </p>
                          <p className="text-xs text-muted">
                            {[
                              inv.organisationNameEn ? localized(locale, inv.organisationNameEn, inv.organisationNameZh) : null,
                              inv.invitedBy ? t('invitations.invitedBy', { name: inv.invitedBy }) : null,
                              inv.state === 'pending'
                                ? t('invitations.expires', {
                                    date: format.dateTime(inv.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
                                  })
                                : t('invitations.expired', { date: format.dateTime(inv.expiresAt, { dateStyle: 'medium' }) }),
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </p>
                        </div>
                        <RevokeInvitationButton labId={lab.id} invitationId={inv.id} email={inv.email} expired={inv.state === 'expired'} />
                      </li>
                    );
                  })}
                </ul>
              )}
            </Card>
          </>
        ) : null}
      </div>
    </ClientMessages>
  );
}
