// Starts the app for the e2e run exactly as `npm start` does, on a database created fresh.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const file = process.env.DATABASE_URL ?? 'data/e2e/app.db';
rmSync(path.dirname(file), { recursive: true, force: true });
const child = spawn(process.execPath, ['server/cli/start.mjs'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
