// Where a browser may be sent after signing in: only somewhere on this site (no open redirects).
// Pure, so the sign-in page, its form in the browser and next-auth's redirect callback share it.

/**
 * `value` as a path of `origin`, or null when it leads anywhere else. The URL parser decides, as the
 * browser will: it drops tabs and line breaks and reads `\` as `/`, so `/<TAB>/evil.example` and
 * `/\evil.example` name the host evil.example and are refused, whatever they look like as text.
 * The path returned starts with exactly one slash (`/.//evil.example` resolves to the path
 * `//evil.example`, which a browser would read as a host again).
 */
export function sameOriginPath(value: string | null | undefined, origin: string): string | null {
  if (!value) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  return `/${url.pathname.replace(/^\/+/, '')}${url.search}${url.hash}`;
}
