import type { AgentSession } from '@/domain/routing';

/**
 * Who has the floating window open, from the realtime layer (merged across instances when Redis is
 * used). Whether an agent is on a call is not presence: the use cases derive it from the
 * `CallStore`, the one record every instance shares.
 */
export interface AgentPresence {
  /**
   * Sessions of agents who can take calls now: connected and not on "Do not disturb" (the stored
   * `AgentAvailability`, set with `agent:set-availability`). Sessions of other companies may be included; routing drops them.
   */
  listAvailableSessions(companyId: number): Promise<AgentSession[]>;
  /** Agents of the company with a window open, "Do not disturb" or not (badge pushes reach them all). */
  listOnlineUserIds(companyId: number): Promise<number[]>;
}
