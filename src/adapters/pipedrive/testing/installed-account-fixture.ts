import { createAccountRepository, type AccountKey, type AccountRepository } from '@/adapters/db/account-repository';
import { openDatabase, type Database } from '@/adapters/db/database';
import { createTokenCipher } from '@/adapters/session/token-cipher';

/** Test support for the gateway's tests: not used by the app. */

/** An in-memory, migrated database and its account repository (tokens encrypted as in the app). */
export async function openAccounts(now?: () => number): Promise<{ database: Database; accounts: AccountRepository }> {
  const database = openDatabase('file::memory:');
  await database.migrate();
  const accounts = createAccountRepository(database.db, database.tables, createTokenCipher('unit-test-session-secret-long-enough!!'), now);
  return { database, accounts };
}

/** Installs Ada of Acme with tokens `access-1` / `refresh-1`. */
export async function installAda(
  accounts: AccountRepository,
  options: { readonly key: AccountKey; readonly apiDomain: string; readonly accessTokenExpiresAt: number },
): Promise<void> {
  await accounts.install({
    ...options.key,
    name: 'Ada',
    email: 'ada@example.test',
    companyName: 'Acme',
    apiDomain: options.apiDomain,
    scopes: 'base',
    tokens: { accessToken: 'access-1', refreshToken: 'refresh-1', accessTokenExpiresAt: options.accessTokenExpiresAt },
  });
}
