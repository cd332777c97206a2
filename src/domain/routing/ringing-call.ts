import type { Result } from '@/domain/errors';
import type {
  AgentTab,
  OnlineAgent,
  RingingCall,
  RingingCallError,
  StopRingingTarget,
} from './routing.types';

export type ClaimCallResult = Result<
  { readonly ringing: RingingCall; readonly stopRingingFor: StopRingingTarget[] },
  RingingCallError
>;

export type DeclineCallResult = Result<
  {
    readonly ringing: RingingCall;
    readonly stopRingingFor: StopRingingTarget[];
    /** True when no one is left ringing: the call itself is now rejected. */
    readonly isDeclinedByEveryone: boolean;
  },
  RingingCallError
>;

export function startRinging(callId: string, companyId: number, agents: readonly OnlineAgent[]): RingingCall {
  return {
    callId,
    companyId,
    ringingUserIds: agents.map((agent) => agent.userId),
    declinedUserIds: [],
    claimedBy: null,
  };
}

/**
 * First answer wins. The winner's other tabs and every other ringing agent must stop ringing.
 * Answers are applied one at a time (the application serialises them per call), so "first" is
 * simply the first claim applied. A repeated claim from the winning tab (double click, retry)
 * succeeds again with nothing more to stop.
 */
export function claimCall(ringing: RingingCall, tab: AgentTab): ClaimCallResult {
  const { claimedBy } = ringing;
  if (claimedBy !== null) {
    const isSameTab = claimedBy.userId === tab.userId && claimedBy.tabId === tab.tabId;
    if (isSameTab) return { ok: true, ringing, stopRingingFor: [] };
    return { ok: false, error: { code: 'ROUTING_CALL_ALREADY_CLAIMED', claimedByUserId: claimedBy.userId } };
  }
  if (!isRingingFor(ringing, tab)) {
    return { ok: false, error: { code: 'ROUTING_NOT_RINGING_FOR_AGENT', userId: tab.userId } };
  }
  const others = stillRinging(ringing).filter((userId) => userId !== tab.userId);
  return {
    ok: true,
    ringing: { ...ringing, claimedBy: { userId: tab.userId, tabId: tab.tabId } },
    stopRingingFor: [{ userId: tab.userId, exceptTabId: tab.tabId }, ...others.map((userId) => ({ userId }))],
  };
}

/**
 * One agent declining a call that rings several agents only stops it for that agent; the call is
 * rejected only once everybody it rang has declined.
 */
export function declineCall(ringing: RingingCall, agent: Omit<AgentTab, 'tabId'>): DeclineCallResult {
  if (ringing.claimedBy !== null) {
    const claimedByUserId = ringing.claimedBy.userId;
    return { ok: false, error: { code: 'ROUTING_CALL_ALREADY_CLAIMED', claimedByUserId } };
  }
  if (!isRingingFor(ringing, agent)) {
    return { ok: false, error: { code: 'ROUTING_NOT_RINGING_FOR_AGENT', userId: agent.userId } };
  }
  const next = { ...ringing, declinedUserIds: [...ringing.declinedUserIds, agent.userId] };
  return {
    ok: true,
    ringing: next,
    stopRingingFor: [{ userId: agent.userId }],
    isDeclinedByEveryone: stillRinging(next).length === 0,
  };
}

/** Who must stop ringing when the call ends unanswered (caller hung up, timeout, failure). */
export function stopRingingEveryone(ringing: RingingCall): StopRingingTarget[] {
  if (ringing.claimedBy !== null) return [];
  return stillRinging(ringing).map((userId) => ({ userId }));
}

function stillRinging(ringing: RingingCall): number[] {
  return ringing.ringingUserIds.filter((userId) => !ringing.declinedUserIds.includes(userId));
}

function isRingingFor(ringing: RingingCall, agent: Omit<AgentTab, 'tabId'>): boolean {
  return agent.companyId === ringing.companyId && stillRinging(ringing).includes(agent.userId);
}
