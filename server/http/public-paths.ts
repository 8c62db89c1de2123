import { LOCALES } from '../domain/enums';

// The public pages by their paths: what proxy.ts, the app's server and the cache treat alike.

const LOCALE = `(?:${LOCALES.join('|')})`;
// A fact sheet's segment is a slug (or one in other letter case, which redirects): never a file name.
const DOCUMENT_PATH = new RegExp(`^/${LOCALE}/(?:labs(?:/[^/?#.]+)?|search)/?(?:[?#]|$)`);
const PUBLIC_PATH = new RegExp(`^/${LOCALE}/(?:labs|search)(?:[/?#]|$)`);

/** Whether `url` (path and query) names a public document. Feeds and images below a lab are not. */
export function isPublicDocument(url: string): boolean {
  return DOCUMENT_PATH.test(url);
}

/**
 * Whether `url` is anywhere in the public part of the site (directory, fact sheets and everything
 * below them, search): served from a cache to everyone, so never personal and never setting a cookie.
 */
export function isPublicPath(url: string): boolean {
  return PUBLIC_PATH.test(url);
}
