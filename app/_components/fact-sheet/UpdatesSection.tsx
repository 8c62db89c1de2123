import { renderMarkdown } from '@/server/domain/markdown';
import type { PublicFactSheet } from '@/server/services/public-fact-sheet';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { Badge, healthLook } from '../Badge';
import { Section, SectionEmpty } from './Section';

type Update = PublicFactSheet['updates'][number];

// Rendered Markdown gets quiet prose styles here, without a typography plugin.
const prose =
  'text-sm leading-relaxed text-ink [overflow-wrap:anywhere] [&_a]:text-brand [&_a]:underline [&_a]:underline-offset-2 [&_code]:rounded [&_code]:bg-neutral-soft [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_p+p]:mt-2 [&_ul]:list-disc [&_ul]:pl-5 [&_blockquote]:border-l-2 [&_blockquote]:border-line-strong [&_blockquote]:pl-3 [&_blockquote]:text-ink-soft';

/** The lab's public progress updates, newest first; each is an anchor the feeds link to. */
export function UpdatesSection({ updates, i18n }: { updates: Update[]; i18n: I18n }) {
  const { format } = i18n;
  const t = scoped(i18n, 'publicLab');
  const te = scoped(i18n, 'enums');
  return (
    <Section id="updates" title={t('updates')}>
      {updates.length === 0 ? (
        <SectionEmpty>{t('noUpdates')}</SectionEmpty>
      ) : (
        <ol className="divide-y divide-line">
          {updates.map((u) => {
            const look = healthLook[u.health];
            return (
              <li key={u.id} id={`update-${u.id}`} className="break-inside-avoid px-5 py-4">
                <article aria-labelledby={`update-${u.id}-heading`}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <h3 id={`update-${u.id}-heading`} className="text-sm font-medium text-ink">
                      <time dateTime={u.createdAt.toISOString()}>
                        {t('postedOn', { date: format.dateTime(u.createdAt, { dateStyle: 'medium' }) })}
                      </time>
                    </h3>
                    <Badge tone={look.tone} icon={look.icon}>
                      {te(`health.${u.health}`)}
                    </Badge>
                  </div>
                  {/* renderMarkdown escapes raw HTML and keeps only safe links (server/domain/markdown.ts). */}
                  <div className={`mt-2 max-w-3xl ${prose}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(u.body) }} />
                  {u.milestones.length > 0 ? (
                    <p className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                      <span>{t('updateMilestones')}</span>
                      {u.milestones.map((m) => (
                        <span key={m.id} className="rounded-md bg-neutral-soft px-2 py-0.5 text-ink-soft">
                          {m.title}
                        </span>
                      ))}
                    </p>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
