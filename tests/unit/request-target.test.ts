import { describe, expect, it } from 'vitest';
import { hasDecodablePath } from '../../server/http/request-target';

describe('request targets the app refuses before Next.js sees them', () => {
  it('are paths whose percent-escapes are not UTF-8', () => {
    for (const target of ['/en/labs/%FF%FE', '/en/%C0%AF', '/_next/%FF', '/en/labs/%E0%A4%A', '/%'])
      expect(hasDecodablePath(target), target).toBe(false);
  });

  it('are not paths that decode, nor malformed escapes in the query, which pages read leniently', () => {
    for (const target of ['/en/labs', '/en/labs/new-display-lab', '/zh-CN/labs/%E6%98%BE', '/en/search?q=%FF', '/en/labs?x=%', '/en/labs/a%00b'])
      expect(hasDecodablePath(target), target).toBe(true);
  });
});
