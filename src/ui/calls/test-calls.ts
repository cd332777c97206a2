/** Builders for call views in tests. */
import type { CallerMatch, CallView, DealSummary } from './call-types';

export function deal(id: number, title = `Deal ${id}`, value: number | null = 1000, currency: string | null = 'EUR'): DealSummary {
  return { id, title, value, currency };
}

export function match(personId: number, name = `Person ${personId}`, openDeals: DealSummary[] = [], extra: Partial<CallerMatch> = {}): CallerMatch {
  return {
    person: { id: personId, name, pictureUrl: null, organizationName: null },
    matchedPhone: { value: '+44 20 7946 0958', label: 'mobile' },
    quality: 'exact_e164',
    openDeals,
    openDealsLoaded: true,
    ...extra,
  };
}

export function callView(overrides: Partial<CallView> = {}): CallView {
  return {
    id: 'call-1',
    direction: 'inbound',
    state: 'ringing',
    outcome: null,
    remoteNumber: '+442079460958',
    createdAt: 1_700_000_000_000,
    answeredAt: null,
    endedAt: null,
    durationSeconds: 0,
    caller: { number: { e164: '+442079460958', display: '+44 20 7946 0958' }, matches: [], remembered: null },
    personId: null,
    dealId: null,
    newContactName: null,
    wrapUp: null,
    ...overrides,
  };
}

export function withMatches(call: CallView, matches: CallerMatch[], remembered: CallView['caller']['remembered'] = null): CallView {
  return { ...call, caller: { ...call.caller, matches, remembered } };
}

/** The call answered at `answeredAt`. */
export function connected(call: CallView, answeredAt = call.createdAt + 5_000): CallView {
  return { ...call, state: 'connected', answeredAt };
}

export function ended(call: CallView, outcome: CallView['outcome'] = 'completed', durationSeconds = 42): CallView {
  const endedAt = (call.answeredAt ?? call.createdAt) + durationSeconds * 1000;
  return { ...call, state: 'ended', outcome, endedAt, durationSeconds: call.answeredAt === null ? 0 : durationSeconds };
}
