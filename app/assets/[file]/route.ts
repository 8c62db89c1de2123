import { readFile } from 'node:fs/promises';
import path from 'node:path';

// The public documents' stylesheet (server/build/documents.mjs writes it under its content hash
// into dist/documents). Its name changes with its content, so a browser may keep it for a year.
// Served here rather than from public/: the build's output stays in dist/ beside the renderer that
// links it, the answer carries its own headers, and any other name is a 404.
export const dynamic = 'force-dynamic';

const STYLESHEET = /^documents\.[0-9a-f]{16}\.css$/;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!STYLESHEET.test(file)) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  try {
    const css = await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), 'dist', 'documents', file));
    return new Response(css, {
      headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' },
    });
  } catch {
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
