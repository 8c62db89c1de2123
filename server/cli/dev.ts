// `npm run dev`: the same start-up as `npm start` (database migrated and seeded), then one server
// process with the Next.js development server. TypeScript runs through tsx here, in development only.
import { buildServer, root } from '../build/build.mjs';
import { buildDocuments } from '../build/documents.mjs';
import { authSecret } from '../env';
import { demoAccountsText, prepareDatabase } from './prepare';

Object.assign(process.env, { NODE_ENV: 'development' });
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NEXTAUTH_SECRET ??= authSecret();
process.env.AUTH_TRUST_HOST ??= process.env.NEXTAUTH_URL ? undefined : 'true';

const { seeded, hasDemo } = await prepareDatabase();
if (seeded) console.log('Database: new, filled with demo data');
if (hasDemo) console.log(demoAccountsText());
// next.config.mjs loads the compiled page-cache handler.
await buildServer();
// The public documents' renderer and stylesheet, rebuilt while their sources change (decision 019).
await buildDocuments({ root, dev: true, watch: true });
await import('../http/worker');
