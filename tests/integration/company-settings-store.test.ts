/**
 * DrizzleCompanySettings on SQLite and on PostgreSQL: the same cases on both engines.
 * PostgreSQL must be running (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DrizzleCompanySettings, type CompanySettingsValues } from '@/adapters/db/company-settings-store';
import { openDatabase, type Database } from '@/adapters/db/database';
import type { CallSettings } from '@/application/ports/company-settings.port';
import { dropPostgresSchema } from '../support/database-engine';
import { POSTGRES_UNREACHABLE, POSTGRES_URL, isPostgresReachable } from '../support/postgres';

const DEFAULTS: CallSettings = { createCallbackForMissedCalls: false, ringTimeoutMs: 25_000, wrapUpGracePeriodMs: 300_000, recordCalls: false };
const TELEPHONY = { provider: 'mock', sipWebSocketUrl: 'wss://sip.example.com/ws', sipDomain: 'sip.example.com' } as const;
const DEFAULT_TELEPHONY_VALUES = { telephonyProvider: 'mock', sipWebSocketUrl: 'wss://sip.example.com/ws', sipDomain: 'sip.example.com', recordCalls: false } as const;
const ACME = 1;
const GLOBEX = 2;
const TTL_MS = 5_000;
const T0 = Date.UTC(2026, 2, 14, 9, 30, 0);

const SAVED: CompanySettingsValues = {
  defaultRegion: 'GB',
  createCallbackForMissedCalls: true,
  companyPhoneNumber: '+442079460958',
  ringTimeoutSeconds: 45,
  telephonyProvider: 'sip',
  sipWebSocketUrl: 'wss://pbx.acme.test:8443/ws',
  sipDomain: 'pbx.acme.test',
  recordCalls: true,
};

interface Engine {
  database: Database;
  /** Empties the table between tests. */
  reset(): Promise<void>;
}

function describeCompanySettingsContract(name: string, engine: () => Engine) {
  describe(`DrizzleCompanySettings on ${name}`, () => {
    let now: number;
    let store: DrizzleCompanySettings;
    const newStore = () => new DrizzleCompanySettings(engine().database, { defaults: DEFAULTS, telephony: TELEPHONY, cacheTtlMs: TTL_MS, now: () => now });

    beforeEach(async () => {
      await engine().reset();
      now = T0;
      store = newStore();
    });

    it('gives a company that never saved anything the configured defaults', async () => {
      expect(await store.get(ACME)).toEqual(DEFAULTS);
      expect(await store.read(ACME)).toEqual({
        values: { defaultRegion: null, createCallbackForMissedCalls: false, companyPhoneNumber: null, ringTimeoutSeconds: 25, ...DEFAULT_TELEPHONY_VALUES },
        updatedAt: null,
        updatedByUserId: null,
      });
    });

    it('stores every setting over the defaults and keeps the configured grace period', async () => {
      const saved = await store.save(ACME, SAVED, { userId: 20001, at: T0 + 1 });
      expect(saved).toEqual({ values: SAVED, updatedAt: T0 + 1, updatedByUserId: 20001 });
      expect(await store.get(ACME)).toEqual({
        defaultRegion: 'GB',
        createCallbackForMissedCalls: true,
        companyPhoneNumber: '+442079460958',
        ringTimeoutMs: 45_000,
        wrapUpGracePeriodMs: 300_000,
        recordCalls: true,
      });
      // Another process (a fresh store) reads the same row.
      expect(await newStore().read(ACME)).toEqual(saved);
    });

    it('replaces all settings on a second save; null clears region and number', async () => {
      await store.save(ACME, SAVED, { userId: 20001, at: T0 });
      const cleared = { defaultRegion: null, createCallbackForMissedCalls: false, companyPhoneNumber: null, ringTimeoutSeconds: 10, ...DEFAULT_TELEPHONY_VALUES };
      await store.save(ACME, cleared, { userId: 20005, at: T0 + 60_000 });
      expect(await store.read(ACME)).toEqual({ values: cleared, updatedAt: T0 + 60_000, updatedByUserId: 20005 });
      const settings = await store.get(ACME);
      expect(settings).toEqual({ createCallbackForMissedCalls: false, ringTimeoutMs: 10_000, wrapUpGracePeriodMs: 300_000, recordCalls: false });
      expect('defaultRegion' in settings).toBe(false);
    });

    it("adopts the company's Pipedrive country as default region at install, never over saved settings", async () => {
      await store.adoptCompanyRegion(ACME, 'US', { userId: 20001, at: T0 });
      expect((await store.read(ACME)).values).toEqual({ defaultRegion: 'US', createCallbackForMissedCalls: false, companyPhoneNumber: null, ringTimeoutSeconds: 25, ...DEFAULT_TELEPHONY_VALUES });
      await store.save(GLOBEX, SAVED, { userId: 20002, at: T0 });
      await store.adoptCompanyRegion(GLOBEX, 'US', { userId: 20003, at: T0 + 1 });
      expect(await store.read(GLOBEX)).toEqual({ values: SAVED, updatedAt: T0, updatedByUserId: 20002 });
    });

    it('stores the telephony choice; values equal to the configured defaults follow later default changes', async () => {
      await store.save(ACME, { ...SAVED, telephonyProvider: 'mock', sipDomain: TELEPHONY.sipDomain }, { userId: 20001, at: T0 });
      const movedDefaults = new DrizzleCompanySettings(engine().database, {
        defaults: DEFAULTS,
        telephony: { provider: 'sip', sipWebSocketUrl: null, sipDomain: 'new.example.com' },
      });
      const { values } = await movedDefaults.read(ACME);
      expect(values.telephonyProvider).toBe('sip');
      expect(values.sipDomain).toBe('new.example.com');
      expect(values.sipWebSocketUrl).toBe('wss://pbx.acme.test:8443/ws');
    });

    it('keeps companies apart', async () => {
      await store.save(ACME, SAVED, { userId: 20001, at: T0 });
      expect(await store.get(GLOBEX)).toEqual(DEFAULTS);
      expect((await store.read(GLOBEX)).updatedByUserId).toBeNull();
    });

    it('caches reads briefly: a save elsewhere shows after the cache time, a save here at once', async () => {
      expect((await store.get(ACME)).createCallbackForMissedCalls).toBe(false);
      const otherInstance = newStore();
      await otherInstance.save(ACME, SAVED, { userId: 20001, at: T0 });
      expect((await store.get(ACME)).createCallbackForMissedCalls).toBe(false);
      now += TTL_MS;
      expect((await store.get(ACME)).createCallbackForMissedCalls).toBe(true);

      await store.save(ACME, { ...SAVED, ringTimeoutSeconds: 90 }, { userId: 20001, at: T0 + 1 });
      expect((await store.get(ACME)).ringTimeoutMs).toBe(90_000);
    });
  });
}

// ── SQLite ──────────────────────────────────────────────────────────────────────────────────

let sqlite: Database | undefined;
beforeAll(async () => {
  sqlite = openDatabase('file::memory:');
  await sqlite.migrate();
});
afterAll(async () => {
  await sqlite?.close();
});

describeCompanySettingsContract('SQLite', () => ({
  database: sqlite as Database,
  async reset() {
    await (sqlite as Database).db.delete((sqlite as Database).tables.companySettings);
  },
}));

// ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────

let postgres: { database: Database; schema: string } | undefined;
let postgresProblem = POSTGRES_UNREACHABLE;

beforeAll(async () => {
  if (!(await isPostgresReachable())) return;
  const schema = `caller_settings_${randomBytes(6).toString('hex')}`;
  const database = openDatabase(`${POSTGRES_URL}?schema=${schema}`);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    postgresProblem = `PostgreSQL at ${POSTGRES_URL} refused the migrations: ${String(error)}`;
    return;
  }
  postgres = { database, schema };
});

afterAll(async () => {
  if (!postgres) return;
  await postgres.database.close();
  await dropPostgresSchema(postgres.schema);
});

describeCompanySettingsContract('PostgreSQL', () => {
  if (!postgres) throw new Error(postgresProblem);
  const { database, schema } = postgres;
  return {
    database,
    async reset() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`truncate "${schema}".company_settings`);
      } finally {
        await client.end();
      }
    },
  };
});
