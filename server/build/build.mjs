// `npm run build`: compiles the app's own server code with esbuild, then builds the Next.js app.
// Plain JavaScript, so that building needs nothing but Node and the installed packages.
// Outputs (git-ignored): dist/documents/ (the renderer of the public documents and their
// stylesheet, decision 019), dist/server/primary.mjs and worker.mjs (the production server: one
// primary, one worker per core), dist/cache-handler.cjs (the shared page cache Next.js loads by
// path; it must exist before `next build`, which loads it too). Decision 020 says why esbuild.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const distDir = path.join(root, 'dist');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Packages are loaded from node_modules at run time, as they would be by Node itself: the bundle
  // holds only the app's own code (better-sqlite3 is native; next must stay one copy).
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};

/** Compiles the server entries; fast (well under a second), so it always runs in full. */
export async function buildServer() {
  rmSync(path.join(distDir, 'server'), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { primary: 'server/http/primary.ts', worker: 'server/http/worker.ts' },
    outdir: path.join(distDir, 'server'),
    format: 'esm',
    outExtension: { '.js': '.mjs' },
  });
  await build({
    ...common,
    entryPoints: ['server/shared-state/next-cache-handler.ts'],
    outfile: path.join(distDir, 'cache-handler.cjs'),
    format: 'cjs',
    // Next.js requires the file and takes the class from `module.exports` or its `default`.
    footer: { js: 'module.exports = module.exports.default;' },
  });
}

export function buildNext(env = process.env) {
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`next build failed (exit code ${result.status ?? result.signal})`);
}

if (process.argv[1] === import.meta.filename) {
  const { buildDocuments } = await import('./documents.mjs');
  await buildDocuments({ root });
  await buildServer();
  buildNext();
}
