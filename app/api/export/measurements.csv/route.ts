import { measurementsCsv } from '@/server/services/goal-portfolio';
import { csvResponse } from '../csv-response';

export const dynamic = 'force-dynamic';

/** Every measurement of the goals of the labs the caller manages. */
export function GET(request: Request) {
  return csvResponse(request, 'measurements', (db, user, locale) => measurementsCsv(db, user, locale));
}
