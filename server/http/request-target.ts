import type { ServerResponse } from 'node:http';
import { isPublicPath } from './public-paths';

// Next.js answers a path whose percent-escapes are not UTF-8 (`/en/labs/%FF`) with a 500 of its
// own, before any code of the app runs. Such an address names nothing, so the app's server
// refuses it first, as the bad request it is.

/** Whether the path part of a request target (`/a/b?c`) decodes as UTF-8. */
export function hasDecodablePath(target: string): boolean {
  const path = target.split(/[?#]/, 1)[0]!;
  if (!path.includes('%')) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function refuseUndecodablePath(res: ServerResponse): void {
  res.statusCode = 400;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end('Bad request: the address has a percent-escape that is not UTF-8.');
}

/**
 * Whether a request may reach a cached public answer. Next.js keeps the answer a route handler
 * gives to its first request whatever the method, so a POST (405) or OPTIONS (500) to a public
 * page not yet in the cache would be what every visitor got until the page changed. The public
 * pages are read, never written: anything but GET and HEAD is refused before it gets there.
 */
export function isReadOfPublicPage(method: string | undefined, target: string): boolean {
  return method === 'GET' || method === 'HEAD' || !isPublicPath(target);
}

export function refuseMethod(res: ServerResponse): void {
  res.statusCode = 405;
  res.setHeader('allow', 'GET, HEAD');
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end('Method not allowed: public pages are read with GET.');
}
