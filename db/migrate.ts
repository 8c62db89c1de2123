import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import path from 'node:path';
import type { DB } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

/** Applies every migration in drizzle/ that this database has not seen yet. */
export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
