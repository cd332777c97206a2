/**
 * Migration 0005 (company telephony provider, SIP accounts, SIP call liveness) on SQLite and
 * PostgreSQL: an existing company's settings survive the upgrade and follow the configured
 * provider, and the new tables work through their stores (passwords encrypted at rest).
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCallHeartbeatStore } from '@/adapters/db/call-heartbeat-store';
import { DrizzleCompanySettings } from '@/adapters/db/company-settings-store';
import { openDatabase } from '@/adapters/db/database';
import { createSipAccountStore } from '@/adapters/db/sip-account-store';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { DEFAULT_CALL_SETTINGS } from '@/application/ports';
import { cleanUpAfterEach } from '../support/clean-up-after-each';
import { postgresBeforeMigration, sqliteBeforeMigration } from '../support/database-before-migration';

const COMPANY = 5;
const SECRET = 'telephony-migration-secret-0123456789abcdef';
const cleanups = cleanUpAfterEach();

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
    // Migration 0007: a company saved before it does not record calls until an admin says so.
    recordCalls: false,
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
    const { file, url } = sqliteBeforeMigration(5, cleanups, (client) => client.prepare(INSERT_SETTINGS.replace(/\$\d/g, '?')).run(COMPANY));
    await expectUpgraded(url, async () => {
      const reader = new BetterSqlite3(file, { readonly: true });
      try {
        return (reader.prepare('select password_encrypted from sip_accounts').get() as { password_encrypted: string }).password_encrypted;
      } finally {
        reader.close();
      }
    });
  });

  it('PostgreSQL: the same', async () => {
    const { pool, url } = await postgresBeforeMigration(5, 'telephony', cleanups);
    await pool.query(INSERT_SETTINGS, [COMPANY]);
    await expectUpgraded(url, async () => {
      const { rows } = await pool.query<{ password_encrypted: string }>('select password_encrypted from sip_accounts');
      return rows[0]?.password_encrypted ?? '';
    });
  });
});
