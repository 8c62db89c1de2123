import { describe, expect, it } from 'vitest';
import { authOptions } from '@/server/auth';
import { sameOriginPath } from '@/server/domain/redirect-target';

// After signing in, the browser goes to `callbackUrl` only when it is a page of this site.

const ORIGIN = 'https://tracker.example.org';

/** What a URL parser (and so the browser) makes of a string it is sent to: tabs and line breaks dropped, `\` read as `/`. */
const ELSEWHERE = [
  '/\t/evil.example/',
  '/\n/evil.example/',
  '/\r\n/evil.example',
  '\t//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '//evil.example',
  '///evil.example',
  'https://evil.example/en/workspace',
  'http://tracker.example.org/en/workspace',
  'https://tracker.example.org.evil.example/',
  'https://tracker.example.org@evil.example/',
  'javascript:alert(1)',
  'data:text/html,hi',
];

describe('sameOriginPath', () => {
  it('refuses every way of naming another host or scheme, however it looks as text', () => {
    for (const value of ELSEWHERE) expect(sameOriginPath(value, ORIGIN), JSON.stringify(value)).toBeNull();
  });

  it('keeps paths of this site with their query and fragment, also when given as a full URL', () => {
    expect(sameOriginPath('/en/workspace/labs/x?tab=goals#g1', ORIGIN)).toBe('/en/workspace/labs/x?tab=goals#g1');
    expect(sameOriginPath('https://tracker.example.org/zh-CN/account', ORIGIN)).toBe('/zh-CN/account');
    expect(sameOriginPath('en/labs', ORIGIN)).toBe('/en/labs');
  });

  it('never gives back a path that starts with two slashes, which a browser would take for a host', () => {
    expect(sameOriginPath('/.//evil.example/x', ORIGIN)).toBe('/evil.example/x');
    expect(sameOriginPath('https://tracker.example.org//evil.example', ORIGIN)).toBe('/evil.example');
  });

  it('gives nothing for nothing, and for an origin that is not one', () => {
    expect(sameOriginPath(null, ORIGIN)).toBeNull();
    expect(sameOriginPath('', ORIGIN)).toBeNull();
    expect(sameOriginPath('/en/labs', 'not an origin')).toBeNull();
  });
});

describe('next-auth’s redirect callback', () => {
  const redirect = (url: string) => authOptions().callbacks!.redirect!({ url, baseUrl: ORIGIN });

  it('sends the browser to the site itself for any other host', async () => {
    for (const value of ELSEWHERE) expect(await redirect(value), JSON.stringify(value)).toBe(ORIGIN);
  });

  it('keeps a page of the site', async () => {
    expect(await redirect('/en/labs?q=oled')).toBe(`${ORIGIN}/en/labs?q=oled`);
    expect(await redirect(`${ORIGIN}/zh-CN/workspace`)).toBe(`${ORIGIN}/zh-CN/workspace`);
  });
});
