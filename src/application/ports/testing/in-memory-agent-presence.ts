import type { AgentSession } from '@/domain/routing';
import type { AgentPresence } from '@/application/ports/agent-presence.port';

export interface FakeAgent {
  readonly companyId: number;
  readonly userId: number;
  readonly name: string;
  readonly email: string;
}

/** For tests: agents come online with a number of open tabs. */
export class InMemoryAgentPresence implements AgentPresence {
  private readonly sessions = new Map<string, AgentSession>();

  connect(agent: FakeAgent, tabs = 1): this {
    this.sessions.set(`${agent.companyId}:${agent.userId}`, { ...agent, socketCount: tabs });
    return this;
  }

  disconnect(agent: Pick<FakeAgent, 'companyId' | 'userId'>): void {
    this.sessions.delete(`${agent.companyId}:${agent.userId}`);
  }

  async listAvailableSessions(companyId: number): Promise<AgentSession[]> {
    return [...this.sessions.values()].filter((s) => s.companyId === companyId);
  }
}
