import { env } from './env';

// The public URLs of the app: their paths (server/domain/public-paths.ts) and the origin that makes
// them absolute.

/**
 * The origin the public reaches the app at. Cached pages and feeds are rendered without a request
 * to look at, so it comes from the configuration: NEXTAUTH_URL in production, localhost otherwise.
 */
export function publicOrigin(): string {
  const { NEXTAUTH_URL, PORT } = env();
  return NEXTAUTH_URL ? new URL(NEXTAUTH_URL).origin : `http://localhost:${PORT}`;
}

export function absoluteUrl(path: string): string {
  return new URL(path, publicOrigin()).toString();
}

export { publicPaths } from './domain/public-paths';
