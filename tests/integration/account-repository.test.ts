import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRepository, type AccountRepository, type InstallAccountInput } from '@/adapters/db/account-repository';
import { openDatabase, type Database } from '@/adapters/db/database';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { actualSchema, declaredSchema } from '../support/database-schema';
import { POSTGRES_UNREACHABLE, POSTGRES_URL, isPostgresReachable } from '../support/postgres';

const input = (overrides: Partial<InstallAccountInput> = {}): InstallAccountInput => ({
  companyId: 42,
  userId: 7,
  name: 'Ada Lovelace',
  email: 'ada@example.test',
  companyName: 'Acme',
  apiDomain: 'https://acme.pipedrive.test',
  scopes: 'base,contacts:full',
  tokens: { accessToken: 'access-secret-1', refreshToken: 'refresh-secret-1', accessTokenExpiresAt: 1_800_000_000_000 },
  ...overrides,
});

/** The same behaviour, run once per engine. */
function describeRepository(engine: string, open: () => Promise<{ database: Database; cleanup(): Promise<void> }>) {
  describe(`AccountRepository on ${engine}`, () => {
    let database: Database;
    let cleanup: () => Promise<void>;
    let accounts: AccountRepository;

    beforeAll(async () => {
      ({ database, cleanup } = await open());
      await database.migrate();
      accounts = createAccountRepository(database.db, database.tables, createTokenCipher('integration-session-secret-long-enough!!'));
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('migrations are idempotent', async () => {
      const first = await actualSchema(database);
      // Every table and column the schema declares, and every index (hand-written ones included).
      const declared = declaredSchema(database);
      expect(Object.keys(first).sort()).toEqual(Object.keys(declared).sort());
      for (const [table, { columns, indexes }] of Object.entries(declared)) {
        expect(first[table]?.columns, `columns of ${table}`).toEqual(columns);
        expect(first[table]?.indexes, `indexes of ${table}`).toEqual(expect.arrayContaining(indexes));
      }
      expect(Object.keys(first).length).toBeGreaterThanOrEqual(7);
      // Running them again changes nothing.
      await database.migrate();
      await database.ping();
      expect(await actualSchema(database)).toEqual(first);
    });

    it('installs an account and reads it back with decrypted tokens', async () => {
      const installed = await accounts.install(input());
      expect(installed).toMatchObject({ companyId: 42, userId: 7, name: 'Ada Lovelace', status: 'connected', tokenVersion: 1 });
      const found = await accounts.findWithTokens({ companyId: 42, userId: 7 });
      expect(found?.tokens).toEqual({ accessToken: 'access-secret-1', refreshToken: 'refresh-secret-1', accessTokenExpiresAt: 1_800_000_000_000 });
      expect(await accounts.find({ companyId: 42, userId: 8 })).toBeNull();
      expect(await accounts.find({ companyId: 43, userId: 7 })).toBeNull();
    });

    it('never stores a token in clear', async () => {
      const { accounts: table } = database.tables;
      const rows = await database.db.select().from(table);
      const raw = JSON.stringify(rows);
      expect(raw).not.toContain('access-secret-1');
      expect(raw).not.toContain('refresh-secret-1');
    });

    it('re-installing updates the profile and bumps the token version', async () => {
      const again = await accounts.install(input({ name: 'Ada King', tokens: { accessToken: 'access-secret-2', refreshToken: 'refresh-secret-2', accessTokenExpiresAt: 1_800_000_100_000 } }));
      expect(again).toMatchObject({ name: 'Ada King', tokenVersion: 2, status: 'connected' });
      expect((await accounts.findWithTokens(again))?.tokens?.accessToken).toBe('access-secret-2');
    });

    it('stores refreshed tokens only with the expected version (compare-and-swap)', async () => {
      const key = { companyId: 42, userId: 7 };
      const current = await accounts.find(key);
      const tokens = { accessToken: 'access-secret-3', refreshToken: 'refresh-secret-3', accessTokenExpiresAt: 1_800_000_200_000 };
      expect(await accounts.saveRefreshedTokens(key, current!.tokenVersion - 1, { tokens })).toBe(false);
      expect(await accounts.saveRefreshedTokens(key, current!.tokenVersion, { tokens, apiDomain: 'https://acme2.pipedrive.test' })).toBe(true);
      expect(await accounts.saveRefreshedTokens(key, current!.tokenVersion, { tokens })).toBe(false);
      const after = await accounts.findWithTokens(key);
      expect(after).toMatchObject({ tokenVersion: current!.tokenVersion + 1, apiDomain: 'https://acme2.pipedrive.test' });
      expect(after?.tokens?.refreshToken).toBe('refresh-secret-3');
    });

    it('hands the refresh lease to one owner at a time, for the current token version only', async () => {
      let clock = 1_000_000;
      const timed = createAccountRepository(database.db, database.tables, createTokenCipher('integration-session-secret-long-enough!!'), () => clock);
      const key = { companyId: 77, userId: 31 };
      const { tokenVersion } = await timed.install(input({ ...key }));
      const lease = (owner: string, expectedVersion = tokenVersion) => timed.acquireRefreshLease(key, { owner, expectedVersion, leaseMs: 1_000 });

      expect(await lease('a', tokenVersion + 1)).toBe(false);
      expect(await lease('a')).toBe(true);
      expect(await lease('b')).toBe(false);
      expect(await lease('a')).toBe(true); // its owner may renew it
      clock += 1_001;
      expect(await lease('b')).toBe(true); // lapsed: taken over
      await timed.releaseRefreshLease(key, 'a'); // not a's any more: no effect
      expect(await lease('a')).toBe(false);
      await timed.releaseRefreshLease(key, 'b');
      expect(await lease('a')).toBe(true);

      // Storing refreshed tokens ends the lease; the next lease is for the new version.
      expect(await timed.saveRefreshedTokens(key, tokenVersion, { tokens: input().tokens })).toBe(true);
      expect(await lease('b')).toBe(false);
      expect(await lease('b', tokenVersion + 1)).toBe(true);

      // A disconnected account has nothing to refresh.
      expect(await timed.disconnect(key, { expectedVersion: tokenVersion })).toBe(false);
      expect(await timed.disconnect(key, { expectedVersion: tokenVersion + 1 })).toBe(true);
      expect(await lease('a', tokenVersion + 2)).toBe(false);
    });

    it('disconnect deletes the tokens and keeps the account as disconnected', async () => {
      const key = { companyId: 42, userId: 7 };
      expect(await accounts.disconnect(key)).toBe(true);
      const after = await accounts.findWithTokens(key);
      expect(after).toMatchObject({ status: 'disconnected' });
      expect(after?.tokens).toBeNull();
      expect(await accounts.saveRefreshedTokens(key, after!.tokenVersion, { tokens: input().tokens })).toBe(false);
      expect(await accounts.disconnect({ companyId: 1, userId: 1 })).toBe(false);
    });

    it('lists the connected accounts of one company only', async () => {
      await accounts.install(input({ userId: 11 }));
      await accounts.install(input({ userId: 12 }));
      await accounts.install(input({ companyId: 99, userId: 13 }));
      const listed = await accounts.listConnectedByCompany(42);
      expect(listed.map((account) => account.userId).sort()).toEqual([11, 12]);
    });

    it('commits a transaction and rolls one back on error', async () => {
      await database.transaction(async (tx) => {
        const inTx = createAccountRepository(tx, database.tables, createTokenCipher('integration-session-secret-long-enough!!'));
        await inTx.install(input({ userId: 21 }));
      });
      expect(await accounts.find({ companyId: 42, userId: 21 })).not.toBeNull();
      await expect(
        database.transaction(async (tx) => {
          const inTx = createAccountRepository(tx, database.tables, createTokenCipher('integration-session-secret-long-enough!!'));
          await inTx.install(input({ userId: 22 }));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await accounts.find({ companyId: 42, userId: 22 })).toBeNull();
    });
  });
}

describeRepository('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caller-sqlite-'));
  const database = openDatabase(`file:${join(dir, 'test.sqlite')}`);
  return { database, cleanup: () => database.close() };
});

describeRepository('PostgreSQL', async () => {
  if (!(await isPostgresReachable())) {
    throw new Error(POSTGRES_UNREACHABLE);
  }
  const schema = `caller_test_${randomBytes(6).toString('hex')}`;
  const database = openDatabase(`${POSTGRES_URL}?schema=${schema}`);
  return {
    database,
    async cleanup() {
      await database.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
});
