import { labDownload } from '../../../../../server/http/lab-download';
import { exportLab } from '../../../../../server/services/lab-export';

/** Every record of a lab as one JSON document (managers). */
export function GET(req: Request, context: { params: Promise<{ slug: string }> }) {
  return labDownload(req, context, 'manager', (db, lab) => {
    return new Response(JSON.stringify(exportLab(db, lab), null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${lab.slug}-export.json"`,
        'cache-control': 'private, no-store',
      },
    });
  });
}
