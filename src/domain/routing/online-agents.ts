import type { AgentSession, OnlineAgent } from './routing.types';

/**
 * The company's online agents, one entry per user. An agent with windows on several app instances
 * shows up once per instance; those entries are merged. Sessions of other companies are dropped
 * here, first, so no later step can ever see them.
 */
export function onlineAgentsOfCompany(
  sessions: readonly AgentSession[],
  companyId: number,
): OnlineAgent[] {
  const byUser = new Map<number, OnlineAgent>();
  for (const session of sessions) {
    if (session.companyId !== companyId || session.socketCount <= 0) continue;
    const known = byUser.get(session.userId);
    byUser.set(session.userId, {
      userId: session.userId,
      name: session.name,
      email: session.email,
      socketCount: (known?.socketCount ?? 0) + session.socketCount,
    });
  }
  return [...byUser.values()].sort((a, b) => a.userId - b.userId);
}
