import type { AgentAvailability, AgentRef } from '@/application/ports/agent-availability.port';
import type { Clock } from '@/application/ports/clock.port';

export interface SetAgentAvailabilityDeps {
  readonly availability: AgentAvailability;
  readonly clock: Clock;
  /** Tells every open window of the agent (on every instance) the new value. */
  readonly announce: (agent: AgentRef, available: boolean) => void;
}

/**
 * "Available" / "Do not disturb": stored first (routing reads it from there on every instance),
 * then announced to all the agent's tabs. A failed write announces nothing and rejects.
 */
export async function setAgentAvailability(deps: SetAgentAvailabilityDeps, agent: AgentRef, available: boolean): Promise<void> {
  await deps.availability.save(agent, available, deps.clock.now());
  deps.announce(agent, available);
}
