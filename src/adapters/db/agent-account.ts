import { and, eq } from 'drizzle-orm';
import { findNamedAgents } from '@/domain/routing';
import type { Database } from './database';

/**
 * What the app knows of an agent asked for by id, email or name when no window of theirs rang:
 * an installed user on "Do not disturb" or with no window open, a user who uninstalled, or nobody who ever installed. The
 * app cannot list a company's other Pipedrive users (that needs the `users:read` scope it does not
 * ask for), so "nobody" means "has not installed the app", not "no such Pipedrive user".
 */
export type AgentAccountLookup = { kind: 'installed' | 'do_not_disturb' | 'uninstalled'; name: string } | { kind: 'not_installed' };

export async function findAgentAccount(database: Database, companyId: number, agent: string): Promise<AgentAccountLookup> {
  const { db, tables } = database;
  const { accounts, agentAvailability } = tables;
  // One row per user who ever installed in the company: few, so matched here with routing's own rules.
  const rows = await db
    .select({ userId: accounts.userId, name: accounts.name, email: accounts.email, status: accounts.status })
    .from(accounts)
    .where(eq(accounts.companyId, companyId));
  const named = findNamedAgents(rows.map((row) => ({ ...row, socketCount: 0 })), agent);
  if (named === undefined) return { kind: 'not_installed' };
  const matched = rows.filter((row) => named.agents.some((a) => a.userId === row.userId));
  const connected = matched.find((row) => row.status === 'connected');
  if (connected) {
    const away = await db
      .select({ userId: agentAvailability.userId })
      .from(agentAvailability)
      .where(and(eq(agentAvailability.companyId, companyId), eq(agentAvailability.userId, connected.userId), eq(agentAvailability.available, false)));
    return { kind: away.length > 0 ? 'do_not_disturb' : 'installed', name: connected.name };
  }
  return { kind: 'uninstalled', name: matched[0]!.name };
}
