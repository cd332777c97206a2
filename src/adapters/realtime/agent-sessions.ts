import type { AccountKey, AgentSessions } from '@/application/accounts';
import { userRoom } from './socket-events';
import type { AppSocketServer } from './socket-server';

/** Ends an agent's sessions on every instance: `session:expired` to each open window, then disconnect. */
export function createAgentSessions(io: AppSocketServer): AgentSessions {
  return {
    endSessions(key: AccountKey, reason: 'disconnected'): void {
      io.in(userRoom(key.companyId, key.userId)).emit('session:expired', { reason });
      io.in(userRoom(key.companyId, key.userId)).disconnectSockets(true);
    },
  };
}
