import createMiddleware from 'next-intl/middleware';
import { routing } from './app/_i18n/routing';

// Locale routing only: every page lives under /en or /zh-CN, and a bare path is sent to the
// visitor's remembered or preferred language. Access rules are never decided here.
export default createMiddleware(routing);

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
