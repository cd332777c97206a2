import type {
  Call,
  CallDirection,
  CallEndedBy,
  CallEvent,
  CallEventType,
  CallOutcome,
  CallState,
  EpochMillis,
} from './call.types';

interface TransitionRule<Event extends CallEvent> {
  readonly from: readonly CallState[];
  /** Omitted when the event applies to both directions. */
  readonly directions?: readonly CallDirection[];
  readonly apply: (call: Call, event: Event, at: EpochMillis) => Call;
}

type TransitionRules = {
  readonly [Type in CallEventType]: TransitionRule<Extract<CallEvent, { type: Type }>>;
};

/**
 * Events that end a call before anyone talked are accepted from `idle` as well as `ringing`:
 * providers may report "busy", "failed" or "no-answer" without ever reporting "ringing" (Twilio
 * goes queued -> busy), an agent may hang up while the dial is still being set up, and an inbound
 * call with nobody to ring ends without ringing.
 */
const NOT_YET_CONNECTED: readonly CallState[] = ['idle', 'ringing'];

export const CALL_TRANSITION_RULES: TransitionRules = {
  ring: {
    from: ['idle'],
    apply: (call, _event, at) => ({
      ...call,
      state: 'ringing',
      timestamps: { ...call.timestamps, ringingAt: at },
    }),
  },
  answer: {
    // Only a ringing call can be answered, so a connected call always has ringingAt; adapters
    // whose provider skips "ringing" send `ring` first.
    from: ['ringing'],
    apply: (call, event, at) => ({
      ...call,
      state: 'connected',
      agentUserId: event.agentUserId ?? call.agentUserId,
      timestamps: { ...call.timestamps, answeredAt: at },
    }),
  },
  reject: {
    // Declining is a choice the agent has on an incoming call only; an outbound call is cancelled.
    from: ['ringing'],
    directions: ['inbound'],
    apply: (call, _event, at) => endCall(call, 'rejected', 'agent', at),
  },
  cancel: {
    from: NOT_YET_CONNECTED,
    apply: (call, _event, at) =>
      endCall(call, 'cancelled', call.direction === 'outbound' ? 'agent' : 'remote', at),
  },
  no_answer: {
    from: NOT_YET_CONNECTED,
    apply: (call, _event, at) => endCall(call, 'no_answer', 'system', at),
  },
  busy: {
    from: NOT_YET_CONNECTED,
    apply: (call, _event, at) => endCall(call, 'busy', 'system', at),
  },
  wrong_number: {
    from: NOT_YET_CONNECTED,
    apply: (call, _event, at) => endCall(call, 'wrong_number', 'system', at),
  },
  decline: {
    // The far end said no (an outbound callee pressing "decline"); an agent declining is `reject`.
    from: NOT_YET_CONNECTED,
    apply: (call, _event, at) => endCall(call, 'declined', 'remote', at),
  },
  fail: {
    from: ['idle', 'ringing', 'connected'],
    apply: (call, event, at) => ({
      ...endCall(call, 'failed', 'system', at),
      ...(event.reason === undefined ? {} : { failureReason: event.reason }),
    }),
  },
  remote_hang_up: {
    from: ['connected'],
    apply: (call, _event, at) => endCall(call, 'completed', 'remote', at),
  },
  local_hang_up: {
    from: ['connected'],
    apply: (call, _event, at) => endCall(call, 'completed', 'agent', at),
  },
  wrap_up: {
    from: ['ended'],
    apply: (call, _event, at) => ({
      ...call,
      state: 'wrapped_up',
      timestamps: { ...call.timestamps, wrappedUpAt: at },
    }),
  },
};

function endCall(call: Call, outcome: CallOutcome, endedBy: CallEndedBy, at: EpochMillis): Call {
  return {
    ...call,
    state: 'ended',
    outcome,
    endedBy,
    timestamps: { ...call.timestamps, endedAt: at },
  };
}

export function canApplyCallEvent(call: Pick<Call, 'state' | 'direction'>, type: CallEventType): boolean {
  const rule = CALL_TRANSITION_RULES[type];
  const isDirectionAllowed = rule.directions?.includes(call.direction) ?? true;
  return rule.from.includes(call.state) && isDirectionAllowed;
}
