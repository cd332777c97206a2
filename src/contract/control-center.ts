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
    }
  | { ok: false; error: ErrorBody };

export interface ControlCenterOverview {
  sandboxMode: boolean;
  companies: { id: number; agents: OnlineAgent[] }[];
}
