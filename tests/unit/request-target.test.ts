import { describe, expect, it } from 'vitest';
import { hasDecodablePath, isReadOfPublicPage } from '@/server/http/request-target';

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

describe('requests the app refuses before they reach a cached public page', () => {
  it('are every method but GET and HEAD on the public pages, and nothing elsewhere', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])
      for (const target of ['/en/labs', '/zh-CN/labs/new-display-lab', '/en/labs/x/feed.xml', '/en/search?q=a'])
        expect(isReadOfPublicPage(method, target), `${method} ${target}`).toBe(false);
    for (const target of ['/en/labs', '/zh-CN/labs/new-display-lab/share.png']) {
      expect(isReadOfPublicPage('GET', target)).toBe(true);
      expect(isReadOfPublicPage('HEAD', target)).toBe(true);
    }
    for (const target of ['/api/trpc/update.post', '/api/auth/callback/credentials', '/en/workspace', '/en/signin'])
      expect(isReadOfPublicPage('POST', target), target).toBe(true);
  });
});
