import { csvResponse } from '../../../../../server/domain/csv';
import { labDownload } from '../../../../../server/http/lab-download';
import { auditCsvRows, auditFiltersFromSearch } from '../../../../../server/services/activity';

/** The audit log of a lab as CSV (managers), with the same URL filters as the page. */
export function GET(req: Request, context: { params: Promise<{ slug: string }> }) {
  return labDownload(req, context, 'manager', (db, lab) => {
    const { cursor: _page, ...filters } = auditFiltersFromSearch(Object.fromEntries(new URL(req.url).searchParams));
    return csvResponse(`${lab.slug}-audit-log.csv`, auditCsvRows(db, lab, filters));
  });
}
