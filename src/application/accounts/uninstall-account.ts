import type { Logger } from '@/application/ports/logger.port';
import type { AccountKey, AccountRegistry, AgentSessions } from './account-ports';

export interface UninstallAccountDeps {
  readonly accounts: Pick<AccountRegistry, 'disconnect'>;
  readonly sessions: AgentSessions;
  readonly logger: Logger;
}

/**
 * Pipedrive's uninstall notice (already authenticated by the route): the user's tokens are
 * deleted and their open windows told the session ended. Idempotent: a second notice removes nothing.
 */
export async function uninstallAccount(deps: UninstallAccountDeps, key: AccountKey): Promise<{ removed: boolean }> {
  const removed = await deps.accounts.disconnect(key);
  deps.sessions.endSessions(key, 'disconnected');
  deps.logger.info({ ...key, removed }, 'app uninstalled by Pipedrive');
  return { removed };
}
