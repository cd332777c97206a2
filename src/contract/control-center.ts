import type { CallOutcome, CallState } from './call-view.schema';
import type { ErrorBody } from './error-catalogue';

/**
 * The Control Center's socket namespace (`/control-center`, GET /admin) as its page sees it:
 * `INBOUND_CALL {number, agent, companyId?}` acknowledged with `InboundCallAck`, and `OVERVIEW`
 * acknowledged with `ControlCenterOverview`. The payload's zod schema is the server's
 * (src/adapters/realtime/control-center.ts).
 */

/** An agent with an open window, on any app instance. */
export interface OnlineAgent {
  companyId: number;
  userId: number;
  name: string;
  email: string;
  available: boolean;
}

export type InboundCallAck =
  | {
      ok: true;
      callId: string;
      companyId: number;
      result: 'ringing' | 'missed' | 'duplicate';
      /** Who rings (ringing); empty otherwise. */
      ringing: { userId: number; name: string }[];
      /** Why nobody rang (missed): no_agent_online, agent_busy, all_agents_busy, agent_not_found. */
      reason: string | null;
      /**
       * With agent_not_found, what the app knows of the agent asked for: installed but no window
       * open, on "Do not disturb", uninstalled, or never installed (the app cannot see Pipedrive
       * users who did not install).
       */
      agentAccount: { kind: 'installed' | 'do_not_disturb' | 'uninstalled'; name: string } | { kind: 'not_installed' } | null;
    }
  | { ok: false; error: ErrorBody };

/** `CALL_STATUS {callId, companyId}` answers how a simulated call is doing now (polled while it rings). */
export interface ControlCenterCallStatus {
  state: 'idle' | CallState;
  outcome: CallOutcome | null;
  /** Who holds the call: the agent who answered (or rejected) it; null while it rings for several. */
  agentUserId: number | null;
}

export type CallStatusAck = { ok: true; call: ControlCenterCallStatus } | { ok: false; error: ErrorBody };

export interface ControlCenterOverview {
  sandboxMode: boolean;
  /** `name`: the company's name as its installing users' accounts store it; null when none is stored. */
  companies: { id: number; name: string | null; agents: OnlineAgent[] }[];
}

/** `INBOUND_CALL`'s payload as the page sends it (the server also takes `companyId` as digits, and checks it all). */
export interface InboundCallRequest {
  number: string;
  /** Id, name or email; empty rings every available agent of the company. */
  agent?: string;
  companyId?: number;
}

export interface CallStatusRequest {
  callId: string;
  companyId: number;
}

/** `OVERVIEW`'s answer: the overview, or why it could not be read. */
export type OverviewAck = ControlCenterOverview | { ok: false; error: ErrorBody };

/** What the Control Center page sends on `/control-center`, each acknowledged with its answer. */
export interface ControlCenterClientToServerEvents {
  INBOUND_CALL: (payload: InboundCallRequest, ack: (answer: InboundCallAck) => void) => void;
  CALL_STATUS: (payload: CallStatusRequest, ack: (answer: CallStatusAck) => void) => void;
  OVERVIEW: (payload: Record<string, never>, ack: (answer: OverviewAck) => void) => void;
}

/** The server pushes nothing on `/control-center`: the page asks. */
export type ControlCenterServerToClientEvents = Record<never, never>;
