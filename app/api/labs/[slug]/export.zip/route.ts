import { downloadResponse } from '@/server/http/route-helpers';
import { labDownload } from '@/server/http/lab-download';
import { exportLabZip } from '@/server/services/lab-export';

/** Every record of a lab as CSV files (and the JSON) in one ZIP archive (managers). */
export function GET(req: Request, context: { params: Promise<{ slug: string }> }) {
  return labDownload(req, context, 'manager', (db, lab) =>
    downloadResponse(Buffer.from(exportLabZip(db, lab)), `${lab.slug}-export.zip`, 'application/zip'),
  );
}
