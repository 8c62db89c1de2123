import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { routing } from './app/_i18n/routing';

const localeRouting = createMiddleware(routing);

/** The request header that tells server components which path was asked for (for sign-in redirects). */
export const REQUEST_PATH_HEADER = 'x-request-path';

// Locale routing only: every page lives under /en or /zh-CN, and a bare path is sent to the
// visitor's remembered or preferred language. Access rules are never decided here.
export default function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return localeRouting(new NextRequest(request.url, { headers }));
}

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
