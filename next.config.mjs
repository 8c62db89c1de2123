import createNextIntlPlugin from 'next-intl/plugin';
import path from 'node:path';
import { ALL_BUT_DOCUMENTS, hsts, policyHeader, securityHeaders } from './server/http/security-headers.mjs';

const withNextIntl = createNextIntlPlugin('./app/_i18n/request.ts');

const dev = process.env.NODE_ENV === 'development';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next.js would hash every cached page's whole body (in JavaScript) on every request to make an
  // ETag: a third of the CPU time of serving a cached fact sheet (issue 9, docs/decisions/014).
  generateEtags: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  // Cached public pages say `s-maxage=300, stale-while-revalidate=60`: a cache in front (a CDN) may
  // serve a page a minute past its five, not a year (the default), so an unpublished page does not
  // linger there even when nobody purges it (README, "A CDN in front").
  expireTime: 360,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders() },
      // The public documents send their own policy, which allows no script (decision 019).
      { source: ALL_BUT_DOCUMENTS, headers: [policyHeader(dev)] },
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [hsts] },
    ];
  },
  // Cached public pages and feeds live in the shared page cache (a SQLite file beside the
  // database), so every server process serves the same answers and a change refreshes them for all;
  // Next.js keeps no copy of its own in memory (decision 020). Compiled by `npm run build`.
  cacheHandler: path.resolve(import.meta.dirname, 'dist', 'cache-handler.cjs'),
  cacheMaxMemorySize: 0,
};

export default withNextIntl(nextConfig);
