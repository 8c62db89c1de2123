import type { DbOrTx } from '@/db/client';
import { renderAtom, type AtomEntry } from '../domain/atom';
import { parseIsoDate } from '../domain/dates';
import type { Locale, MilestoneStatus } from '@/common/enums';
import { renderCalendar, type CalendarEvent } from '../domain/icalendar';
import { markdownToText, renderMarkdown } from '../domain/markdown';
import { translate } from '../i18n';
import { absoluteUrl, publicOrigin, publicPaths } from '../public-url';
import { getPublicLabCalendar, getPublicLabNews, listPublicNews, type NewsItem } from './public-feeds';
import { localizedName } from '../domain/names';

// The feeds and calendars as documents, in the reader's language. The route handlers only send
// them; building them here keeps them testable with real parsers and without a server.

const TITLE_LENGTH = 100;

function formatDay(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parseIsoDate(iso));
}

function excerpt(text: string, max = TITLE_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Permanent entry ids: tag URIs on the site's host name, the same in every language. */
function tagId(specific: string): string {
  return `tag:${new URL(publicOrigin()).hostname},2024:${specific}`;
}

function newsEntry(locale: Locale, item: NewsItem, withLabName: boolean): AtomEntry {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `publicLab.feeds.${key}`, params);
  const labName = localizedName(locale, item.lab.nameEn, item.lab.nameZh);
  const page = absoluteUrl(publicPaths.factSheet(locale, item.lab.slug));
  const prefixed = (title: string) => (withLabName ? t('newsEntryTitle', { lab: item.lab.acronymEn ?? labName, title }) : title);
  if (item.kind === 'update') {
    const text = markdownToText(item.body);
    return {
      id: tagId(`update/${item.id}`),
      title: prefixed(excerpt(text)),
      updated: item.at,
      published: item.at,
      link: `${page}#update-${item.id}`,
      contentHtml: renderMarkdown(item.body),
      categories: [{ term: item.health, label: translate(locale, `enums.health.${item.health}`) }],
    };
  }
  return {
    id: tagId(`milestone/${item.id}/completed`),
    title: prefixed(t('completedTitle', { title: item.title })),
    updated: item.at,
    published: item.at,
    link: `${page}#milestones`,
    summary: t('completedSummary', { title: item.title, date: formatDay(locale, item.finishedOn) }),
    categories: [{ term: 'milestone_completed', label: translate(locale, 'enums.milestoneStatus.done') }],
  };
}

const GENERATOR = 'Consortium Tracker';

/** The Atom feed of one public lab; NOT_FOUND (thrown) for a private or missing lab. */
export function labAtomFeed(db: DbOrTx, locale: Locale, slug: string): string {
  const { lab, items } = getPublicLabNews(db, slug);
  const labName = localizedName(locale, lab.nameEn, lab.nameZh);
  const page = absoluteUrl(publicPaths.factSheet(locale, lab.slug));
  return renderAtom({
    id: tagId(`lab/${lab.slug}/news/${locale}`),
    title: translate(locale, 'publicLab.feeds.labTitle', { name: labName }),
    subtitle: translate(locale, 'publicLab.feeds.labSubtitle', { name: labName }),
    lang: locale,
    updated: items[0] && items[0].at > lab.updatedAt ? items[0].at : lab.updatedAt,
    selfUrl: absoluteUrl(publicPaths.labFeed(locale, lab.slug)),
    alternateUrl: page,
    author: { name: labName, uri: page },
    generator: GENERATOR,
    entries: items.map((item) => newsEntry(locale, item, false)),
  });
}

/** The Atom feed of every public lab's news together. */
export function newsAtomFeed(db: DbOrTx, locale: Locale, now = new Date()): string {
  const items = listPublicNews(db);
  const directory = absoluteUrl(publicPaths.directory(locale));
  return renderAtom({
    id: tagId(`news/${locale}`),
    title: translate(locale, 'publicLab.feeds.newsTitle'),
    subtitle: translate(locale, 'publicLab.feeds.newsSubtitle'),
    lang: locale,
    updated: items[0]?.at ?? now,
    selfUrl: absoluteUrl(publicPaths.newsFeed(locale)),
    alternateUrl: directory,
    author: { name: translate(locale, 'meta.title'), uri: directory },
    generator: GENERATOR,
    entries: items.map((item) => newsEntry(locale, item, true)),
  });
}

const EVENT_STATUS: Record<MilestoneStatus, CalendarEvent['status']> = {
  not_started: 'TENTATIVE',
  in_progress: 'CONFIRMED',
  at_risk: 'CONFIRMED',
  done: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/** The ICS calendar of a public lab's public milestones; NOT_FOUND (thrown) for a private or missing lab. */
export function labCalendar(db: DbOrTx, locale: Locale, slug: string, now = new Date()): string {
  const { lab, milestones } = getPublicLabCalendar(db, slug);
  const labName = localizedName(locale, lab.nameEn, lab.nameZh);
  const page = absoluteUrl(publicPaths.factSheet(locale, lab.slug));
  const host = new URL(publicOrigin()).hostname;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `publicLab.feeds.${key}`, params);
  const percent = (n: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(n / 100);
  return renderCalendar({
    prodId: '-//Consortium Tracker//Public milestones//EN',
    name: t('calendarName', { name: labName }),
    description: t('calendarDescription', { name: labName }),
    url: page,
    stamp: now,
    events: milestones.map((m) => {
      // Finished work shows when it really happened; open work shows the current forecast.
      const start = m.actualStart ?? m.forecastStart;
      const finish = m.actualFinish ?? m.forecastFinish;
      const phase = translate(locale, `enums.stage.${m.phase}`);
      return {
        uid: `milestone-${m.id}@${host}`,
        start,
        end: finish < start ? start : finish,
        summary: m.title,
        description: [
          m.description,
          t('eventStatus', { status: translate(locale, `enums.milestoneStatus.${m.status}`), percent: percent(m.percentComplete) }),
          t('eventPhase', { phase }),
          m.ownerNameEn ? t('eventOwner', { owner: localizedName(locale, m.ownerNameEn, m.ownerNameZh) }) : '',
          t('eventLink', { name: labName, url: page }),
        ]
          .filter(Boolean)
          .join('\n'),
        url: `${page}#milestones`,
        status: EVENT_STATUS[m.status],
        categories: [phase],
        lastModified: m.updatedAt,
      };
    }),
  });
}
