import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '@/app/_documents/renderer';
import { users } from '@/db/schema';
import { directoryAnswer, factSheetAnswer, type DocumentAnswer } from '@/server/documents/answers';
import { calendarForToken } from '@/server/services/calendar-tokens';
import { goalsCsv, measurementsCsv } from '@/server/services/goal-portfolio';
import { exportMilestonesCsv } from '@/server/services/milestone-export';
import { labAtomFeed, labCalendar, newsAtomFeed } from '@/server/services/public-documents';
import { callerAs, freshDb, labIdOf, sessionUser } from '../helpers/db';
import { notFoundResponse } from '@/app/_lib/public-route';
import { labelled } from '@/app/_lib/punctuation';

// Issue 24: a zh-CN walk of every CSV a person downloads (the audit log's is issue 23's), every
// share image's alt text and every feed finds no English words of the interface. What a person
// typed (a milestone with only an English title, an English comment) is theirs and stays; the test
// takes every text of the database out first, then looks for Latin words in what is left.

type DB = Awaited<ReturnType<typeof freshDb>>;

/** Every text value stored in the database: user data, which may be English. */
function storedTexts(db: DB): string[] {
  const tables = db.$client
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`)
    .all() as { name: string }[];
  const texts = new Set<string>();
  for (const { name } of tables) {
    for (const row of db.$client.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]) {
      for (const value of Object.values(row)) if (typeof value === 'string' && /[A-Za-z]{2}/.test(value)) texts.add(value);
    }
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

/**
 * Latin words left in `text` once user data, addresses, dates and the format's own syntax are out.
 * CO₂ and the like are written with their chemical symbols in Chinese too.
 */
function englishWords(text: string, data: string[], syntax: RegExp[] = []): string[] {
  // (Folded iCalendar lines are joined first: a fold may fall inside a word.)
  let rest = text.replace(/\r?\n[ \t]/g, '');
  for (const pattern of syntax) rest = rest.replace(pattern, ' ');
  // Quoted CSV fields, XML and iCalendar escape a few characters; compare the plain text.
  rest = rest
    .replace(/""/g, '"')
    .replace(/&lt;[^&]*&gt;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\\([,;\\])/g, '$1')
    .replace(/\\n/gi, '\n');
  rest = rest.replace(/https?:\/\/[^\s<"]+|[\w.+-]+@[\w.-]+|\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/g, ' ');
  for (const value of data) rest = rest.split(value).join(' ');
  return [...new Set(rest.match(/[A-Za-z][A-Za-z'’-]{2,}/g) ?? [])].filter((w) => !/^CO[₂2]e?$/.test(w));
}

/** iCalendar's syntax: folded lines, property names and parameters, its own keywords, the product id. */
const ICS = [
  /^PRODID:.*$/gm,
  /^UID:.*$/gm,
  /^[A-Z-]+(;[A-Z-]+=[^:;]+)*:/gm,
  /\b(VCALENDAR|VEVENT|GREGORIAN|PUBLISH|TENTATIVE|CONFIRMED|CANCELLED|TRANSPARENT|DATE|DURATION|PT\d+H)\b/g,
];

const requestOf = (answer: DocumentAnswer) => {
  if ('redirect' in answer) throw new Error(`a redirect to ${answer.redirect}`);
  return answer.request;
};

describe('in Chinese', () => {
  it('the CSV downloads of milestones, goals and measurements have Chinese headers and values', async () => {
    const db = await freshDb();
    const data = storedTexts(db);
    const manager = sessionUser(db, 'manager@demo.local');
    const files = {
      'milestones.csv': exportMilestonesCsv(db, manager, { labId: labIdOf(db, 'new-display-lab'), locale: 'zh-CN' }).text,
      'goals.csv': goalsCsv(db, manager, 'zh-CN'),
      'measurements.csv': measurementsCsv(db, manager, 'zh-CN'),
    };
    for (const [name, text] of Object.entries(files)) {
      expect(text.split('\n').length, name).toBeGreaterThan(2);
      expect(englishWords(text, data), name).toEqual([]);
    }
    // The check finds an English word of the interface among them.
    expect(englishWords(`${files['goals.csv']}\n"On track"`, data)).toEqual(['track']);
  });

  it('goals.csv writes tolerances as people do (0.3, not 0.30000000000000004)', async () => {
    const db = await freshDb();
    const csv = goalsCsv(db, sessionUser(db, 'manager@demo.local'), 'en');
    expect(csv).not.toMatch(/\d\.\d*0000000\d/);
    expect(csv).not.toMatch(/\d\.\d*9999999\d/);
  });

  it('the share images’ alt texts and the public feeds and calendars are Chinese', async () => {
    const db = await freshDb();
    const data = storedTexts(db);
    for (const answer of [
      directoryAnswer(db, 'zh-CN'),
      factSheetAnswer(db, 'zh-CN', 'new-display-lab'),
      factSheetAnswer(db, 'zh-CN', 'green-auto-steel'),
    ]) {
      const html = renderDocument(requestOf(answer), { stylesheet: '/assets/x.css' });
      const alts = [...html.matchAll(/<meta (?:property="og:image:alt"|name="twitter:image:alt") content="([^"]*)"/g)].map((m) => m[1]!);
      expect(alts).toHaveLength(2);
      for (const alt of alts) expect(englishWords(alt, data), alt).toEqual([]);
    }
    // Markup and identifiers (tag: ids, category terms) are the format's; the generator is the product's name.
    // An entry's content is the update's Markdown as HTML and its title the text of its start: the
    // person's words (the feed's own title is checked).
    const xml = [
      /<\?xml[^>]*\?>/g,
      /<content type="html">[^<]*<\/content>/g,
      /(?<=<entry>\s*<id>[^<]*<\/id>\s*)<title type="text">[^<]*<\/title>/g,
      /<id>[^<]*<\/id>/g,
      /<generator>[^<]*<\/generator>/g,
      /<\/?[a-z:]+(\s+[a-z:]+="[^"]*")*\s*\/?>/gi,
    ];
    const outputs = {
      'labs/feed.xml': [newsAtomFeed(db, 'zh-CN'), xml],
      'labs/new-display-lab/feed.xml': [labAtomFeed(db, 'zh-CN', 'new-display-lab'), xml],
      'labs/green-auto-steel/feed.xml': [labAtomFeed(db, 'zh-CN', 'green-auto-steel'), xml],
      'labs/new-display-lab/calendar.ics': [labCalendar(db, 'zh-CN', 'new-display-lab'), ICS],
    } as const;
    for (const [name, [text, syntax]] of Object.entries(outputs)) expect(englishWords(text, data, [...syntax]), name).toEqual([]);
  });

  it('a member’s private milestone calendar is Chinese when their language is', async () => {
    const db = await freshDb();
    db.update(users).set({ locale: 'zh-CN' }).where(eq(users.email, 'member@demo.local')).run();
    const token = (await callerAs(db, 'member@demo.local').calendar.renew({ labId: labIdOf(db, 'new-display-lab') })).path
      .split('/')
      .at(-1)!;
    const data = storedTexts(db);
    const calendar = calendarForToken(db, token, 'http://localhost')!;
    expect(englishWords(calendar.text, data, ICS)).toEqual([]);
  });

  it('the feed, calendar and share image of an unknown lab answer a Chinese 404, and labels take the full-width colon', async () => {
    const answer = notFoundResponse('zh-CN');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-language')).toBe('zh-CN');
    const text = await answer.text();
    expect(text).toContain('页面不存在');
    expect(englishWords(text, [])).toEqual([]);
    expect(await notFoundResponse('en').text()).toContain('Page not found');
    expect(labelled('zh-CN', '涉及', '试产')).toBe('涉及：试产');
    expect(labelled('en', 'About', 'Pilot')).toBe('About: Pilot');
  });
});
