import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { routing } from './app/_i18n/routing';
import { isPublicPath } from './server/http/public-paths';
import { contentSecurityPolicy } from './server/http/security-headers.mjs';

/** The request header that tells server components which path was asked for (for sign-in redirects). */
export const REQUEST_PATH_HEADER = 'x-request-path';

const dev = process.env.NODE_ENV === 'development';
const localeRouting = createMiddleware(routing);
// Public pages are one cached answer for everyone (and for a CDN in front): they set no cookie.
// The language they show is in their path; the remembered choice is kept by the other pages.
const publicLocaleRouting = createMiddleware({ ...routing, localeCookie: false });

function nonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
}

/**
 * A form posted to a page (the progress and update forms without JavaScript, decision 022) that is
 * not readable multipart: Next.js would answer it with a 500 while decoding it for the server
 * action. Next.js buffers a request's body for the proxy, so reading a clone here leaves the body
 * for the page.
 */
async function unreadableForm(request: NextRequest): Promise<boolean> {
  if (request.method !== 'POST' || !/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) return false;
  return request
    .clone()
    .formData()
    .then(
      () => false,
      () => true,
    );
}

// Locale routing, and the per-request script nonce of the pages rendered per request. Access rules
// are never decided here.
export default async function proxy(request: NextRequest) {
  if (await unreadableForm(request))
    return new Response('This form could not be read. Send it again from its page.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  const path = request.nextUrl.pathname;
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, path + request.nextUrl.search);
  if (isPublicPath(path)) return publicLocaleRouting(new NextRequest(request.url, { headers }));

  // Next.js reads the nonce from the policy in the request and puts it on every script it renders.
  const policy = contentSecurityPolicy({ dev, scripts: { nonce: nonce() } });
  headers.set('content-security-policy', policy);
  const response = localeRouting(new NextRequest(request.url, { headers }));
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
