/**
 * The calls contract (docs/CALLS-API.md) as the browser sees it: the call's types come from the
 * shared contract (src/contract/call-view.schema.ts, types only: no schema library ships to the
 * browser); the window only trusts what its guards (`call-parse.ts`) let through.
 */
export type {
  CallDirection,
  CallerLookup,
  CallerMatch,
  CallerPerson,
  CallOutcome,
  CallState,
  DealSummary,
  WindowCallView as CallView,
  WrapUpStatus,
  WrapUpView,
} from '@/contract/call-view.schema';
export type { StopRingingPayload, StopRingingReason } from '@/contract/socket-events';
import type { WindowCallView as CallView } from '@/contract/call-view.schema';

export type WrapUpAction =
  | { type: 'hang_up' }
  | { type: 'notes_to_deal'; dealId: number }
  | { type: 'notes_to_contact'; personId: number }
  | { type: 'create_contact'; name: string };

export interface WrapUpRequest {
  notes: string;
  action: WrapUpAction;
}

export type CallSource = 'contact' | 'dial_pad' | 'phone_click';

export interface CallPage {
  items: CallView[];
  nextCursor: string | null;
}

export interface MissedCalls {
  items: CallView[];
  unseenCount: number;
}

/** Ringing or connected: the agent is on this call. */
export function isLive(call: CallView): boolean {
  return call.state === 'ringing' || call.state === 'connected';
}
