import { and, eq, inArray } from 'drizzle-orm';
import type { AgentAvailability } from '@/application/ports/agent-availability.port';
import type { Database } from './database';

/** `AgentAvailability` in the `agent_availability` table (migration 0008); no row = available. */
export function createAgentAvailabilityStore(database: Database): AgentAvailability {
  const { db, tables } = database;
  const { agentAvailability } = tables;
  return {
    async isAvailable(agent) {
      const rows = await db
        .select({ available: agentAvailability.available })
        .from(agentAvailability)
        .where(and(eq(agentAvailability.companyId, agent.companyId), eq(agentAvailability.userId, agent.userId)))
        .limit(1);
      return rows[0]?.available ?? true;
    },
    async save(agent, available, at) {
      await db
        .insert(agentAvailability)
        .values({ companyId: agent.companyId, userId: agent.userId, available, updatedAt: at })
        .onConflictDoUpdate({ target: [agentAvailability.companyId, agentAvailability.userId], set: { available, updatedAt: at } });
    },
    async listUnavailable(companyIds) {
      if (companyIds.length === 0) return [];
      return db
        .select({ companyId: agentAvailability.companyId, userId: agentAvailability.userId })
        .from(agentAvailability)
        .where(and(inArray(agentAvailability.companyId, [...new Set(companyIds)]), eq(agentAvailability.available, false)));
    },
  };
}
