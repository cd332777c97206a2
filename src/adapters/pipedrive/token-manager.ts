import type { AccountKey, AccountRepository, AccountWithTokens } from '../db/account-repository';
import type { Logger } from '../../server/logger';
import type { OAuthClient } from './oauth-client';
import { AccountUnavailableError, PipedriveError } from './pipedrive-error';

export interface AccessGrant {
  accessToken: string;
  apiDomain: string;
  accessTokenExpiresAt: number;
}

export interface TokenManagerOptions {
  accounts: AccountRepository;
  oauth: Pick<OAuthClient, 'refresh'>;
  logger: Logger;
  now?: () => number;
  /** Refresh this long before the access token expires, so a request never leaves with a dying token. */
  refreshMarginMs?: number;
}

export interface GetAccessOptions {
  /** Refresh even if the token looks valid (Pipedrive answered 401 to `rejectedToken`). */
  forceRefresh?: boolean;
  rejectedToken?: string;
}

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000;
/**
 * A fresh token read from the database is reused this long in this process: a screen-pop makes
 * two requests back to back, each would otherwise read and decrypt the account again. Short, so a
 * disconnect or a refresh by another instance is seen quickly (a 401 refreshes at once anyway).
 */
export const GRANT_REUSE_MS = 10_000;

/**
 * Hands out valid access tokens per account. Refreshes early, at most once at a time per account
 * in this process (single flight), and stores tokens with a compare-and-swap on the token version
 * so a concurrent refresher elsewhere cannot be overwritten by an older token.
 */
export function createTokenManager(options: TokenManagerOptions) {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const inFlight = new Map<string, Promise<AccessGrant>>();
  const recent = new Map<string, { grant: AccessGrant; until: number }>();
  const log = options.logger;

  async function load(key: AccountKey): Promise<AccountWithTokens & { tokens: NonNullable<AccountWithTokens['tokens']> }> {
    const account = await options.accounts.findWithTokens(key);
    if (!account) throw new AccountUnavailableError('not_installed');
    if (account.status !== 'connected' || !account.tokens) throw new AccountUnavailableError('disconnected');
    return account as AccountWithTokens & { tokens: NonNullable<AccountWithTokens['tokens']> };
  }

  const grantOf = (account: AccountWithTokens & { tokens: NonNullable<AccountWithTokens['tokens']> }): AccessGrant => ({
    accessToken: account.tokens.accessToken,
    apiDomain: account.apiDomain,
    accessTokenExpiresAt: account.tokens.accessTokenExpiresAt,
  });

  async function refresh(key: AccountKey): Promise<AccessGrant> {
    const account = await load(key);
    try {
      const grant = await options.oauth.refresh(account.tokens.refreshToken);
      const saved = await options.accounts.saveRefreshedTokens(key, account.tokenVersion, {
        // Pipedrive documents that the refresh token does not rotate; store whatever comes back anyway.
        tokens: { accessToken: grant.accessToken, refreshToken: grant.refreshToken, accessTokenExpiresAt: grant.accessTokenExpiresAt },
        apiDomain: grant.apiDomain,
        scopes: grant.scopes || undefined,
      });
      if (saved) {
        log.debug({ companyId: key.companyId, userId: key.userId }, 'access token refreshed');
        return { accessToken: grant.accessToken, apiDomain: grant.apiDomain, accessTokenExpiresAt: grant.accessTokenExpiresAt };
      }
      // Someone else stored newer tokens meanwhile: theirs win.
      return grantOf(await load(key));
    } catch (error) {
      if (error instanceof PipedriveError && error.code === 'invalid_grant') {
        const current = await options.accounts.find(key);
        if (current && current.status === 'connected' && current.tokenVersion !== account.tokenVersion) {
          // Another process refreshed with the same refresh token first; use its result.
          return grantOf(await load(key));
        }
        await options.accounts.disconnect(key);
        log.warn({ companyId: key.companyId, userId: key.userId }, 'refresh token rejected (invalid_grant): account disconnected');
        throw new AccountUnavailableError('disconnected');
      }
      throw error;
    }
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
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
