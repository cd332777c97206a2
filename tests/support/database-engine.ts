import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { POSTGRES_UNREACHABLE, POSTGRES_URL, isPostgresReachable } from './postgres';

/**
 * Which engine the database tests of a file run on. A `<name>.postgres.test.ts` file imports the
 * SQLite suite `<name>.test.ts` (which registers its tests and hooks) and then calls
 * `runDatabaseTestsOn('postgres')`: the hooks run after the imports, so they see PostgreSQL.
 * Each test file runs in its own module graph, so the choice never leaks into another file.
 */
export type DatabaseEngine = 'sqlite' | 'postgres';

let selected: DatabaseEngine = 'sqlite';

export function runDatabaseTestsOn(engine: DatabaseEngine): void {
  selected = engine;
}

export function databaseEngine(): DatabaseEngine {
  return selected;
}

export interface TestDatabase {
  readonly engine: DatabaseEngine;
  /** DATABASE_URL for the app: `file:<path>` or `postgres://…?schema=<fresh schema>`. */
  readonly url: string;
  /** Everything stored, as bytes (SQLite files, or every PostgreSQL row as text), to look for leaked secrets. */
  storedBytes(): Promise<Buffer>;
  /** Deletes the file or drops the schema. */
  drop(): Promise<void>;
}

/** A fresh, empty database on the selected engine; PostgreSQL gets a schema of its own (`?schema=`). */
export async function createTestDatabase(label: string, engine: DatabaseEngine = selected): Promise<TestDatabase> {
  return engine === 'sqlite' ? createSqliteDatabase() : createPostgresSchema(label);
}

function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'caller-db-'));
  const path = join(dir, 'caller.sqlite');
  return {
    engine: 'sqlite',
    url: `file:${path}`,
    async storedBytes() {
      const files = [path, `${path}-wal`].filter((file) => existsSync(file));
      return Buffer.concat(files.map((file) => readFileSync(file)));
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresSchema(label: string): Promise<TestDatabase> {
  if (!(await isPostgresReachable())) throw new Error(POSTGRES_UNREACHABLE);
  const schema = `caller_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30)}_${randomBytes(5).toString('hex')}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  return {
    engine: 'postgres',
    url: url.toString(),
    storedBytes: () =>
      withPostgres(async (client) => {
        const tables = await client.query<{ name: string }>('select table_name as name from information_schema.tables where table_schema = $1', [schema]);
        const rows = await Promise.all(tables.rows.map((table) => client.query<{ row: string }>(`select t::text as row from "${schema}"."${table.name}" t`)));
        return Buffer.from(rows.flatMap((result) => result.rows.map((r) => r.row)).join('\n'));
      }),
    drop: () => dropPostgresSchema(schema),
  };
}

export function dropPostgresSchema(schema: string): Promise<void> {
  return withPostgres(async (client) => {
    await client.query(`drop schema if exists "${schema}" cascade`);
  });
}

async function withPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
