import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type ProxyTrust } from './http/client-address';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('./data/app.db')
    .refine((v) => !/^[a-z]+:\/\//i.test(v) || v.startsWith('file:'), 'must be a file path (e.g. ./data/app.db)'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // How many server processes `npm start` runs (default: one per core).
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  // The cache of public pages shared by the server's processes (default: beside the database).
  PAGE_CACHE_FILE: z.string().min(1).optional(),
  // Redis for the page cache and request budgets when several machines serve the app (decision 020).
  SHARED_STATE_URL: z
    .url()
    .refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL')
    .optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().optional(),
  // Proxies in front of the app whose X-Forwarded-For is believed: a hop count or addresses/CIDRs.
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const trust = parseTrustProxy(value);
      if ('error' in trust) ctx.addIssue({ code: 'custom', message: trust.error });
    }),
  // Requests per minute one address may make, signed out, to the search and directory procedures.
  ANONYMOUS_BUDGET_PER_MINUTE: z.coerce.number().int().min(1).default(120),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment. Fails at first use with the name of the variable that is wrong. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

export function databaseFile(): string {
  const url = env().DATABASE_URL;
  return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

/** How many server processes to run on a machine with `cores` cores. */
export function workerCount(cores: number): number {
  return env().WEB_CONCURRENCY ?? Math.max(1, cores);
}

/** The SQLite file of the shared page cache: `data/app.db` → `data/app.page-cache.db`. */
export function pageCacheFile(): string {
  return env().PAGE_CACHE_FILE ?? pageCacheFileBeside(databaseFile());
}

/** The page cache's default place for a database file. */
export function pageCacheFileBeside(database: string): string {
  return database === ':memory:' ? ':memory:' : `${database.replace(/\.db$/, '')}.page-cache.db`;
}

/**
 * The secret that signs session tokens. Taken from AUTH_SECRET or NEXTAUTH_SECRET; when neither
 * is set, one is generated on first use and kept beside the database, so sessions survive restarts.
 */
export function authSecret(): string {
  const { AUTH_SECRET, NEXTAUTH_SECRET } = env();
  const fromEnv = AUTH_SECRET ?? NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(path.dirname(path.resolve(databaseFile())), 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

let trust: ProxyTrust | undefined;

/** How far X-Forwarded-For is believed (server/http/client-address.ts). */
export function proxyTrust(): ProxyTrust {
  if (trust) return trust;
  const parsed = parseTrustProxy(env().TRUST_PROXY);
  trust = 'error' in parsed ? { kind: 'none' } : parsed;
  return trust;
}
