// `npm start`: validate the configuration, migrate, seed on first start, build if needed, serve.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { authSecret, env } from '../env';
import { serverPidFile } from '../services/backup';
import { SERVER_NODE_FLAGS } from '../http/node-flags';
import { demoAccountsText, prepareDatabase } from './prepare';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const dev = process.argv.includes('--dev');


function newestSourceChange(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'server', 'db', 'public']) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ['next.config.mjs', 'proxy.ts', 'package-lock.json', 'postcss.config.mjs']) {
    if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceChange();
}

async function main() {
  const config = env();
  const secret = authSecret();
  const { file, seeded, hasDemo } = await prepareDatabase();
  console.log(`Database: ${path.resolve(file)}${seeded ? ' (new, filled with demo data)' : ''}`);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: secret,
    // Without a configured public URL, next-auth takes the origin from the request's Host header.
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? (config.NEXTAUTH_URL ? undefined : 'true'),
    NEXT_TELEMETRY_DISABLED: '1',
  };

  if (!dev && needsBuild()) {
    console.log('No up-to-date build found: building the app (this takes a minute or two)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...childEnv, NODE_ENV: 'production' } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const url = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  // The app's server (Next.js plus tRPC answered directly, server/http/serve.ts), run through tsx.
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, 'server', 'http', 'serve.ts'), ...(dev ? ['--dev'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...childEnv, PORT: String(config.PORT), NODE_ENV: dev ? 'development' : 'production' },
  });
  // Lets `npm run restore` refuse to replace the database under a running server.
  const pidFile = serverPidFile(file);
  writeFileSync(pidFile, String(server.pid ?? process.pid));
  const removePidFile = () => rmSync(pidFile, { force: true });
  let announced = false;
  server.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      console.log(`\n  Consortium Tracker is running at ${url}\n`);
      if (hasDemo) console.log(`${demoAccountsText()}\n`);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => {
    removePidFile();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
