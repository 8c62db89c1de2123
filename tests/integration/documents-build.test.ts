import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '@/app/_documents/renderer';
import type { DocumentRequest } from '@/server/documents/types';
import { generateBenchDataset } from '@/server/bench/dataset';
import { buildDocuments } from '@/server/build/documents.mjs';
import { directoryAnswer, factSheetAnswer, searchAnswer, type DocumentAnswer } from '@/server/documents/answers';
import { DocumentRenderer, RenderError } from '@/server/documents/render';
import { documentResponse } from '@/server/documents/respond';
import { LOCALES } from '@/common/enums';
import { translate } from '@/server/i18n';
import { closeDocumentBrowser, languageLink, readDocuments, unstyledClasses } from '../helpers/documents';
import { freshDb } from '../helpers/db';

// What `npm run build` makes for the public documents (server/build/documents.mjs): the stylesheet
// must style every class the documents use, and the renderer runs in a worker thread that answers
// by request id, is replaced when it dies, and never leaks a failure into a page (decision 019).

let outDir: string;
let stylesheet: string;
const dirs: string[] = [];
beforeAll(async () => {
  // Inside the project, as dist/documents is: the renderer loads its packages from node_modules.
  mkdirSync(path.join(process.cwd(), 'dist'), { recursive: true });
  outDir = mkdtempSync(path.join(process.cwd(), 'dist', 'documents-test-'));
  dirs.push(outDir);
  ({ stylesheet } = await buildDocuments({ root: process.cwd(), outDir }));
}, 120_000);
afterAll(async () => {
  await closeDocumentBrowser();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function requestOf(answer: DocumentAnswer): DocumentRequest {
  if ('redirect' in answer) throw new Error(`expected a document, got a redirect to ${answer.redirect}`);
  return answer.request;
}

/** Classes that mark elements for a selector elsewhere or for nobody, and need no rule of their own. */
const MARKERS = new Set(['lucide']);
const isMarker = (token: string) => MARKERS.has(token) || token.startsWith('lucide-');

describe('the stylesheet', () => {
  it('is named by its content and listed in the manifest the renderer reads', () => {
    expect(stylesheet).toMatch(/^documents\.[0-9a-f]{16}\.css$/);
    expect(JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'))).toEqual({ stylesheet: `/assets/${stylesheet}` });
  });

  it('styles every class of every public document, in every state, in both languages', async () => {
    const db = await freshDb();
    const empty = await freshDb({ seed: false });
    const many = await freshDb({ seed: false });
    generateBenchDataset(many.$client, { scale: 0.1, passwordHash: 'x' });
    const search = (database: typeof db, locale: string, query: string) =>
      searchAnswer(database, { locale, params: new URLSearchParams(query), user: null, address: null });
    const requests: DocumentRequest[] = [];
    for (const locale of LOCALES) {
      const origin = 'http://localhost:3000';
      requests.push(
        requestOf(directoryAnswer(db, locale)),
        requestOf(directoryAnswer(empty, locale)),
        requestOf(directoryAnswer(many, locale)),
        requestOf(factSheetAnswer(db, locale, 'new-display-lab')),
        requestOf(factSheetAnswer(db, locale, 'green-auto-steel')),
        requestOf(await search(db, locale, 'q=OLED')),
        requestOf(await search(db, locale, 'q=nothing-matches-this')),
        requestOf(await search(db, locale, 'q=OLED&sector=space-mining&stage=nowhere')),
        requestOf(await search(many, locale, 'page=2')),
        requestOf(factSheetAnswer(db, locale, 'no-such-lab')),
        { kind: 'tooManyRequests', locale, origin, path: '/search', query: 'q=steel', retryAfterSeconds: 12 },
        { kind: 'failed', locale, origin, path: '/labs', query: '' },
      );
    }
    const docs = await readDocuments(requests.map((r) => renderDocument(r, { stylesheet: `/assets/${stylesheet}` })));
    const classes = [...new Set(docs.flatMap((d) => d.classes))].filter((c) => !isMarker(c)).sort();
    expect(classes.length).toBeGreaterThan(200);
    const css = readFileSync(path.join(outDir, stylesheet), 'utf8');
    expect(await unstyledClasses(css, classes)).toEqual([]);
    // The check itself finds a class nothing styles.
    expect(await unstyledClasses(css, ['p-4', 'sm:text-[1.75rem]', 'no-such-utility-anywhere'])).toEqual(['no-such-utility-anywhere']);
  }, 120_000);
});

describe('the renderer in its worker thread', () => {
  const origin = 'http://localhost:3000';
  const notFound = (locale: 'en' | 'zh-CN', path: string): DocumentRequest => ({ kind: 'notFound', locale, origin, path, query: '' });

  it('answers each render with its own document, many at once, and links the built stylesheet', async () => {
    const renderer = new DocumentRenderer(path.join(outDir, 'renderer.mjs'));
    try {
      const paths = Array.from({ length: 12 }, (_, i) => `/labs/lab-${i}`);
      const htmls = await Promise.all(paths.map((p, i) => renderer.render(notFound(i % 2 ? 'zh-CN' : 'en', p))));
      const docs = await readDocuments(htmls);
      docs.forEach((doc, i) => {
        expect(htmls[i]!.startsWith('<!DOCTYPE html><html lang=')).toBe(true);
        expect(doc.lang).toBe(i % 2 ? 'zh-CN' : 'en');
        expect(doc.links).toContain(languageLink('en', paths[i]!));
        expect(doc.stylesheets).toEqual([`/assets/${stylesheet}`]);
      });
    } finally {
      await renderer.close();
    }
  });

  it('says why a render failed, without taking the worker down', async () => {
    const renderer = new DocumentRenderer(path.join(outDir, 'renderer.mjs'));
    try {
      const broken = { kind: 'factSheet', locale: 'en', origin, path: '/labs/x', query: '', sheet: null } as unknown as DocumentRequest;
      const error = await renderer.render(broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderError);
      expect((error as RenderError).workerStack).toContain('TypeError');
      expect(await renderer.render(notFound('en', '/labs/y'))).toContain('<h1');
    } finally {
      await renderer.close();
    }
  });

  /** A stand-in worker that exits under its first `crashes` renders, then answers. */
  function flakyWorker(crashes: number): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'flaky-worker-'));
    dirs.push(dir);
    const file = path.join(dir, 'worker.mjs');
    writeFileSync(
      file,
      `import { existsSync, readdirSync, writeFileSync } from 'node:fs';
       import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ id, request }) => {
         const crashed = readdirSync(${JSON.stringify(dir)}).filter((f) => f.startsWith('crash-')).length;
         if (crashed < ${crashes}) { writeFileSync(${JSON.stringify(dir)} + '/crash-' + crashed, ''); process.exit(7); }
         parentPort.postMessage({ id, html: '<!DOCTYPE html><p>' + request.path + '</p>' });
       });`,
    );
    return file;
  }

  it('replaces a worker that dies under a render, and renders again on the new one', async () => {
    const renderer = new DocumentRenderer(flakyWorker(1));
    try {
      expect(await renderer.render(notFound('en', '/labs/after-a-crash'))).toBe('<!DOCTYPE html><p>/labs/after-a-crash</p>');
      expect(await renderer.render(notFound('en', '/labs/and-later'))).toBe('<!DOCTYPE html><p>/labs/and-later</p>');
    } finally {
      await renderer.close();
    }
  });

  it('ends a render that does not finish in time, and the worker stuck in it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stuck-worker-'));
    dirs.push(dir);
    const file = path.join(dir, 'worker.mjs');
    writeFileSync(file, `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => { for (;;); });`);
    const renderer = new DocumentRenderer(file, { timeoutMs: 300 });
    try {
      await expect(renderer.render(notFound('en', '/labs/slow'))).rejects.toThrow(/took more than 300 ms/);
    } finally {
      await renderer.close();
    }
  });

  it('a document that cannot be rendered is a 500 error page in its language, with no trace of the cause', async () => {
    const quiet = console.error;
    console.error = () => {};
    const renderer = new DocumentRenderer(path.join(outDir, 'renderer.mjs'));
    try {
      const broken = { kind: 'factSheet', locale: 'zh-CN', origin, path: '/labs/x', query: '', sheet: null } as unknown as DocumentRequest;
      const res = await documentResponse(broken, 200, {}, renderer);
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      const [doc] = await readDocuments([html]);
      expect(doc!.lang).toBe('zh-CN');
      expect(doc!.h1).toEqual([translate('zh-CN', 'common.errorTitle')]);
      expect(doc!.links).toContain('/zh-CN/labs/x');
      expect(html).not.toMatch(/TypeError|Cannot read|\.tsx?:\d+|\.mjs:\d+/);

      // With no renderer at all, a plain page still says so.
      const missing = new DocumentRenderer(path.join(outDir, 'no-such-renderer.mjs'));
      const plain = await documentResponse(notFound('en', '/labs'), 404, {}, missing);
      expect(plain.status).toBe(500);
      const [page] = await readDocuments([await plain.text()]);
      expect(page).toMatchObject({ lang: 'en', mains: 1, h1: [translate('en', 'common.errorTitle')] });
      await missing.close();
    } finally {
      console.error = quiet;
      await renderer.close();
    }
  });
});
