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
 * The headers every response carries; its policy is the one for responses that run no inline
 * script (pages get theirs from proxy.ts, public documents from documents.ts).
 * @param {boolean} dev
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders(dev) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev, scripts: 'self' }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

/** HTTPS is terminated by the reverse proxy in front of the app; it says so in X-Forwarded-Proto. */
export const hsts = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };
