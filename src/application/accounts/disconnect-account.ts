import type { AccountKey, AgentSessions, PipedriveOAuth, RevocationResult } from './account-ports';

export interface DisconnectAccountDeps {
  readonly oauth: Pick<PipedriveOAuth, 'revoke'>;
  readonly sessions: AgentSessions;
}

/**
 * The user's own "Disconnect": revokes the grant at Pipedrive (which uninstalls the app for this
 * user), deletes the stored tokens even when the revocation fails, and ends the user's open
 * windows' sessions. The result says whether Pipedrive confirmed.
 */
export async function disconnectAccount(deps: DisconnectAccountDeps, key: AccountKey): Promise<RevocationResult> {
  const result = await deps.oauth.revoke(key);
  deps.sessions.endSessions(key, 'disconnected');
  return result;
}
