import type { Locale } from '@/common/enums';

// Who a service acts for. Services take the person, never the request or its session token:
// how they signed in is server/auth.ts's business (next-auth), which services do not import.

/** The signed-in person as every request sees them: read from the database, never from the token. */
export type SessionUser = {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
  organisationId: number | null;
  locale: Locale | null;
  /** The time zone the person chose to read times in; null: their browser's. */
  timeZone: string | null;
};

/** How an e-mail address is compared and stored: no surrounding spaces, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
