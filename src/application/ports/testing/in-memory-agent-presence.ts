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

  private readonly doNotDisturb = new Set<string>();

  /** The agent chose "Do not disturb" (true) or "Available": online, but not rung. */
  setDoNotDisturb(agent: Pick<FakeAgent, 'companyId' | 'userId'>, on: boolean): void {
    if (on) this.doNotDisturb.add(`${agent.companyId}:${agent.userId}`);
    else this.doNotDisturb.delete(`${agent.companyId}:${agent.userId}`);
  }

  async listAvailableSessions(companyId: number): Promise<AgentSession[]> {
    return [...this.sessions.values()].filter((s) => s.companyId === companyId && !this.doNotDisturb.has(`${s.companyId}:${s.userId}`));
  }

  async listOnlineUserIds(companyId: number): Promise<number[]> {
    return [...this.sessions.values()].filter((s) => s.companyId === companyId).map((s) => s.userId);
  }
}
