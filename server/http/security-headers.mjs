// The response headers every answer carries (next.config.mjs applies them; proxy.ts and the public
// documents set their own script policy). Plain JavaScript so next.config.mjs can import it.

/**
 * The Content-Security-Policy. `scripts` says which scripts a response may run:
 * - `{ nonce }` for pages rendered per request (the workspace, the account forms): only the
 *   framework's scripts, which Next.js tags with the nonce proxy.ts made for this request;
 * - `'none'` for the public documents, which carry no script at all (decision 016);
 * - `'self'` for everything else (assets, downloads, feeds, API answers), which run no inline script.
 * No 'unsafe-inline' scripts anywhere, no 'unsafe-eval' outside the dev server; docs/decisions/008.
 * @param {{ dev: boolean, scripts: { nonce: string } | 'none' | 'self' }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ dev, scripts }) {
  const scriptSrc =
    scripts === 'none'
      ? "'none'"
      : scripts === 'self'
        ? "'self'"
        : `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`;
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
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
}

/**
 * The headers every response carries, but for the script policy (policyHeader).
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders() {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

/**
 * The policy of the responses that run no inline script (assets, downloads, feeds, API answers);
 * pages rendered per request replace it with their nonce (proxy.ts).
 * @param {boolean} dev
 * @returns {{ key: string, value: string }}
 */
export function policyHeader(dev) {
  return { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev, scripts: 'self' }) };
}

/**
 * A next.config `source` for every path but the public documents' (the directory, a fact sheet and
 * the search: `/{locale}/labs`, `/{locale}/labs/{slug}`, `/{locale}/search`). Those are route
 * handlers that send their own policy, `script-src 'none'` (server/documents/respond.ts), and
 * Next.js would send a header named in next.config in place of the one a route handler sets.
 * The locales are those of common/enums.ts.
 */
export const ALL_BUT_DOCUMENTS = '/:path((?!(?:en|zh-CN)/(?:labs(?:/[^/.]+)?|search)$).*)';

/** HTTPS is terminated by the reverse proxy in front of the app; it says so in X-Forwarded-Proto. */
export const hsts = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };
