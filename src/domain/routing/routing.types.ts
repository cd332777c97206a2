import type { DomainFailure } from '@/domain/errors';

/** One app instance's view of an agent with the floating window open (socket layer input). */
export interface AgentSession {
  readonly companyId: number;
  readonly userId: number;
  readonly name: string;
  readonly email: string;
  /** Open windows/tabs on this instance; 0 means the agent just went offline here. */
  readonly socketCount: number;
}

/** An agent online somewhere, sessions of every instance merged. */
export interface OnlineAgent {
  readonly userId: number;
  readonly name: string;
  readonly email: string;
  readonly socketCount: number;
}

export interface InboundCallToRoute {
  readonly companyId: number;
  /** Who the provider or the Control Center asked for: a user id, name or email. Blank = anyone. */
  readonly agent?: string | undefined;
}

/** How a named agent was recognised; `any` when no agent was named. */
export type AgentMatchedBy = 'id' | 'email' | 'name' | 'any';

export type MissedCallReason =
  /** Nobody of the company has the window open. */
  | 'no_agent_online'
  /** The agent(s) asked for are all on another call. */
  | 'agent_busy'
  /** Every online agent of the company is on another call. */
  | 'all_agents_busy';

export type RoutingDecision =
  | {
      readonly kind: 'ring';
      /** Sorted by user id, so every instance computes the same order. */
      readonly agents: readonly OnlineAgent[];
      readonly matchedBy: AgentMatchedBy;
    }
  | {
      readonly kind: 'missed';
      readonly reason: MissedCallReason;
      /** The call event that ends the call: `busy` when agents were busy, else `no_answer`. */
      readonly callEvent: 'busy' | 'no_answer';
      /** Agents whose missed-call list this call belongs on. */
      readonly missedByUserIds: readonly number[];
    };

/**
 * The agent named on the call is not online in the call's company (unknown, offline, or a user of
 * another company: all three look the same on purpose, so nothing leaks across companies).
 */
export interface RoutingAgentNotFoundError extends DomainFailure<'ROUTING_AGENT_NOT_FOUND'> {
  readonly agent: string;
}

/** A tab of an agent: `tabId` is whatever the realtime layer uses to address one window. */
export interface AgentTab {
  readonly companyId: number;
  readonly userId: number;
  readonly tabId: string;
}

/** Where a ringing call currently stands with respect to the agents it rings. */
export interface RingingCall {
  readonly callId: string;
  readonly companyId: number;
  readonly ringingUserIds: readonly number[];
  readonly declinedUserIds: readonly number[];
  readonly claimedBy: { readonly userId: number; readonly tabId: string } | null;
}

/** "Stop ringing" goes to every tab of `userId`, except `exceptTabId` (the tab that answered). */
export interface StopRingingTarget {
  readonly userId: number;
  readonly exceptTabId?: string;
}

/** Another agent (or tab) answered first. */
export interface RoutingCallAlreadyClaimedError extends DomainFailure<'ROUTING_CALL_ALREADY_CLAIMED'> {
  readonly claimedByUserId: number;
}

/** The call does not ring for this agent: not chosen, already declined, or another company. */
export interface RoutingNotRingingForAgentError extends DomainFailure<'ROUTING_NOT_RINGING_FOR_AGENT'> {
  readonly userId: number;
}

export type RingingCallError = RoutingCallAlreadyClaimedError | RoutingNotRingingForAgentError;
