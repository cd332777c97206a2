/** Milliseconds since the Unix epoch: JSON-safe, immutable, and trivial to subtract. */
export type EpochMillis = number;

export type CallDirection = 'inbound' | 'outbound';

/**
 * idle: created, nobody rings yet (an outbound call being dialled, an inbound call being routed).
 * ringing -> connected -> ended -> wrapped_up; ended can also be reached straight from idle or
 * ringing when the call never connects.
 */
export type CallState = 'idle' | 'ringing' | 'connected' | 'ended' | 'wrapped_up';

/** Why a call ended, in our words; `toPipedriveCallOutcome` translates for the call log. */
export type CallOutcome =
  /** Connected, then one side hung up. */
  | 'completed'
  /** The agent declined an inbound call while it rang. */
  | 'rejected'
  /** The calling side gave up before anyone answered (agent for outbound, caller for inbound). */
  | 'cancelled'
  /** Rang until the timeout, or there was nobody to ring. */
  | 'no_answer'
  /** Inbound: every agent who could take it was on another call. Outbound: the line was busy. */
  | 'busy'
  /** The provider reported a failure. */
  | 'failed'
  /** The number does not exist or cannot be reached as dialled (SIP 404, 484, 604). */
  | 'wrong_number'
  /** The far end declined the call (SIP 603). */
  | 'declined';

/** Who ended the call: drives wording in the UI ("The caller hung up"). */
export type CallEndedBy = 'agent' | 'remote' | 'system';

export interface CallTimestamps {
  readonly createdAt: EpochMillis;
  readonly ringingAt?: EpochMillis;
  readonly answeredAt?: EpochMillis;
  readonly endedAt?: EpochMillis;
  readonly wrappedUpAt?: EpochMillis;
}

export interface Call {
  /** Our id, chosen by the application (the domain generates no ids). */
  readonly id: string;
  readonly direction: CallDirection;
  /** Pipedrive company id: a call never leaves its company. */
  readonly companyId: number;
  /** Pipedrive user id of the agent handling the call; null while nobody has it (inbound ringing). */
  readonly agentUserId: number | null;
  /** The other party: E.164 when it could be parsed, the raw text otherwise. */
  readonly remoteNumber: string;
  /** Our side's number (the number dialled for inbound, the caller id for outbound). */
  readonly localNumber?: string;
  readonly personId?: number;
  readonly dealId?: number;
  /**
   * The name the agent typed for a contact created at wrap-up: the call shows it from then on,
   * while Pipedrive's person (and so `personId`) only exists once the outbox delivered it.
   */
  readonly newContactName?: string;
  readonly state: CallState;
  readonly outcome?: CallOutcome;
  readonly endedBy?: CallEndedBy;
  /** Provider's own words for a failure, for logs and support; never shown as-is to users. */
  readonly failureReason?: string;
  readonly timestamps: CallTimestamps;
  /** The provider's id for the call (Twilio CallSid, mock id), to correlate webhooks. */
  readonly providerCallId?: string;
}

/** What can happen to a call. Adapters translate provider statuses and UI clicks into these. */
export type CallEvent =
  | { readonly type: 'ring' }
  | { readonly type: 'answer'; readonly agentUserId?: number }
  | { readonly type: 'reject' }
  | { readonly type: 'cancel' }
  | { readonly type: 'no_answer' }
  | { readonly type: 'busy' }
  | { readonly type: 'fail'; readonly reason?: string }
  | { readonly type: 'wrong_number' }
  | { readonly type: 'decline' }
  | { readonly type: 'remote_hang_up' }
  | { readonly type: 'local_hang_up' }
  | { readonly type: 'wrap_up' };

export type CallEventType = CallEvent['type'];

/** What a transition tells the rest of the system (UI pushes, missed-call counters, logging). */
export type CallDomainEvent =
  | { readonly type: 'call.ringing'; readonly callId: string; readonly at: EpochMillis }
  | {
      readonly type: 'call.answered';
      readonly callId: string;
      readonly at: EpochMillis;
      readonly agentUserId: number | null;
    }
  | {
      readonly type: 'call.ended';
      readonly callId: string;
      readonly at: EpochMillis;
      readonly outcome: CallOutcome;
      readonly durationSeconds: number;
    }
  | {
      readonly type: 'call.missed';
      readonly callId: string;
      readonly at: EpochMillis;
      readonly outcome: CallOutcome;
    }
  | { readonly type: 'call.wrapped_up'; readonly callId: string; readonly at: EpochMillis };
