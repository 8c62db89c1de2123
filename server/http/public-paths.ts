import { LOCALES } from '@/common/enums';

// The public pages by their paths: what proxy.ts, the app's server and the cache treat alike.

const LOCALE = `(?:${LOCALES.join('|')})`;
const PUBLIC_PATH = new RegExp(`^/${LOCALE}/(?:labs|search)(?:[/?#]|$)`);

/**
 * Whether `url` is anywhere in the public part of the site (directory, fact sheets and everything
 * below them, search): served from a cache to everyone, so never personal and never setting a cookie.
 */
export function isPublicPath(url: string): boolean {
  return PUBLIC_PATH.test(url);
}
