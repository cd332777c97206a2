import type { AgentAvailability } from '@/application/ports/agent-availability.port';
import type { AgentPresence } from '@/application/ports/agent-presence.port';
import type { CallView } from '@/application/ports/call-view';
import type { Logger } from '@/application/ports/logger.port';
import type { RealtimeNotifier } from '@/application/ports/realtime-notifier.port';
import type { AgentSession, StopRingingTarget } from '@/domain/routing';
import type { AppSocket, AppSocketServer } from './socket-server';
import { companyRoom, userRoom, windowRoom, type StopRingingReason, type WindowCallView } from './socket-events';

/** Turns the application's call view into the window's (adds the wrap-up delivery status). */
export type PresentCall = (view: CallView) => Promise<WindowCallView>;

/**
 * Who can take calls now, from the sockets of the company room. `fetchSockets` asks every
 * instance when the Redis adapter is on, so the sessions are merged across instances. Agents on
 * "Do not disturb" are read from the store at each call, so no instance can hold a stale copy.
 */
export function createSocketAgentPresence(io: AppSocketServer, availability: AgentAvailability): AgentPresence {
  return {
    async listAvailableSessions(companyId: number): Promise<AgentSession[]> {
      const [sockets, unavailable] = await Promise.all([io.in(companyRoom(companyId)).fetchSockets(), availability.listUnavailable([companyId])]);
      const away = new Set(unavailable.map((agent) => agent.userId));
      const sessions = new Map<number, AgentSession>();
      for (const { data } of sockets) {
        if (data.companyId !== companyId || away.has(data.userId)) continue;
        const known = sessions.get(data.userId);
        sessions.set(data.userId, {
          companyId,
          userId: data.userId,
          name: data.name,
          email: data.email,
          socketCount: (known?.socketCount ?? 0) + 1,
        });
      }
      return [...sessions.values()];
    },
    async listOnlineUserIds(companyId: number): Promise<number[]> {
      const sockets = await io.in(companyRoom(companyId)).fetchSockets();
      return [...new Set(sockets.filter(({ data }) => data.companyId === companyId).map(({ data }) => data.userId))];
    },
  };
}

export interface SocketNotifierOptions {
  io: AppSocketServer;
  present: PresentCall;
  /** Why a call stopped ringing, from its stored state (the port does not carry it). */
  stopReasonOf: (companyId: number, callId: string) => Promise<StopRingingReason>;
  logger: Logger;
}

/**
 * Pushes call events to `user:<companyId>:<userId>` rooms (every tab of the user, on any
 * instance). Best effort: failures are logged and swallowed, a reconnecting window catches up.
 */
export function createSocketRealtimeNotifier({ io, present, stopReasonOf, logger }: SocketNotifierOptions): RealtimeNotifier {
  async function bestEffort(what: string, companyId: number, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      logger.error({ err: error, companyId, what }, 'realtime push failed');
    }
  }
  const rooms = (companyId: number, userIds: readonly number[]) => [...new Set(userIds)].map((userId) => userRoom(companyId, userId));

  return {
    ringAgents: (companyId, userIds, view) =>
      bestEffort('call:ringing', companyId, async () => {
        if (userIds.length === 0) return;
        io.to(rooms(companyId, userIds)).emit('call:ringing', { call: await present(view) });
      }),
    callUpdated: (companyId, userIds, view) =>
      bestEffort('call:updated', companyId, async () => {
        if (userIds.length === 0) return;
        io.to(rooms(companyId, userIds)).emit('call:updated', { call: await present(view) });
      }),
    stopRinging: (companyId, callId, targets: readonly StopRingingTarget[]) =>
      bestEffort('call:stop-ringing', companyId, async () => {
        if (targets.length === 0) return;
        const reason = await stopReasonOf(companyId, callId);
        for (const target of targets) {
          const room = io.to(userRoom(companyId, target.userId));
          const except = target.exceptTabId === undefined ? room : room.except(windowRoom(companyId, target.userId, target.exceptTabId));
          except.emit('call:stop-ringing', { callId, reason });
        }
      }),
    missedCallsChanged: (companyId, userId, unseenCount) =>
      bestEffort('missed:count', companyId, async () => {
        io.to(userRoom(companyId, userId)).emit('missed:count', { unseenCount });
      }),
    notesDraftChanged: (companyId, userId, draft, exceptTabId) =>
      bestEffort('call:notes-draft', companyId, async () => {
        const room = io.to(userRoom(companyId, userId));
        const others = exceptTabId === undefined ? room : room.except(windowRoom(companyId, userId, exceptTabId));
        others.emit('call:notes-draft', { callId: draft.callId, text: draft.text, updatedAt: draft.updatedAt });
      }),
  };
}

export interface WindowCatchUp {
  /** The call the window should show (`call:updated`) and calls ringing for it (`call:ringing`). */
  resume(agent: { companyId: number; userId: number }): Promise<{ ringing: WindowCallView[]; active: WindowCallView | null }>;
  unseenMissedCount(agent: { companyId: number; userId: number }): Promise<number>;
}

/** A window that (re)connects gets its call and its badge count straight away. */
export function sendCatchUpOnConnect(socket: AppSocket, catchUp: WindowCatchUp, logger: Logger): void {
  const agent = { companyId: socket.data.companyId, userId: socket.data.userId };
  void (async () => {
    try {
      const [resumed, unseenCount] = await Promise.all([catchUp.resume(agent), catchUp.unseenMissedCount(agent)]);
      if (!socket.connected) return;
      if (resumed.active !== null) socket.emit('call:updated', { call: resumed.active });
      for (const call of resumed.ringing) socket.emit('call:ringing', { call });
      socket.emit('missed:count', { unseenCount });
    } catch (error) {
      logger.error({ err: error, companyId: agent.companyId }, 'could not catch a window up on connect');
    }
  })();
}
