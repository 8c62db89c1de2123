import { labDownload } from '../../../../../server/http/lab-download';
import { exportLabZip } from '../../../../../server/services/lab-export';

/** Every record of a lab as CSV files (and the JSON) in one ZIP archive (managers). */
export function GET(req: Request, context: { params: Promise<{ slug: string }> }) {
  return labDownload(req, context, 'manager', (db, lab) => {
    return new Response(Buffer.from(exportLabZip(db, lab)), {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${lab.slug}-export.zip"`,
        'cache-control': 'private, no-store',
      },
    });
  });
}
