import { describe, expect, it } from 'vitest';
import { ftsMatchExpression, likePattern, searchTerms } from '@/server/domain/search-query';

describe('searchTerms', () => {
  it('sends terms of three or more characters to the trigram index and shorter ones to a substring match', () => {
    expect(searchTerms('OLED 钢 显示 显示技术 5G')).toEqual({ indexed: ['OLED', '显示技术'], short: ['钢', '显示', '5G'] });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(searchTerms('𠮷野').short).toEqual(['𠮷野']);
  });

  it('splits on full-width spaces, folds full-width letters and drops quotes and duplicates', () => {
    expect(searchTerms('ＯＬＥＤ\u3000"display"  OLED')).toEqual({ indexed: ['OLED', 'display'], short: [] });
  });

  it('returns nothing for blank input and keeps at most eight terms', () => {
    expect(searchTerms('   ')).toEqual({ indexed: [], short: [] });
    expect(searchTerms('aaa bbb ccc ddd eee fff ggg hhh iii jjj').indexed).toHaveLength(8);
  });
});

describe('ftsMatchExpression', () => {
  it('quotes every term as a phrase so FTS5 operators and quotes are plain text', () => {
    expect(ftsMatchExpression(['OLED', 'a"b', 'NEAR(x', 'OR'])).toBe('"OLED" AND "a""b" AND "NEAR(x" AND "OR"');
  });
});

describe('likePattern', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
