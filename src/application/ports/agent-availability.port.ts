/** One agent: a Pipedrive user of a company. */
export interface AgentRef {
  readonly companyId: number;
  readonly userId: number;
}

/**
 * Whether each agent takes inbound calls ("Available") or not ("Do not disturb"). One value per
 * agent, shared by all their tabs and every app instance (the database); an agent who never chose
 * is available.
 */
export interface AgentAvailability {
  isAvailable(agent: AgentRef): Promise<boolean>;
  /** Stores the agent's choice (`at`: when it was made). */
  save(agent: AgentRef, available: boolean, at: number): Promise<void>;
  /** Agents of these companies who chose "Do not disturb". */
  listUnavailable(companyIds: readonly number[]): Promise<AgentRef[]>;
}
