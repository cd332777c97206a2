/**
 * The calls contract (docs/CALLS-API.md) as the browser sees it. Kept separate from the server's
 * own types: the window only trusts what its guards (`call-parse.ts`) let through.
 */
export type CallDirection = 'inbound' | 'outbound';
export type CallState = 'ringing' | 'connected' | 'ended' | 'wrapped_up';
export type CallOutcome = 'completed' | 'rejected' | 'cancelled' | 'no_answer' | 'busy' | 'failed' | 'wrong_number' | 'declined';

export interface DealSummary {
  id: number;
  title: string;
  value: number | null;
  currency: string | null;
}

export interface CallerPerson {
  id: number;
  name: string;
  pictureUrl: string | null;
  organizationName: string | null;
}

export interface CallerMatch {
  person: CallerPerson;
  /** Which of the person's numbers matched the call. */
  matchedPhone: { value: string; label: string | null };
  quality: 'exact_e164' | 'national_number' | 'trailing_digits';
  openDeals: DealSummary[];
  /** False: the screen-pop left this person's deals out; picking them (once answered) loads them. */
  openDealsLoaded: boolean;
}

export interface CallerLookup {
  number: { e164: string | null; display: string };
  /** [] = unknown caller; 2+ = the agent picks. */
  matches: CallerMatch[];
  /** The agent's last choice for this number. */
  remembered: { personId: number; dealId: number | null } | null;
}

export type WrapUpStatus = 'pending' | 'saved' | 'failed';

export interface WrapUpView {
  status: WrapUpStatus;
  savedItems: string[];
  error: string | null;
}

export interface CallView {
  id: string;
  direction: CallDirection;
  state: CallState;
  outcome: CallOutcome | null;
  remoteNumber: string;
  createdAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  durationSeconds: number;
  caller: CallerLookup;
  personId: number | null;
  dealId: number | null;
  /** A contact created at wrap-up, by its typed name (shown before Pipedrive's person exists). */
  newContactName: string | null;
  wrapUp: WrapUpView | null;
}

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

export type StopRingingReason = 'answered_elsewhere' | 'caller_hung_up' | 'missed';

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
