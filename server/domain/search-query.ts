// Turns what a visitor typed into the directory search into terms the database can use.
// The index uses SQLite's trigram tokenizer (Chinese has no spaces between words, so a
// word-based tokenizer cannot find 显示 inside 新型显示技术). A trigram index can only match
// terms of three or more characters; shorter terms (OLED's 钢, 显示, "5G") are matched with
// LIKE over the same indexed text instead.

export const MAX_QUERY_LENGTH = 100;
const MAX_TERMS = 8;

export type SearchTerms = {
  /** Terms of three or more characters, as FTS5 phrases. */
  indexed: string[];
  /** Terms of one or two characters, for a substring match. */
  short: string[];
};

/** Characters, not UTF-16 units: 钢 is one character, and so is an emoji. */
function characterCount(term: string): number {
  return [...term].length;
}

/**
 * Splits a query on white space (and full-width spaces), drops duplicates, keeps at most eight terms.
 * Control characters split too: FTS5 takes NUL for the end of its query (the schemas refuse them first).
 */
export function searchTerms(query: string): SearchTerms {
  const terms = [
    ...new Set(
      query
        .normalize('NFKC')
        .split(/[\s\u3000\p{Cc}]+/u)
        .map((t) => t.replace(/^["'“”‘’]+|["'“”‘’]+$/gu, ''))
        .filter((t) => t.length > 0),
    ),
  ].slice(0, MAX_TERMS);
  return {
    indexed: terms.filter((t) => characterCount(t) >= 3),
    short: terms.filter((t) => characterCount(t) < 3),
  };
}

/** An FTS5 MATCH expression that needs every term: each term quoted as a phrase, so no operator syntax leaks in. */
export function ftsMatchExpression(terms: string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}

/** A LIKE pattern that matches the term anywhere, with the wildcard characters escaped (ESCAPE '\'). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
