import { beforeEach, describe, expect, it, vi } from 'vitest';

// Inside a Next.js request revalidatePath records the path; outside one it throws as Next.js does.
const revalidated: string[] = [];
let insideNext = true;
vi.mock('next/cache', () => ({
  revalidatePath: (path: string) => {
    if (!insideNext) throw new Error('Invariant: static generation store missing in revalidatePath /x');
    revalidated.push(path);
  },
}));

const { publicLabChanged, setPublicRevalidator } = await import('../../server/services/public-cache');
const { POST } = await import('../../app/api/internal/revalidate/route');
const { REVALIDATE_TOKEN_ENV, REVALIDATE_TOKEN_HEADER } = await import('../../server/http/revalidate');

const LAB_PATHS = [
  '/en/labs',
  '/zh-CN/labs',
  '/en/labs/green-auto-steel',
  '/zh-CN/labs/green-auto-steel',
  '/en/labs/green-auto-steel/feed.xml',
  '/zh-CN/labs/green-auto-steel/feed.xml',
  '/en/labs/green-auto-steel/calendar.ics',
  '/zh-CN/labs/green-auto-steel/calendar.ics',
  '/en/labs/green-auto-steel/share.png',
  '/zh-CN/labs/green-auto-steel/share.png',
  '/en/labs/feed.xml',
  '/zh-CN/labs/feed.xml',
  '/sitemap.xml',
].sort();

describe('publicLabChanged', () => {
  beforeEach(() => {
    revalidated.length = 0;
    insideNext = true;
    setPublicRevalidator(undefined);
  });

  it('rebuilds every public URL that shows the lab: directory, fact sheet, feeds, calendar, share card and sitemap, in both languages', () => {
    publicLabChanged('green-auto-steel');
    expect(revalidated.sort()).toEqual(LAB_PATHS);
  });

  it('outside a Next.js request hands the same paths to the registered revalidator, or drops them when there is none', () => {
    insideNext = false;
    expect(() => publicLabChanged('green-auto-steel')).not.toThrow();
    const handed: string[][] = [];
    setPublicRevalidator((paths) => handed.push(paths));
    publicLabChanged('green-auto-steel');
    expect(handed.map((p) => [...p].sort())).toEqual([LAB_PATHS]);
    expect(revalidated).toEqual([]);
  });
});

describe('the internal revalidation route', () => {
  const TOKEN = 'a'.repeat(43);
  const post = (headers: Record<string, string>, body: unknown) =>
    POST(
      new Request('http://localhost/api/internal/revalidate', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );

  beforeEach(() => {
    revalidated.length = 0;
    insideNext = true;
    process.env[REVALIDATE_TOKEN_ENV] = TOKEN;
  });

  it('does not exist for a request without the token of this process, or when no token was made', async () => {
    expect((await post({}, { paths: ['/en/labs'] })).status).toBe(404);
    expect((await post({ [REVALIDATE_TOKEN_HEADER]: 'b'.repeat(43) }, { paths: ['/en/labs'] })).status).toBe(404);
    expect((await post({ [REVALIDATE_TOKEN_HEADER]: 'short' }, { paths: ['/en/labs'] })).status).toBe(404);
    // As long as the token in characters, longer in bytes (issue 15, finding 12): a 404, not a 500.
    expect((await post({ [REVALIDATE_TOKEN_HEADER]: 'é'.repeat(43) }, { paths: ['/en/labs'] })).status).toBe(404);
    delete process.env[REVALIDATE_TOKEN_ENV];
    expect((await post({ [REVALIDATE_TOKEN_HEADER]: TOKEN }, { paths: ['/en/labs'] })).status).toBe(404);
    expect(revalidated).toEqual([]);
  });

  it('refuses anything but a list of site paths, and marks the paths it is given', async () => {
    for (const body of [{ paths: ['https://evil.example/'] }, { paths: ['//evil.example'] }, { paths: [1] }, {}, null]) {
      const res = await post({ [REVALIDATE_TOKEN_HEADER]: TOKEN }, body);
      expect(res.status, JSON.stringify(body)).toBe(body && 'paths' in body ? 400 : 204);
    }
    expect(revalidated).toEqual([]);
    expect((await post({ [REVALIDATE_TOKEN_HEADER]: TOKEN }, { paths: ['/en/labs', '/sitemap.xml'] })).status).toBe(204);
    expect(revalidated).toEqual(['/en/labs', '/sitemap.xml']);
  });
});
