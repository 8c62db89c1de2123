// Writes an Atom 1.0 document (RFC 4287). Everything user-written is escaped, and characters XML
// forbids (most control characters) are dropped, so a feed reader never sees a broken document.

export type AtomPerson = { name: string; uri?: string };

export type AtomEntry = {
  /** A permanent IRI that never changes for this entry. */
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  /** The page that shows the entry (link rel="alternate"). */
  link: string;
  /** Content as HTML (escaped into the document; type="html"). */
  contentHtml?: string;
  summary?: string;
  categories?: { term: string; label?: string }[];
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  lang: string;
  updated: Date;
  selfUrl: string;
  alternateUrl: string;
  author: AtomPerson;
  generator?: string;
  entries: AtomEntry[];
};

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** An RFC 3339 timestamp in UTC, to the second. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function person(tag: string, p: AtomPerson): string {
  return `<${tag}><name>${escapeXml(p.name)}</name>${p.uri ? `<uri>${escapeXml(p.uri)}</uri>` : ''}</${tag}>`;
}

function entryXml(e: AtomEntry): string {
  const lines = [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title type="text">${escapeXml(e.title)}</title>`,
    `    <updated>${rfc3339(e.updated)}</updated>`,
    e.published ? `    <published>${rfc3339(e.published)}</published>` : '',
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    ...(e.categories ?? []).map((c) => `    <category term="${escapeXml(c.term)}"${c.label ? ` label="${escapeXml(c.label)}"` : ''}/>`),
    e.summary ? `    <summary type="text">${escapeXml(e.summary)}</summary>` : '',
    e.contentHtml ? `    <content type="html">${escapeXml(e.contentHtml)}</content>` : '',
    '  </entry>',
  ];
  return lines.filter(Boolean).join('\n');
}

export function renderAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    feed.subtitle ? `  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>` : '',
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  ${person('author', feed.author)}`,
    feed.generator ? `  <generator>${escapeXml(feed.generator)}</generator>` : '',
    ...feed.entries.map(entryXml),
    '</feed>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
