import { randomUUID } from 'node:crypto';
import type { AccountKey, AccountRepository, AccountWithTokens, OAuthTokens } from '@/adapters/db/account-repository';
import type { Logger } from 'pino';
import type { OAuthClient, TokenGrant } from './oauth-client';
import { AccountUnavailableError, PipedriveError } from './pipedrive-error';

export interface AccessGrant {
  accessToken: string;
  apiDomain: string;
  accessTokenExpiresAt: number;
}

/** How the refresh lease behaves; the defaults suit production, tests shrink them. */
export interface RefreshLeaseOptions {
  /** How long a lease holds. Longer than one refresh call (HTTP timeout) plus the save retries. */
  leaseMs: number;
  /** How often a waiter re-reads the account while another instance refreshes. */
  pollMs: number;
  /** How many polls a waiter makes before giving up with a retryable error. */
  maxPolls: number;
  /** After invalid_grant, how many polls to wait for a peer's rotated token to land before disconnecting. */
  invalidGrantPolls: number;
  /** Attempts at saving refreshed tokens (the new refresh token must not be lost). */
  saveAttempts: number;
}

export const DEFAULT_REFRESH_LEASE: RefreshLeaseOptions = {
  leaseMs: 30_000,
  pollMs: 100,
  maxPolls: 350,
  // Longer than a peer's save retries (saveAttempts: about 1.5 s of back-off), so its rotated token lands first.
  invalidGrantPolls: 40,
  saveAttempts: 5,
};

export interface TokenManagerOptions {
  accounts: AccountRepository;
  oauth: Pick<OAuthClient, 'refresh' | 'revoke'>;
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Refresh this long before the access token expires, so a request never leaves with a dying token. */
  refreshMarginMs?: number;
  lease?: Partial<RefreshLeaseOptions>;
  /** Names this instance in the lease column; unique per process by default. */
  instanceId?: string;
}

export interface GetAccessOptions {
  /** Refresh even if the token looks valid (Pipedrive answered 401 to `rejectedToken`). */
  forceRefresh?: boolean;
  rejectedToken?: string;
}

/** What the app's own "Disconnect" did: tokens are always deleted; the revoke at Pipedrive may fail. */
export type DisconnectResult = { revoked: true } | { revoked: false; reason: 'no_tokens' } | { revoked: false; reason: 'revoke_failed'; error: PipedriveError };

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000;
/**
 * A fresh token read from the database is reused this long in this process: a screen-pop makes
 * two requests back to back, each would otherwise read and decrypt the account again. Short, so a
 * disconnect or a refresh by another instance is seen quickly (a 401 refreshes at once anyway).
 */
export const GRANT_REUSE_MS = 10_000;

type Connected = AccountWithTokens & { tokens: OAuthTokens };

/**
 * Hands out valid access tokens per account. Refreshes early, at most once at a time per account:
 * in this process by single flight, across app instances by a lease in the accounts row (taken
 * with a conditional UPDATE). Instances that do not hold the lease poll until the token version
 * changes and use the stored result. Refreshed tokens are stored with a compare-and-swap on the
 * token version before anyone uses them, so a rotated refresh token is never lost.
 */
export function createTokenManager(options: TokenManagerOptions) {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const lease = { ...DEFAULT_REFRESH_LEASE, ...options.lease };
  const owner = options.instanceId ?? `instance-${randomUUID()}`;
  const inFlight = new Map<string, Promise<AccessGrant>>();
  const recent = new Map<string, { grant: AccessGrant; until: number }>();
  const log = options.logger;
  const { accounts } = options;

  async function load(key: AccountKey): Promise<Connected> {
    const account = await accounts.findWithTokens(key);
    if (!account) throw new AccountUnavailableError('not_installed');
    if (account.status !== 'connected' || !account.tokens) throw new AccountUnavailableError('disconnected');
    return account as Connected;
  }

  const grantOf = (account: Connected): AccessGrant => ({
    accessToken: account.tokens.accessToken,
    apiDomain: account.apiDomain,
    accessTokenExpiresAt: account.tokens.accessTokenExpiresAt,
  });

  /** Refreshes, or waits for the instance holding the lease and uses what it stored. */
  async function refresh(key: AccountKey): Promise<AccessGrant> {
    const start = await load(key);
    for (let poll = 0; ; poll += 1) {
      const account = poll === 0 ? start : await load(key);
      if (account.tokenVersion !== start.tokenVersion) return grantOf(account);
      // A lease of another instance that lapsed: it may have rotated the refresh token and not stored it yet.
      const takesOver = account.refreshLease !== null && account.refreshLease.owner !== owner;
      if (await accounts.acquireRefreshLease(key, { owner, expectedVersion: start.tokenVersion, leaseMs: lease.leaseMs })) {
        return refreshHoldingLease(key, start, takesOver);
      }
      if (poll >= lease.maxPolls) {
        throw new PipedriveError({ kind: 'unavailable', status: 0, message: 'token refresh: another instance is still refreshing', retryable: true });
      }
      await sleep(lease.pollMs);
    }
  }

  async function refreshHoldingLease(key: AccountKey, account: Connected, tookOver: boolean): Promise<AccessGrant> {
    let grant: TokenGrant;
    try {
      grant = await options.oauth.refresh(account.tokens.refreshToken);
    } catch (error) {
      if (error instanceof PipedriveError && error.code === 'invalid_grant') return onInvalidGrant(key, account, tookOver);
      await accounts.releaseRefreshLease(key, owner).catch((release: unknown) => log.warn({ err: release }, 'could not release the refresh lease'));
      throw error;
    }
    const tokens = { accessToken: grant.accessToken, refreshToken: grant.refreshToken, accessTokenExpiresAt: grant.accessTokenExpiresAt };
    const saved = await saveWithRetry(key, account.tokenVersion, { tokens, apiDomain: grant.apiDomain, scopes: grant.scopes || undefined });
    if (saved) {
      log.debug({ companyId: key.companyId, userId: key.userId }, 'access token refreshed');
      return { accessToken: grant.accessToken, apiDomain: grant.apiDomain, accessTokenExpiresAt: grant.accessTokenExpiresAt };
    }
    // Someone stored newer tokens meanwhile (our lease had lapsed): theirs win.
    return grantOf(await load(key));
  }

  /**
   * The refresh token may be rotated: it must be stored before the access token is used, or the
   * next refresh fails for good. A failing save is retried (renewing the lease); false = another
   * writer already stored newer tokens.
   */
  async function saveWithRetry(key: AccountKey, version: number, input: Parameters<AccountRepository['saveRefreshedTokens']>[2]): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await accounts.saveRefreshedTokens(key, version, input);
      } catch (error) {
        // Not the error itself: a failed query's message carries its parameters (the encrypted tokens).
        const code = (error as { code?: unknown } | null)?.code;
        log.error({ error: error instanceof Error ? error.name : 'unknown', code, companyId: key.companyId, userId: key.userId, attempt }, 'could not store refreshed tokens; retrying');
        if (attempt >= lease.saveAttempts) throw error;
        await sleep(Math.min(2_000, 100 * 2 ** (attempt - 1)));
        await accounts.acquireRefreshLease(key, { owner, expectedVersion: version, leaseMs: lease.leaseMs }).catch(() => false);
      }
    }
  }

  /**
   * invalid_grant: either the grant was revoked, or a peer rotated the refresh token and is about
   * to store it (we took over its lapsed lease). Wait a little for a newer version. After taking
   * over, never disconnect: give the lease back and fail retryably (the next try, with a free
   * lease, decides). Otherwise disconnect, only if the version is still the one we refreshed from.
   */
  async function onInvalidGrant(key: AccountKey, account: Connected, tookOver: boolean): Promise<AccessGrant> {
    for (let poll = 0; poll <= lease.invalidGrantPolls; poll += 1) {
      const current = await accounts.find(key);
      if (current && current.tokenVersion !== account.tokenVersion) {
        if (current.status === 'connected') return grantOf(await load(key));
        throw new AccountUnavailableError('disconnected');
      }
      if (poll < lease.invalidGrantPolls) await sleep(lease.pollMs);
    }
    if (tookOver) {
      await accounts.releaseRefreshLease(key, owner);
      log.warn({ companyId: key.companyId, userId: key.userId }, 'refresh token rejected after taking over a lapsed refresh lease; not disconnecting yet');
      throw new PipedriveError({ kind: 'unavailable', status: 0, message: 'token refresh: another instance may hold the new refresh token', retryable: true });
    }
    if (!(await accounts.disconnect(key, { expectedVersion: account.tokenVersion }))) return grantOf(await load(key));
    log.warn({ companyId: key.companyId, userId: key.userId }, 'refresh token rejected (invalid_grant): account disconnected, tokens deleted');
    throw new AccountUnavailableError('disconnected');
  }

  return {
    async getAccess(key: AccountKey, access: GetAccessOptions = {}): Promise<AccessGrant> {
      const id = `${key.companyId}:${key.userId}`;
      const pending = inFlight.get(id);
      if (pending) return pending;
      const reused = recent.get(id);
      if (reused !== undefined && !access.forceRefresh && reused.until > now() && reused.grant.accessTokenExpiresAt - now() > margin) {
        return reused.grant;
      }
      recent.delete(id);
      const account = await load(key);
      const isFresh = account.tokens.accessTokenExpiresAt - now() > margin;
      if (!access.forceRefresh && isFresh) {
        if (recent.size >= 10_000) recent.clear();
        recent.set(id, { grant: grantOf(account), until: now() + GRANT_REUSE_MS });
        return grantOf(account);
      }
      if (access.forceRefresh && access.rejectedToken !== undefined && access.rejectedToken !== account.tokens.accessToken) {
        // The rejected token was already replaced (by a refresh that finished meanwhile).
        return grantOf(account);
      }
      const again = inFlight.get(id);
      if (again) return again;
      const flight = refresh(key).finally(() => inFlight.delete(id));
      inFlight.set(id, flight);
      return flight;
    },

    /**
     * The app's own "Disconnect": revokes the refresh token at Pipedrive (which uninstalls the app
     * for the user) and deletes the stored tokens whatever Pipedrive answered.
     */
    async disconnect(key: AccountKey): Promise<DisconnectResult> {
      const account = await accounts.findWithTokens(key);
      if (!account) throw new AccountUnavailableError('not_installed');
      let result: DisconnectResult = { revoked: false, reason: 'no_tokens' };
      try {
        if (account.tokens) {
          await options.oauth.revoke(account.tokens.refreshToken, 'refresh_token');
          result = { revoked: true };
        }
      } catch (error) {
        if (!(error instanceof PipedriveError)) throw error;
        log.error({ companyId: key.companyId, userId: key.userId, status: error.status, kind: error.kind }, 'Pipedrive did not confirm the token revocation');
        result = { revoked: false, reason: 'revoke_failed', error };
      } finally {
        await accounts.disconnect(key);
      }
      log.info({ companyId: key.companyId, userId: key.userId, revoked: result.revoked }, 'account disconnected by the user; tokens deleted');
      return result;
    },
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
