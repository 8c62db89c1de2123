// Builds what the public documents need outside Next.js (decision 019), into dist/documents:
// - renderer.mjs, the worker thread that renders them with react-dom/server (app/_documents/worker.ts,
//   compiled by esbuild; packages stay in node_modules, where Node loads them as usual);
// - documents.<hash>.css, the app's stylesheet, compiled by Tailwind's own PostCSS plugin from
//   app/_documents/documents.css (it scans the sources for classes exactly as the Next.js build does);
// - manifest.json, `{ "stylesheet": "/assets/documents.<hash>.css" }`, which the renderer links.
// `node server/build/documents.mjs` builds once; `npm run build` runs it before `next build`.
// Plain JavaScript, so that building needs nothing but Node and the installed packages.
import tailwindcss from '@tailwindcss/postcss';
import { context } from 'esbuild';
import postcss from 'postcss';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the stylesheet is served (app/assets/[file]/route.ts answers it from the output folder). */
const STYLESHEET_PATH = '/assets/';

// The renderer sees only what a route handler hands it: its code may come from the UI and from the
// server's pure logic, never from what reads the database or the request (decision 019).
const RENDERER_SOURCES = ['app/', 'server/domain/', 'common/', 'messages/'];

const CSS_ENTRY = 'app/_documents/documents.css';
const CSS_SOURCES = [CSS_ENTRY, 'app/globals.css', 'app/_components/timeline/timeline.css'];

/** Compiles the stylesheet and writes it under its content hash, then the manifest that names it. */
async function buildStylesheet(root, outDir, dev) {
  const from = path.join(root, CSS_ENTRY);
  const result = await postcss([tailwindcss({ base: root, optimize: !dev })]).process(readFileSync(from, 'utf8'), { from });
  const name = `documents.${createHash('sha256').update(result.css).digest('hex').slice(0, 16)}.css`;
  writeFileSync(path.join(outDir, name), result.css);
  // Written whole and then renamed: a renderer reading it meanwhile sees the old file or the new one.
  const manifest = path.join(outDir, 'manifest.json');
  writeFileSync(`${manifest}.tmp`, `${JSON.stringify({ stylesheet: `${STYLESHEET_PATH}${name}` })}\n`);
  renameSync(`${manifest}.tmp`, manifest);
  for (const file of readdirSync(outDir)) if (/^documents\..+\.css$/.test(file) && file !== name) rmSync(path.join(outDir, file));
  return name;
}

/** Refuses a renderer that imports anything but the UI and pure logic (a service, the database, the request). */
function checkSources(metafile) {
  const strays = Object.keys(metafile.inputs).filter((input) => !RENDERER_SOURCES.some((dir) => input.startsWith(dir)));
  if (strays.length > 0)
    throw new Error(`the documents' renderer may import only from ${RENDERER_SOURCES.join(', ')}; it imports ${strays.join(', ')}`);
}

/**
 * Builds the renderer and the stylesheet into `outDir` (dist/documents). With `watch` (development)
 * it keeps rebuilding both when their sources change, until the returned `dispose()`; the renderer
 * then re-reads the manifest for each document, and its caller restarts it when renderer.mjs changes.
 * @param {{ root: string, dev?: boolean, outDir?: string, watch?: boolean }} options
 * @returns {Promise<{ outDir: string, stylesheet: string, dispose: () => Promise<void> }>}
 */
export async function buildDocuments({ root, dev = false, outDir = path.join(root, 'dist', 'documents'), watch = false }) {
  if (!watch) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let stylesheet = '';
  const ctx = await context({
    absWorkingDir: root,
    entryPoints: ['app/_documents/worker.ts'],
    outfile: path.join(outDir, 'renderer.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    jsx: 'automatic',
    packages: 'external',
    // Components import their CSS for the pages of the app; the documents' stylesheet has it already.
    loader: { '.css': 'empty' },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    // 'use client' marks components the workspace hydrates; here everything is rendered to HTML once.
    logOverride: { 'module-level-directive': 'silent' },
    plugins: [
      {
        name: 'documents',
        setup(build) {
          // The stylesheet's sources are not imported by the renderer: watch them too.
          build.onLoad({ filter: /app[\\/]_documents[\\/]worker\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8'),
            loader: 'ts',
            watchFiles: CSS_SOURCES.map((file) => path.join(root, file)),
          }));
          build.onEnd(async (result) => {
            if (result.errors.length > 0) return;
            checkSources(result.metafile);
            stylesheet = await buildStylesheet(root, outDir, dev);
          });
        },
      },
    ],
  });
  try {
    await ctx.rebuild();
  } catch (error) {
    await ctx.dispose();
    throw error;
  }
  if (watch) await ctx.watch();
  else await ctx.dispose();
  return { outDir, stylesheet, dispose: () => ctx.dispose() };
}

if (process.argv[1] === import.meta.filename) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const { stylesheet } = await buildDocuments({ root, dev: process.argv.includes('--dev') });
  console.log(`✓ Public documents: dist/documents/renderer.mjs, ${stylesheet}`);
}
