import { afterEach, describe, expect, it, vi } from 'vitest';

// Cookies are marked Secure (and take the __Secure- prefix) when the app is served over HTTPS,
// which the configured public URL says.

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function authWith(url: string | undefined) {
  vi.resetModules();
  if (url) vi.stubEnv('NEXTAUTH_URL', url);
  return import('@/server/auth');
}

describe('session cookies', () => {
  it('are Secure under an https public URL', async () => {
    const auth = await authWith('https://tracker.example.org');
    expect(auth.authOptions().useSecureCookies).toBe(true);
    expect(auth.sessionCookieName()).toBe('__Secure-next-auth.session-token');
  });

  it('are plain on http (local use), still HttpOnly and SameSite=Lax by next-auth’s defaults', async () => {
    const auth = await authWith(undefined);
    expect(auth.authOptions().useSecureCookies).toBe(false);
    expect(auth.sessionCookieName()).toBe('next-auth.session-token');
  });
});
