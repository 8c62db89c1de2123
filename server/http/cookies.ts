import { parse } from 'cookie';

/**
 * The value of one cookie in a Cookie header: the app's only cookie parser. A value that is not
 * valid percent-encoding (`%`, `%E0%A4%A`) comes back as sent instead of throwing, so a mangled
 * cookie reads as a wrong value (a session token that does not decode: signed out), never as a 500.
 */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  return parse(header)[name];
}
