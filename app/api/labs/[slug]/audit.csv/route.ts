import { toCsv } from '@/server/domain/csv';
import { downloadResponse } from '@/server/http/route-helpers';
import { labDownload } from '@/server/http/lab-download';
import { auditCsvRows } from '@/app/_lib/audit-csv';
import { auditFiltersFromSearch } from '@/server/services/activity';

/** The audit log of a lab as CSV (managers), with the same URL filters as the page. */
export function GET(req: Request, context: { params: Promise<{ slug: string }> }) {
  return labDownload(req, context, 'manager', (db, lab, locale) => {
    const { cursor: _page, ...filters } = auditFiltersFromSearch(Object.fromEntries(new URL(req.url).searchParams));
    return downloadResponse(toCsv(auditCsvRows(db, lab, filters, locale)), `${lab.slug}-audit-log.csv`, 'text/csv; charset=utf-8');
  });
}
