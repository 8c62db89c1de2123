import type { MetadataRoute } from 'next';
import { LOCALES } from '../common/enums';
import { absoluteUrl, publicPaths } from '../server/public-url';

// Per request, so the sitemap's address follows the configured public URL (NEXTAUTH_URL) at run time.
export const dynamic = 'force-dynamic';

/** Public pages are open to crawlers; the workspace, sign-in and the API are not for them. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/api/', ...LOCALES.flatMap((l) => [`/${l}/workspace`, `/${l}/signin`, `/${l}/signout`])],
    },
    sitemap: absoluteUrl(publicPaths.sitemap()),
  };
}
