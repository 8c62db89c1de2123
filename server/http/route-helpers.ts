import { TRPCError } from '@trpc/server';
import { getDb } from '../../db/client';
import { sessionTokenFromCookieHeader, sessionUserFromToken, type SessionUser } from '../auth';

/** The signed-in user of a route-handler request (downloads, feeds), checked against the database. */
export async function routeUser(req: Request): Promise<SessionUser | null> {
  return sessionUserFromToken(getDb(), sessionTokenFromCookieHeader(req.headers.get('cookie')));
}

const STATUS: Partial<Record<TRPCError['code'], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
};

/** Turns the services' errors into plain-text HTTP answers; anything unexpected is rethrown (500). */
export function routeError(error: unknown): Response {
  if (error instanceof TRPCError && STATUS[error.code]) return new Response(error.message, { status: STATUS[error.code] });
  throw error;
}
