import type { AgentMatchedBy, OnlineAgent } from './routing.types';

export interface NamedAgentsMatch {
  readonly agents: OnlineAgent[];
  readonly matchedBy: Exclude<AgentMatchedBy, 'any'>;
}

/**
 * The agents an `agent` string designates, tried as user id, then email, then name (the most
 * precise identifier wins, so a user literally named "42" cannot capture calls meant for user 42).
 * Email and name compare case-insensitively. A name shared by two users designates both: ringing
 * both and letting the first answer win beats dropping the call or guessing.
 */
export function findNamedAgents(
  agents: readonly OnlineAgent[],
  agent: string,
): NamedAgentsMatch | undefined {
  const wanted = agent.trim();
  const byId = agents.filter((a) => String(a.userId) === wanted);
  if (byId.length > 0) return { agents: byId, matchedBy: 'id' };
  const byEmail = agents.filter((a) => foldCase(a.email) === foldCase(wanted));
  if (byEmail.length > 0) return { agents: byEmail, matchedBy: 'email' };
  const byName = agents.filter((a) => foldCase(a.name) === foldCase(wanted));
  if (byName.length > 0) return { agents: byName, matchedBy: 'name' };
  return undefined;
}

/** Case- and spacing-insensitive form: "  Ada   LOVELACE " equals "ada lovelace". */
function foldCase(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
