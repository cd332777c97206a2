import { getTableConfig as getPgTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import type { Database } from '@/adapters/db/database';

/** Tables with their columns and index names, as the database has them (or as the schema declares them). */
export type SchemaShape = Record<string, { columns: string[]; indexes: string[] }>;

/** Indexes written by hand in the SQL migrations (not expressible in the drizzle schema). */
export const HAND_WRITTEN_INDEXES: Record<string, string[]> = { calls: ['calls_agent_busy_unique'] };

/** What the drizzle schema (src/adapters/db/schema.*.ts) declares, plus the hand-written indexes. */
export function declaredSchema(database: Database): SchemaShape {
  const shape: SchemaShape = {};
  for (const table of Object.values(database.tables)) {
    const config = database.dialect === 'pg' ? getPgTableConfig(table as unknown as PgTable) : getSqliteTableConfig(table as unknown as SQLiteTable);
    const uniques = config.columns.filter((column) => column.isUnique).map((column) => column.uniqueName ?? `${config.name}_${column.name}_unique`);
    shape[config.name] = {
      columns: config.columns.map((column) => column.name).sort(),
      indexes: [...config.indexes.map((index) => index.config.name ?? ''), ...uniques, ...(HAND_WRITTEN_INDEXES[config.name] ?? [])].sort(),
    };
  }
  return shape;
}

/** What the database really holds (the app's schema only: not the migration journal, not the engine's own indexes). */
export async function actualSchema(database: Database): Promise<SchemaShape> {
  const rows = database.dialect === 'pg' ? await pgRows(database) : sqliteRows(database);
  const shape: SchemaShape = {};
  for (const table of rows.tables) shape[table] = { columns: [], indexes: [] };
  for (const { table, column } of rows.columns) shape[table]?.columns.push(column);
  for (const { table, index } of rows.indexes) shape[table]?.indexes.push(index);
  for (const entry of Object.values(shape)) {
    entry.columns.sort();
    entry.indexes.sort();
  }
  return shape;
}

interface Rows {
  tables: string[];
  columns: { table: string; column: string }[];
  indexes: { table: string; index: string }[];
}

function sqliteRows(database: Database): Rows {
  const db = database.db as unknown as { all<T>(query: ReturnType<typeof sql>): T[] };
  const tables = db
    .all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`)
    .map((row) => row.name);
  const columns = tables.flatMap((table) => db.all<{ name: string }>(sql`select name from pragma_table_info(${table})`).map((row) => ({ table, column: row.name })));
  const indexes = db
    .all<{ name: string; tbl_name: string }>(sql`select name, tbl_name from sqlite_master where type = 'index' and name not like 'sqlite_autoindex%'`)
    .map((row) => ({ table: row.tbl_name, index: row.name }));
  return { tables, columns, indexes };
}

async function pgRows(database: Database): Promise<Rows> {
  const db = database.db as unknown as { execute<T>(query: ReturnType<typeof sql>): Promise<{ rows: T[] }> };
  const tables = (
    await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like '__drizzle%'`,
    )
  ).rows.map((row) => row.table_name);
  const columns = (await db.execute<{ table_name: string; column_name: string }>(sql`select table_name, column_name from information_schema.columns where table_schema = current_schema()`)).rows.map(
    (row) => ({ table: row.table_name, column: row.column_name }),
  );
  const indexes = (await db.execute<{ tablename: string; indexname: string }>(sql`select tablename, indexname from pg_indexes where schemaname = current_schema() and indexname not like '%_pkey'`)).rows.map(
    (row) => ({ table: row.tablename, index: row.indexname }),
  );
  return { tables, columns, indexes };
}
