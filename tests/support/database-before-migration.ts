import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Cleanups } from './clean-up-after-each';
import { dropPostgresSchema } from './database-engine';
import { POSTGRES_UNREACHABLE, POSTGRES_URL, isPostgresReachable } from './postgres';

/**
 * A database as an older version of the app left it, for upgrade tests: only the migrations before
 * `migration` (its number, 5 for 0005) applied, so a test can put in the rows the new migration must
 * carry over before `openDatabase(url).migrate()` runs the rest, as a deployed app does at start.
 */

/** The engine's migrations folder with the journal cut before `migration`: drizzle applies only what the journal lists. */
function migrationsBefore(engine: 'sqlite' | 'pg', migration: number, cleanups: Cleanups): string {
  const source = fileURLToPath(new URL(`../../src/adapters/db/migrations/${engine}`, import.meta.url));
  const folder = mkdtempSync(join(tmpdir(), `caller-migrations-${engine}-`));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(source, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx < migration) }));
  return folder;
}

/** A SQLite file before `migration`, with what `seed` writes through its own connection (closed before the upgrade opens the file). */
export function sqliteBeforeMigration(migration: number, cleanups: Cleanups, seed: (client: BetterSqlite3.Database) => void): { file: string; url: string } {
  const directory = mkdtempSync(join(tmpdir(), 'caller-upgrade-'));
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
  const file = join(directory, 'app.db');
  const client = new BetterSqlite3(file);
  migrateSqlite(drizzleSqlite(client), { migrationsFolder: migrationsBefore('sqlite', migration, cleanups) });
  seed(client);
  client.close();
  return { file, url: `file:${file}` };
}

/** A PostgreSQL schema of its own (`caller_<label>_…`) before `migration`; `pool` works in it, to seed and to read back. */
export async function postgresBeforeMigration(migration: number, label: string, cleanups: Cleanups): Promise<{ pool: pg.Pool; url: string }> {
  if (!(await isPostgresReachable())) throw new Error(POSTGRES_UNREACHABLE);
  const schema = `caller_${label}_${Date.now().toString(36)}`;
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1, options: `-c search_path=${schema}` });
  cleanups.push(async () => {
    await pool.end();
    await dropPostgresSchema(schema);
  });
  await pool.query(`create schema "${schema}"`);
  await migratePg(drizzlePg(pool), { migrationsFolder: migrationsBefore('pg', migration, cleanups), migrationsSchema: schema });
  return { pool, url: `${POSTGRES_URL}?schema=${schema}` };
}
