// The response headers every answer carries, whether Next.js or the tRPC handler of the app's own
// server (server/http/serve.ts) sends it. Plain JavaScript so next.config.mjs can import it.

/**
 * One static policy for every response, so public pages stay cacheable (a per-request nonce would
 * make every page dynamic). No 'unsafe-eval' outside the dev server; see docs/decisions/008.
 * @param {boolean} dev
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders(dev) {
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
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

/** HTTPS is terminated by the reverse proxy in front of the app; it says so in X-Forwarded-Proto. */
export const hsts = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };
