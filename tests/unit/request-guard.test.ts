import { afterEach, describe, expect, it } from 'vitest';
import { guardMutation, guardPagePost } from '@/server/http/request-guard';

const post = (headers: Record<string, string>, url = 'http://tracker.local:3000/api/trpc/me.setLocale') =>
  new Request(url, { method: 'POST', headers: { host: new URL(url).host, ...headers }, body: '{}' });

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
  delete process.env.AUTH_TRUST_HOST;
});

describe('guardMutation', () => {
  it('lets reads through', () => {
    expect(guardMutation(new Request('http://tracker.local/api/trpc/lab.mine'))).toEqual({ ok: true });
  });

  it('accepts a same-origin JSON POST', () => {
    expect(guardMutation(post({ 'content-type': 'application/json', origin: 'http://tracker.local:3000' }))).toEqual({ ok: true });
  });

  it('refuses a cross-site POST', () => {
    expect(guardMutation(post({ 'content-type': 'application/json', origin: 'https://evil.example' }))).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses a POST without Origin, or with a form body', () => {
    expect(guardMutation(post({ 'content-type': 'application/json' }))).toMatchObject({ ok: false, status: 403 });
    expect(guardMutation(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://tracker.local:3000' }))).toMatchObject(
      {
        ok: false,
        status: 415,
      },
    );
    expect(guardMutation(post({ 'content-type': 'text/plain', origin: 'http://tracker.local:3000' }))).toMatchObject({
      ok: false,
      status: 415,
    });
  });

  it('accepts the configured public origin behind a proxy', () => {
    process.env.NEXTAUTH_URL = 'https://tracker.example.org';
    expect(
      guardMutation(
        post({ 'content-type': 'application/json', origin: 'https://tracker.example.org' }, 'http://127.0.0.1:3000/api/trpc/x'),
      ),
    ).toEqual({
      ok: true,
    });
  });

  it('trusts X-Forwarded-Host only when told to', () => {
    const req = () =>
      post(
        { 'content-type': 'application/json', origin: 'https://public.example', 'x-forwarded-host': 'public.example' },
        'http://127.0.0.1:3000/api/trpc/x',
      );
    expect(guardMutation(req())).toMatchObject({ ok: false });
    process.env.AUTH_TRUST_HOST = 'true';
    expect(guardMutation(req())).toEqual({ ok: true });
  });
});

describe('guardPagePost (a form’s server action)', () => {
  const page = 'http://tracker.local:3000/en/workspace/labs/x/timeline';
  it('accepts a form posted from a page of this site, with a form body', () => {
    expect(guardPagePost(post({ 'content-type': 'multipart/form-data; boundary=x', origin: 'http://tracker.local:3000' }, page))).toEqual({
      ok: true,
    });
  });
  it('refuses one from another site or without Origin with a 403', () => {
    expect(guardPagePost(post({ 'content-type': 'multipart/form-data; boundary=x', origin: 'https://evil.example' }, page))).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(guardPagePost(post({ 'content-type': 'multipart/form-data; boundary=x' }, page))).toMatchObject({ ok: false, status: 403 });
  });
});
