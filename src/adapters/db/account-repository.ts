import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { TokenCipher } from '@/adapters/session/token-cipher';
import type { Drizzle, Tables } from './database';

export type AccountStatus = 'connected' | 'disconnected';

export interface AccountKey {
  companyId: number;
  userId: number;
}

/** An installed Pipedrive user, without credentials: safe to pass around. */
export interface Account extends AccountKey {
  name: string;
  email: string;
  companyName: string;
  apiDomain: string;
  scopes: string;
  status: AccountStatus;
  accessTokenExpiresAt: number;
  tokenVersion: number;
  createdAt: number;
  updatedAt: number;
}

export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
}

export interface AccountWithTokens extends Account {
  tokens: OAuthTokens | null;
  /** The refresh lease (see `acquireRefreshLease`), if one was taken and not yet given back. */
  refreshLease: { owner: string; expiresAt: number } | null;
}

export interface InstallAccountInput extends AccountKey {
  name: string;
  email: string;
  companyName: string;
  apiDomain: string;
  scopes: string;
  tokens: OAuthTokens;
}

export interface RefreshedTokensInput {
  tokens: OAuthTokens;
  apiDomain?: string;
  scopes?: string;
}

/** Persistence of installed accounts. Tokens are encrypted before they reach the database. */
export interface AccountRepository {
  /** Creates or re-connects the account after an OAuth install; bumps the token version. */
  install(input: InstallAccountInput): Promise<Account>;
  find(key: AccountKey): Promise<Account | null>;
  findWithTokens(key: AccountKey): Promise<AccountWithTokens | null>;
  /**
   * Stores refreshed tokens only if the row still has `expectedVersion` (compare-and-swap), so a
   * slower refresher cannot overwrite a newer token. Returns false when another writer won.
   */
  saveRefreshedTokens(key: AccountKey, expectedVersion: number, input: RefreshedTokensInput): Promise<boolean>;
  /**
   * Takes the refresh lease of a connected account for `leaseMs` (one refresh at a time across app
   * instances): only while the row still has `expectedVersion` and no other owner holds an
   * unexpired lease. A conditional UPDATE, so exactly one of several racing instances wins.
   */
  acquireRefreshLease(key: AccountKey, lease: { owner: string; expectedVersion: number; leaseMs: number }): Promise<boolean>;
  /** Gives the lease back early (the refresh failed without changing the tokens); only its owner can. */
  releaseRefreshLease(key: AccountKey, owner: string): Promise<void>;
  /**
   * Deletes the stored tokens and marks the account disconnected (uninstall, revoked grant,
   * disconnect). With `expectedVersion`, only if no one stored newer tokens meanwhile.
   */
  disconnect(key: AccountKey, options?: { expectedVersion?: number }): Promise<boolean>;
  listConnectedByCompany(companyId: number): Promise<Account[]>;
}

type AccountRow = Tables['accounts']['$inferSelect'];

export function createAccountRepository(db: Drizzle, tables: Tables, cipher: TokenCipher, now: () => number = Date.now): AccountRepository {
  const { accounts } = tables;
  const byKey = (key: AccountKey) => and(eq(accounts.companyId, key.companyId), eq(accounts.userId, key.userId));
  const context = (key: AccountKey, field: 'access' | 'refresh') => `account:${key.companyId}:${key.userId}:${field}`;
  const encryptTokens = (key: AccountKey, tokens: OAuthTokens) => ({
    accessTokenEncrypted: cipher.encrypt(tokens.accessToken, context(key, 'access')),
    refreshTokenEncrypted: cipher.encrypt(tokens.refreshToken, context(key, 'refresh')),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
  });

  return {
    async install(input) {
      const timestamp = now();
      const profile = {
        name: input.name,
        email: input.email,
        companyName: input.companyName,
        apiDomain: input.apiDomain,
        scopes: input.scopes,
        status: 'connected' as const,
        ...encryptTokens(input, input.tokens),
        refreshLockOwner: null,
        refreshLockExpiresAt: null,
        updatedAt: timestamp,
      };
      const [row] = await db
        .insert(accounts)
        .values({ companyId: input.companyId, userId: input.userId, ...profile, tokenVersion: 1, createdAt: timestamp })
        .onConflictDoUpdate({
          target: [accounts.companyId, accounts.userId],
          set: { ...profile, tokenVersion: incrementVersion(accounts) },
        })
        .returning();
      return toAccount(required(row));
    },

    async find(key) {
      const [row] = await db.select().from(accounts).where(byKey(key)).limit(1);
      return row ? toAccount(row) : null;
    },

    async findWithTokens(key) {
      const [row] = await db.select().from(accounts).where(byKey(key)).limit(1);
      if (!row) return null;
      const tokens =
        row.accessTokenEncrypted && row.refreshTokenEncrypted
          ? {
              accessToken: cipher.decrypt(row.accessTokenEncrypted, context(key, 'access')),
              refreshToken: cipher.decrypt(row.refreshTokenEncrypted, context(key, 'refresh')),
              accessTokenExpiresAt: row.accessTokenExpiresAt,
            }
          : null;
      const refreshLease =
        row.refreshLockOwner !== null && row.refreshLockExpiresAt !== null ? { owner: row.refreshLockOwner, expiresAt: Number(row.refreshLockExpiresAt) } : null;
      return { ...toAccount(row), tokens, refreshLease };
    },

    async saveRefreshedTokens(key, expectedVersion, input) {
      const rows = await db
        .update(accounts)
        .set({
          ...encryptTokens(key, input.tokens),
          ...(input.apiDomain ? { apiDomain: input.apiDomain } : {}),
          ...(input.scopes ? { scopes: input.scopes } : {}),
          status: 'connected',
          tokenVersion: expectedVersion + 1,
          // New tokens end any refresh lease: waiters see the new version and use these tokens.
          refreshLockOwner: null,
          refreshLockExpiresAt: null,
          updatedAt: now(),
        })
        .where(and(byKey(key), eq(accounts.tokenVersion, expectedVersion), eq(accounts.status, 'connected')))
        .returning({ userId: accounts.userId });
      return rows.length === 1;
    },

    async acquireRefreshLease(key, lease) {
      const timestamp = now();
      const rows = await db
        .update(accounts)
        .set({ refreshLockOwner: lease.owner, refreshLockExpiresAt: timestamp + lease.leaseMs })
        .where(
          and(
            byKey(key),
            eq(accounts.status, 'connected'),
            eq(accounts.tokenVersion, lease.expectedVersion),
            or(isNull(accounts.refreshLockOwner), eq(accounts.refreshLockOwner, lease.owner), lt(accounts.refreshLockExpiresAt, timestamp)),
          ),
        )
        .returning({ userId: accounts.userId });
      return rows.length === 1;
    },

    async releaseRefreshLease(key, owner) {
      await db
        .update(accounts)
        .set({ refreshLockOwner: null, refreshLockExpiresAt: null })
        .where(and(byKey(key), eq(accounts.refreshLockOwner, owner)));
    },

    async disconnect(key, options = {}) {
      const rows = await db
        .update(accounts)
        .set({
          accessTokenEncrypted: null,
          refreshTokenEncrypted: null,
          accessTokenExpiresAt: 0,
          status: 'disconnected',
          tokenVersion: incrementVersion(accounts),
          refreshLockOwner: null,
          refreshLockExpiresAt: null,
          updatedAt: now(),
        })
        .where(options.expectedVersion === undefined ? byKey(key) : and(byKey(key), eq(accounts.tokenVersion, options.expectedVersion)))
        .returning({ userId: accounts.userId });
      return rows.length === 1;
    },

    async listConnectedByCompany(companyId) {
      const rows = await db
        .select()
        .from(accounts)
        .where(and(eq(accounts.companyId, companyId), eq(accounts.status, 'connected')));
      return rows.map(toAccount);
    },
  };
}

/** Incremented inside the UPDATE itself, so concurrent writers never reuse a version. */
function incrementVersion(accounts: Tables['accounts']) {
  return sql`${accounts.tokenVersion} + 1`;
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the database returned no row');
  return value;
}

function toAccount(row: AccountRow): Account {
  return {
    companyId: row.companyId,
    userId: row.userId,
    name: row.name,
    email: row.email,
    companyName: row.companyName,
    apiDomain: row.apiDomain,
    scopes: row.scopes,
    status: row.status,
    accessTokenExpiresAt: Number(row.accessTokenExpiresAt),
    tokenVersion: row.tokenVersion,
    createdAt: Number(row.createdAt),
    updatedAt: Number(row.updatedAt),
  };
}
