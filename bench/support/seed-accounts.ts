import { createAccountRepository } from '@/adapters/db/account-repository';
import { openDatabase } from '@/adapters/db/database';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import type { SandboxTokens } from './sandbox-oauth';

/** An agent the bench connects and rings: a Pipedrive user of one of the bench's companies. */
export interface BenchAgent {
  companyId: number;
  userId: number;
}

/** `count` agents spread round-robin over `companies` companies, ids far from the sandbox's own (7351, 2000x). */
export function planAgents({ companies, count, firstCompanyId, firstUserId }: { companies: number; count: number; firstCompanyId: number; firstUserId: number }): BenchAgent[] {
  return Array.from({ length: count }, (_, index) => ({ companyId: firstCompanyId + (index % companies), userId: firstUserId + index }));
}

/**
 * Installs the agents in the app's database through the app's own account repository (tokens
 * encrypted with the app's session secret), as the OAuth callback would have. The sandbox holds one
 * company, so every bench account carries the tokens of one real sandbox install: screen-pop lookups
 * of every bench company hit that sandbox company's data.
 */
export async function seedAccounts(databaseUrl: string, sessionSecret: string, agents: readonly BenchAgent[], tokens: SandboxTokens): Promise<void> {
  const database = openDatabase(databaseUrl);
  try {
    await database.migrate();
    const accounts = createAccountRepository(database.db, database.tables, createTokenCipher(sessionSecret));
    for (const agent of agents) {
      await accounts.install({
        ...agent,
        name: `Bench Agent ${agent.userId}`,
        email: `agent${agent.userId}@bench.invalid`,
        companyName: `Bench Company ${agent.companyId}`,
        apiDomain: tokens.apiDomain,
        scopes: tokens.scope,
        tokens: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, accessTokenExpiresAt: tokens.expiresAt },
      });
    }
  } finally {
    await database.close();
  }
}
