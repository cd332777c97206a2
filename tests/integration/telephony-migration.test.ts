/**
 * Migration 0005 (company telephony provider, SIP accounts, SIP call liveness) on SQLite and
 * PostgreSQL: an existing company's settings survive the upgrade and follow the configured
 * provider, and the new tables work through their stores (passwords encrypted at rest).
 */
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
import { afterEach, describe, expect, it } from 'vitest';
import { createCallHeartbeatStore } from '@/adapters/db/call-heartbeat-store';
import { DrizzleCompanySettings } from '@/adapters/db/company-settings-store';
import { openDatabase } from '@/adapters/db/database';
import { createSipAccountStore } from '@/adapters/db/sip-account-store';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { DEFAULT_CALL_SETTINGS } from '@/application/ports';
import { POSTGRES_UNREACHABLE, POSTGRES_URL, isPostgresReachable } from '../support/postgres';

const COMPANY = 5;
const SECRET = 'telephony-migration-secret-0123456789abcdef';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The engine's migrations as they were before 0005 (journal cut after 0004). */
function migrationsBefore0005(engine: 'sqlite' | 'pg'): string {
  const source = fileURLToPath(new URL(`../../src/adapters/db/migrations/${engine}`, import.meta.url));
  const folder = mkdtempSync(join(tmpdir(), `caller-migrations-${engine}-`));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(source, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx <= 4) }));
  return folder;
}

const INSERT_SETTINGS = `insert into company_settings (company_id, default_region, create_callback_for_missed_calls, company_phone_number, ring_timeout_seconds, updated_at, updated_by_user_id)
  values ($1, 'GB', true, '+442079460958', 45, 1000, 20001)`;

async function expectUpgraded(databaseUrl: string, readRawPassword: () => Promise<string>): Promise<void> {
  const database = openDatabase(databaseUrl);
  cleanups.push(() => database.close());
  await database.migrate();
  const settings = new DrizzleCompanySettings(database, {
    defaults: DEFAULT_CALL_SETTINGS,
    telephony: { provider: 'sip', sipWebSocketUrl: 'wss://pbx.test/ws', sipDomain: 'pbx.test' },
  });
  expect((await settings.read(COMPANY)).values).toEqual({
    defaultRegion: 'GB',
    createCallbackForMissedCalls: true,
    companyPhoneNumber: '+442079460958',
    ringTimeoutSeconds: 45,
    telephonyProvider: 'sip',
    sipWebSocketUrl: 'wss://pbx.test/ws',
    sipDomain: 'pbx.test',
  });

  const accounts = createSipAccountStore(database, createTokenCipher(SECRET));
  expect(await accounts.save({ companyId: COMPANY, userId: 11 }, { username: '1001', callerId: null }, 1)).toBe(false);
  expect(await accounts.save({ companyId: COMPANY, userId: 11 }, { username: '1001', password: 'pa55word', callerId: '+15550100' }, 2)).toBe(true);
  expect(await accounts.find({ companyId: COMPANY, userId: 11 })).toEqual({ username: '1001', password: 'pa55word', callerId: '+15550100' });
  expect(await readRawPassword()).not.toContain('pa55word');
  expect(await accounts.find({ companyId: COMPANY, userId: 12 })).toBeUndefined();

  const heartbeats = createCallHeartbeatStore(database);
  await heartbeats.heard({ companyId: COMPANY, callId: 'old' }, 1_000);
  await heartbeats.heard({ companyId: COMPANY, callId: 'fresh' }, 1_000);
  await heartbeats.heard({ companyId: COMPANY, callId: 'fresh' }, 50_000);
  expect(await heartbeats.listSilentSince(40_000, 10)).toEqual([{ companyId: COMPANY, callId: 'old' }]);
  await heartbeats.forget('old');
  expect(await heartbeats.listSilentSince(40_000, 10)).toEqual([]);
}

describe('migration 0005 (telephony providers)', () => {
  it('SQLite: keeps saved settings and adds the SIP tables', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'caller-upgrade-'));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const file = join(directory, 'app.db');
    const client = new BetterSqlite3(file);
    migrateSqlite(drizzleSqlite(client), { migrationsFolder: migrationsBefore0005('sqlite') });
    client.prepare(INSERT_SETTINGS.replace(/\$\d/g, '?')).run(COMPANY);
    client.close();
    await expectUpgraded(`file:${file}`, async () => {
      const reader = new BetterSqlite3(file, { readonly: true });
      try {
        return (reader.prepare('select password_encrypted from sip_accounts').get() as { password_encrypted: string }).password_encrypted;
      } finally {
        reader.close();
      }
    });
  });

  it('PostgreSQL: the same', async () => {
    if (!(await isPostgresReachable())) throw new Error(POSTGRES_UNREACHABLE);
    const schema = `caller_telephony_${Date.now().toString(36)}`;
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1, options: `-c search_path=${schema}` });
    cleanups.push(async () => {
      await pool.query(`drop schema if exists "${schema}" cascade`);
      await pool.end();
    });
    await pool.query(`create schema "${schema}"`);
    await migratePg(drizzlePg(pool), { migrationsFolder: migrationsBefore0005('pg'), migrationsSchema: schema });
    await pool.query(INSERT_SETTINGS, [COMPANY]);
    await expectUpgraded(`${POSTGRES_URL}?schema=${schema}`, async () => {
      const { rows } = await pool.query<{ password_encrypted: string }>('select password_encrypted from sip_accounts');
      return rows[0]?.password_encrypted ?? '';
    });
  });
});
