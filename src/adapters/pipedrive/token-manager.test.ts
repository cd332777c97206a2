import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountRepository } from '@/adapters/db/account-repository';
import type { Database } from '@/adapters/db/database';
import { installAda, openAccounts } from '@/adapters/pipedrive/testing/installed-account-fixture';
import type { TokenGrant } from './oauth-client';
import { AccountUnavailableError, PipedriveError } from './pipedrive-error';
import { createTokenManager, type TokenManagerOptions } from './token-manager';

const KEY = { companyId: 5, userId: 9 };
const API = 'https://acme.pipedrive.test';
const invalidGrant = () => new PipedriveError({ kind: 'validation', status: 400, message: 'token refresh: invalid grant', code: 'invalid_grant' });
const grant = (n: number): TokenGrant => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  accessTokenExpiresAt: 1_700_000_000_000 + 3_600_000,
  apiDomain: API,
  scopes: 'base',
});

/**
 * Two token managers over one database stand for two app instances: the lease lives in the
 * accounts row, so what they coordinate through is the same as in production.
 */
describe('token manager: refresh lease across instances', () => {
  let database: Database;
  let accounts: AccountRepository;
  let dbNow: number;
  let sleeps: number;

  beforeEach(async () => {
    dbNow = 1_700_000_000_000;
    sleeps = 0;
    ({ database, accounts } = await openAccounts(() => dbNow));
    await installAda(accounts, { key: KEY, apiDomain: API, accessTokenExpiresAt: dbNow + 3_600_000 });
  });
  afterEach(async () => database.close());

  function manager(instanceId: string, overrides: Partial<TokenManagerOptions> = {}) {
    return createTokenManager({
      accounts,
      oauth: { refresh: vi.fn(), revoke: vi.fn() },
      logger: pino({ level: 'silent' }),
      now: () => dbNow,
      // Yields so the other "instance" progresses, without real waiting.
      sleep: async () => {
        sleeps += 1;
        await new Promise((resolve) => setImmediate(resolve));
      },
      lease: { leaseMs: 10_000, pollMs: 10, maxPolls: 50, invalidGrantPolls: 5, saveAttempts: 4 },
      instanceId,
      ...overrides,
    });
  }

  const forced = { forceRefresh: true, rejectedToken: 'access-1' };

  it('refreshes once when two instances are asked at the same time; the waiter uses the stored token', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const refresh = vi.fn(async () => {
      await gate;
      return grant(2);
    });
    // The waiter polls until the refresher has stored its tokens, however long that takes here.
    const patient = {
      sleep: async () => {
        sleeps += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
      lease: { leaseMs: 10_000, pollMs: 1, maxPolls: 10_000, invalidGrantPolls: 5, saveAttempts: 4 },
    };
    const a = manager('a', { oauth: { refresh, revoke: vi.fn() }, ...patient });
    const b = manager('b', { oauth: { refresh, revoke: vi.fn() }, ...patient });
    const calls = [a, b, a, b].map((m) => m.getAccess(KEY, forced));
    // One instance is refreshing and the other is waiting for it.
    await vi.waitFor(() => expect(refresh.mock.calls.length === 1 && sleeps > 0).toBe(true));
    release();
    const results = await Promise.all(calls);
    expect(results.map((r) => r.accessToken)).toEqual(['access-2', 'access-2', 'access-2', 'access-2']);
    expect(refresh).toHaveBeenCalledTimes(1);
    const stored = await accounts.findWithTokens(KEY);
    expect(stored?.tokens).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(stored?.status).toBe('connected');
  });

  it('a waiter does not refresh while another instance holds an unexpired lease, and gives up with a retryable error', async () => {
    expect(await accounts.acquireRefreshLease(KEY, { owner: 'ghost', expectedVersion: 1, leaseMs: 60_000 })).toBe(true);
    const refresh = vi.fn(async () => grant(2));
    const b = manager('b', { oauth: { refresh, revoke: vi.fn() } });
    const error = await b.getAccess(KEY, forced).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipedriveError);
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    expect(refresh).not.toHaveBeenCalled();
    expect(sleeps).toBe(50);
  });

  it('takes over a lease that expired (its holder crashed)', async () => {
    await accounts.acquireRefreshLease(KEY, { owner: 'ghost', expectedVersion: 1, leaseMs: 5_000 });
    dbNow += 5_001;
    const refresh = vi.fn(async () => grant(2));
    const b = manager('b', { oauth: { refresh, revoke: vi.fn() } });
    expect((await b.getAccess(KEY, forced)).accessToken).toBe('access-2');
    expect(refresh).toHaveBeenCalledWith('refresh-1');
  });

  it('an invalid_grant after a peer rotated the refresh token does not disconnect: the peer’s saved tokens are used', async () => {
    // The peer ("ghost") refreshed with refresh-1 (now dead), stalled past its lease, then saves.
    await accounts.acquireRefreshLease(KEY, { owner: 'ghost', expectedVersion: 1, leaseMs: 5_000 });
    dbNow += 5_001;
    const refresh = vi.fn(async () => {
      throw invalidGrant();
    });
    let peerSaved = false;
    const b = manager('b', {
      oauth: { refresh, revoke: vi.fn() },
      sleep: async () => {
        if (!peerSaved) {
          peerSaved = await accounts.saveRefreshedTokens(KEY, 1, { tokens: grant(2) });
        }
      },
    });
    expect((await b.getAccess(KEY, forced)).accessToken).toBe('access-2');
    const stored = await accounts.findWithTokens(KEY);
    expect(stored).toMatchObject({ status: 'connected' });
    expect(stored?.tokens?.refreshToken).toBe('refresh-2');
  });

  it('after taking over a lapsed lease, an invalid_grant never disconnects: it fails retryably and the next try decides', async () => {
    await accounts.acquireRefreshLease(KEY, { owner: 'ghost', expectedVersion: 1, leaseMs: 5_000 });
    dbNow += 5_001;
    const refresh = vi.fn(async (): Promise<TokenGrant> => {
      throw invalidGrant();
    });
    const b = manager('b', { oauth: { refresh, revoke: vi.fn() } });
    await expect(b.getAccess(KEY, forced)).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
    const after = await accounts.findWithTokens(KEY);
    expect(after).toMatchObject({ status: 'connected', refreshLease: null });
    expect(after?.tokens?.refreshToken).toBe('refresh-1');
    // No peer stored anything: with a free lease, the rejected grant now disconnects the account.
    await expect(b.getAccess(KEY, forced)).rejects.toBeInstanceOf(AccountUnavailableError);
    expect(await accounts.findWithTokens(KEY)).toMatchObject({ status: 'disconnected', tokens: null });
  });

  it('a real invalid_grant (revoked grant) disconnects the account and deletes its tokens', async () => {
    const b = manager('b', {
      oauth: {
        refresh: async () => {
          throw invalidGrant();
        },
        revoke: vi.fn(),
      },
    });
    await expect(b.getAccess(KEY, forced)).rejects.toBeInstanceOf(AccountUnavailableError);
    const stored = await accounts.findWithTokens(KEY);
    expect(stored).toMatchObject({ status: 'disconnected' });
    expect(stored?.tokens).toBeNull();
  });

  it('retries a failing save so a rotated refresh token is not lost', async () => {
    let failures = 2;
    const flaky: AccountRepository = {
      ...accounts,
      async saveRefreshedTokens(key, version, input) {
        if (failures > 0) {
          failures -= 1;
          throw new Error('database is locked');
        }
        return accounts.saveRefreshedTokens(key, version, input);
      },
    };
    const refresh = vi.fn(async () => grant(2));
    const a = manager('a', { accounts: flaky, oauth: { refresh, revoke: vi.fn() } });
    expect((await a.getAccess(KEY, forced)).accessToken).toBe('access-2');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect((await accounts.findWithTokens(KEY))?.tokens?.refreshToken).toBe('refresh-2');
  });

  it('gives the lease back when the refresh fails for another reason, so the next try is not blocked', async () => {
    const refresh = vi
      .fn<(token: string) => Promise<TokenGrant>>()
      .mockRejectedValueOnce(new PipedriveError({ kind: 'unavailable', status: 503, message: 'token refresh: 503' }))
      .mockResolvedValueOnce(grant(2));
    const a = manager('a', { oauth: { refresh, revoke: vi.fn() } });
    const b = manager('b', { oauth: { refresh, revoke: vi.fn() } });
    await expect(a.getAccess(KEY, forced)).rejects.toMatchObject({ kind: 'unavailable' });
    expect((await accounts.findWithTokens(KEY))?.status).toBe('connected');
    expect((await b.getAccess(KEY, forced)).accessToken).toBe('access-2');
    expect(sleeps).toBe(0);
  });

  it('disconnect revokes the refresh token and deletes the tokens', async () => {
    const revoke = vi.fn(async () => undefined);
    const a = manager('a', { oauth: { refresh: vi.fn(), revoke } });
    expect(await a.disconnect(KEY)).toEqual({ revoked: true });
    expect(revoke).toHaveBeenCalledWith('refresh-1', 'refresh_token');
    const stored = await accounts.findWithTokens(KEY);
    expect(stored).toMatchObject({ status: 'disconnected' });
    expect(stored?.tokens).toBeNull();
  });

  it('disconnect deletes the tokens even when Pipedrive refuses the revocation, and says so', async () => {
    const failure = new PipedriveError({ kind: 'unavailable', status: 503, message: 'token revocation: 503' });
    const a = manager('a', {
      oauth: {
        refresh: vi.fn(),
        revoke: async () => {
          throw failure;
        },
      },
    });
    expect(await a.disconnect(KEY)).toEqual({ revoked: false, reason: 'revoke_failed', error: failure });
    expect((await accounts.findWithTokens(KEY))?.tokens).toBeNull();
    await expect(a.getAccess(KEY)).rejects.toBeInstanceOf(AccountUnavailableError);
  });
});
