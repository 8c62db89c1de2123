import { beforeEach, describe, expect, it, vi } from 'vitest';

const revalidated: string[] = [];
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const { publicLabChanged } = await import('../../server/services/public-cache');

describe('publicLabChanged', () => {
  beforeEach(() => {
    revalidated.length = 0;
  });

  it('rebuilds every public URL that shows the lab: directory, fact sheet, feeds, calendar and sitemap, in both languages', () => {
    publicLabChanged('green-auto-steel');
    expect(revalidated.sort()).toEqual(
      [
        '/en/labs',
        '/zh-CN/labs',
        '/en/labs/green-auto-steel',
        '/zh-CN/labs/green-auto-steel',
        '/en/labs/green-auto-steel/feed.xml',
        '/zh-CN/labs/green-auto-steel/feed.xml',
        '/en/labs/green-auto-steel/calendar.ics',
        '/zh-CN/labs/green-auto-steel/calendar.ics',
        '/en/labs/feed.xml',
        '/zh-CN/labs/feed.xml',
        '/sitemap.xml',
      ].sort(),
    );
  });
});
