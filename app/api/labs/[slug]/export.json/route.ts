import { downloadResponse } from '@/server/http/route-helpers';
import { labDownload } from '@/server/http/lab-download';
import { exportLab } from '@/server/services/lab-export';

/** Every record of a lab as one JSON document (managers). */
export function GET(req: Request, context: { params: Promise<{ slug: string }> }) {
  return labDownload(req, context, 'manager', (db, lab) =>
    downloadResponse(JSON.stringify(exportLab(db, lab), null, 2), `${lab.slug}-export.json`, 'application/json; charset=utf-8'),
  );
}
