// `npm start`: builds the app when there is no up-to-date build, then runs the compiled server
// (dist/server/primary.mjs): plain JavaScript from here on, no TypeScript compiler at run time.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildNext, buildServer, distDir, root } from '../build/build.mjs';
import { buildDocuments } from '../build/documents.mjs';

/** The newest change among the files a build is made from. */
function newestSourceChange() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'server', 'db', 'public']) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ['next.config.mjs', 'proxy.ts', 'package-lock.json', 'postcss.config.mjs']) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function builtAt() {
  const marks = [
    path.join(root, '.next', 'BUILD_ID'),
    path.join(distDir, 'server', 'primary.mjs'),
    path.join(distDir, 'cache-handler.cjs'),
    path.join(distDir, 'documents', 'manifest.json'),
  ];
  return marks.every((mark) => existsSync(mark)) ? Math.min(...marks.map((mark) => statSync(mark).mtimeMs)) : 0;
}

if (builtAt() < newestSourceChange()) {
  console.log('No up-to-date build found: building the app (this takes a minute or two)…');
  await buildDocuments({ root });
  await buildServer();
  buildNext({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
}
await import(path.join(distDir, 'server', 'primary.mjs'));
