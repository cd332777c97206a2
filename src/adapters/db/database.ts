import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as pgSchema from './schema.pg';
import * as sqliteSchema from './schema.sqlite';

export type Dialect = 'sqlite' | 'pg';

/**
 * The query-builder surface repositories use. Both engines expose the same builder API
 * (select/insert/update/delete, onConflictDoUpdate, returning), so repositories are written once
 * against the SQLite typing and receive the PostgreSQL builder at runtime.
 */
export type Drizzle = BetterSQLite3Database;
export type Tables = typeof sqliteSchema;

export interface Database {
  readonly dialect: Dialect;
  readonly db: Drizzle;
  readonly tables: Tables;
  migrate(): Promise<void>;
  /**
   * Runs `work` in one transaction. On SQLite (one synchronous connection) transactions are
   * serialized in-process; `work` must only await database calls, which better-sqlite3 completes
   * synchronously, so no unrelated request interleaves with an open transaction.
   */
  transaction<T>(work: (tx: Drizzle) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** pg_advisory_lock key held while migrating ("caller" in ASCII): one migrating instance at a time. */
const MIGRATION_LOCK_KEY = 0x63616c6c6572;

const MIGRATIONS = {
  sqlite: fileURLToPath(new URL('./migrations/sqlite', import.meta.url)),
  pg: fileURLToPath(new URL('./migrations/pg', import.meta.url)),
};

/** Opens the database named by DATABASE_URL: `file:<path>` (SQLite, `file::memory:` too) or `postgres://…`. */
export function openDatabase(url: string): Database {
  return url.startsWith('file:') ? openSqlite(url.slice('file:'.length)) : openPostgres(url);
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new BetterSqlite3(path);
  client.pragma('journal_mode = WAL');
  client.pragma('busy_timeout = 5000');
  client.pragma('foreign_keys = ON');
  const db = drizzleSqlite(client);
  let queue: Promise<unknown> = Promise.resolve();

  return {
    dialect: 'sqlite',
    db,
    tables: sqliteSchema,
    async migrate() {
      migrateSqlite(db, { migrationsFolder: MIGRATIONS.sqlite });
    },
    transaction<T>(work: (tx: Drizzle) => Promise<T>): Promise<T> {
      const run = async () => {
        client.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(db);
          client.exec('COMMIT');
          return result;
        } catch (error) {
          if (client.inTransaction) client.exec('ROLLBACK');
          throw error;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async ping() {
      client.prepare('select 1').get();
    },
    async close() {
      if (client.open) client.close();
    },
  };
}

/**
 * PostgreSQL. A non-standard `schema` query parameter (e.g. `postgres://…/db?schema=caller`) puts
 * the app's tables and its migration journal in that schema; tests use it for isolation.
 */
function openPostgres(url: string): Database {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('DATABASE_URL schema must be a lower-case SQL identifier');
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 10,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  const db = drizzlePg(pool);

  return {
    dialect: 'pg',
    db: db as unknown as Drizzle,
    tables: pgSchema as unknown as Tables,
    async migrate() {
      // Several instances may start at once: one migrates, the others wait for its lock and then
      // find nothing left to do (concurrent `create table`s would fail).
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        if (schema) await pool.query(`create schema if not exists "${schema}"`);
        await migratePg(db, { migrationsFolder: MIGRATIONS.pg, migrationsSchema: schema ?? undefined });
      } finally {
        await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        lock.release();
      }
    },
    transaction<T>(work: (tx: Drizzle) => Promise<T>): Promise<T> {
      return db.transaction((tx) => work(tx as unknown as Drizzle));
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await pool.end();
    },
  };
}
