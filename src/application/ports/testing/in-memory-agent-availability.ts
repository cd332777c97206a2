import type { AgentAvailability, AgentRef } from '../agent-availability.port';

/** `AgentAvailability` in a map (tests; instances sharing one object share the value like the database). */
export class InMemoryAgentAvailability implements AgentAvailability {
  private readonly values = new Map<string, { agent: AgentRef; available: boolean; at: number }>();
  /** Makes the next `save` reject (a database failure). */
  failNextSave = false;

  async isAvailable(agent: AgentRef): Promise<boolean> {
    return this.values.get(`${agent.companyId}:${agent.userId}`)?.available ?? true;
  }

  async save(agent: AgentRef, available: boolean, at: number): Promise<void> {
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new Error('availability store is down');
    }
    this.values.set(`${agent.companyId}:${agent.userId}`, { agent: { companyId: agent.companyId, userId: agent.userId }, available, at });
  }

  async listUnavailable(companyIds: readonly number[]): Promise<AgentRef[]> {
    return [...this.values.values()].filter((v) => !v.available && companyIds.includes(v.agent.companyId)).map((v) => v.agent);
  }
}
