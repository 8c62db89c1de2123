import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_i18n/request.ts');

const dev = process.env.NODE_ENV === 'development';

// One static policy for every response, so public pages stay cacheable (a per-request nonce would
// make every page dynamic). No 'unsafe-eval' outside the dev server; see docs/decisions/008.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const hsts = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next.js would hash every cached page's whole body (in JavaScript) on every request to make an
  // ETag: a third of the CPU time of serving a cached fact sheet (issue 9, docs/decisions/014).
  generateEtags: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // HTTPS is terminated by the reverse proxy in front of `next start`; it says so in X-Forwarded-Proto.
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [hsts] },
    ];
  },
  experimental: {
    // Cached public pages live in memory only, so a restart (or a database restored or changed
    // while the server was down) never serves pages rendered from other data (decision 012).
    isrFlushToDisk: false,
  },
};

export default withNextIntl(nextConfig);
