import type { CallDirection, CallEndedBy, CallOutcome, CallState, CallTimestamps } from '@/domain/call';
import type { CallerInfo } from './caller-info';

/**
 * A call as the floating window sees it: JSON-safe, sent over Socket.IO and HTTP. Built by
 * `toCallView` (application/calls); the socket layer's zod schema should mirror it.
 */
export interface CallView {
  readonly id: string;
  readonly direction: CallDirection;
  readonly state: CallState;
  readonly outcome: CallOutcome | null;
  readonly endedBy: CallEndedBy | null;
  /** True for an inbound call that ended without being answered. */
  readonly isMissed: boolean;
  readonly remoteNumber: string;
  readonly localNumber: string | null;
  readonly agentUserId: number | null;
  /** The tab holding the call, so the agent's other tabs can say "answered in another window". */
  readonly agentTabId: string | null;
  readonly personId: number | null;
  readonly dealId: number | null;
  /** A contact created at wrap-up, by the name the agent typed (see `Call.newContactName`). */
  readonly newContactName: string | null;
  readonly timestamps: CallTimestamps;
  /** Talk time so far (connected) or in total (ended). */
  readonly durationSeconds: number;
  readonly caller: CallerInfo | null;
  /** When the server logs the call by itself if no wrap-up came (ended calls only). */
  readonly automaticLogDueAt: number | null;
}
