import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  typedRoutes: false,
  experimental: {
    // Cached public pages live in memory only, so a restart (or a database restored or changed
    // while the server was down) never serves pages rendered from other data (decision 008).
    isrFlushToDisk: false,
  },
};

export default withNextIntl(nextConfig);
