import { goalsCsv } from '@/server/services/goal-portfolio';
import { csvResponse } from '../csv-response';

export const dynamic = 'force-dynamic';

/** Every goal of the labs the caller manages, with its status today. */
export function GET(request: Request) {
  return csvResponse(request, 'goals', (db, user, locale) => goalsCsv(db, user, locale));
}
