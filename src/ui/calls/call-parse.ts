/**
 * Hand-written guards for call payloads (REST answers and socket events). No schema library ships
 * to the browser. A call without id, direction or state is dropped; optional parts degrade to
 * "unknown" (no caller match, no wrap-up) instead of failing the screen.
 */
import { ResponseShapeError } from '@/ui/api-types';
import type {
  CallDirection,
  CallerLookup,
  CallerMatch,
  CallOutcome,
  CallPage,
  CallState,
  CallView,
  DealSummary,
  MissedCalls,
  StopRingingPayload,
  StopRingingReason,
  WrapUpStatus,
  WrapUpView,
} from './call-types';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function id(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

function time(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.includes(value as T) ? (value as T) : null;
}

/**
 * Every member of a contract union, from a record keyed by all of them: a value the contract adds
 * (or drops) is a compile error here rather than a payload the window silently throws away. The
 * lists cannot be imported from the contract: they live beside its zod schemas.
 */
function allOf<T extends string>(members: Record<T, true>): readonly T[] {
  return Object.keys(members) as T[];
}

const DIRECTIONS = allOf<CallDirection>({ inbound: true, outbound: true });
const STATES = allOf<CallState>({ ringing: true, connected: true, ended: true, wrapped_up: true });
const OUTCOMES = allOf<CallOutcome>({
  completed: true,
  rejected: true,
  cancelled: true,
  no_answer: true,
  busy: true,
  failed: true,
  wrong_number: true,
  declined: true,
});
const QUALITIES = allOf<CallerMatch['quality']>({ exact_e164: true, national_number: true, trailing_digits: true });
const WRAP_UP_STATUSES = allOf<WrapUpStatus>({ pending: true, saved: true, failed: true });

function parseDeal(value: unknown): DealSummary | null {
  if (!isRecord(value)) return null;
  const dealId = id(value.id);
  if (dealId === null) return null;
  return {
    id: dealId,
    title: text(value.title) ?? `Deal ${dealId}`,
    value: typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : null,
    currency: text(value.currency),
  };
}

function parseMatch(value: unknown): CallerMatch | null {
  if (!isRecord(value) || !isRecord(value.person)) return null;
  const person = value.person;
  const personId = id(person.id);
  if (personId === null) return null;
  const phone = isRecord(value.matchedPhone) ? value.matchedPhone : {};
  return {
    person: {
      id: personId,
      name: typeof person.name === 'string' ? person.name : '',
      pictureUrl: text(person.pictureUrl),
      organizationName: text(person.organizationName),
    },
    matchedPhone: { value: text(phone.value) ?? '', label: text(phone.label) },
    quality: oneOf(value.quality, QUALITIES) ?? 'trailing_digits',
    openDeals: list(value.openDeals, parseDeal),
    openDealsLoaded: value.openDealsLoaded !== false,
  };
}

function list<T>(value: unknown, parse: (item: unknown) => T | null): T[] {
  return Array.isArray(value) ? value.map(parse).filter((item): item is T => item !== null) : [];
}

function parseCaller(value: unknown, remoteNumber: string): CallerLookup {
  const caller = isRecord(value) ? value : {};
  const number = isRecord(caller.number) ? caller.number : {};
  const remembered = isRecord(caller.remembered) ? caller.remembered : null;
  const rememberedPerson = remembered ? id(remembered.personId) : null;
  return {
    number: { e164: text(number.e164), display: text(number.display) ?? remoteNumber },
    matches: list(caller.matches, parseMatch),
    remembered: rememberedPerson === null ? null : { personId: rememberedPerson, dealId: id(remembered?.dealId) },
  };
}

function parseWrapUp(value: unknown): WrapUpView | null {
  if (!isRecord(value)) return null;
  const status = oneOf(value.status, WRAP_UP_STATUSES);
  if (status === null) return null;
  return {
    status,
    savedItems: list(value.savedItems, text),
    error: text(value.error),
  };
}

/** One call, or null when it lacks what the window needs to show it. */
export function parseCallView(value: unknown): CallView | null {
  if (!isRecord(value)) return null;
  const callId = text(value.id);
  const direction = oneOf(value.direction, DIRECTIONS);
  const state = oneOf(value.state, STATES);
  if (callId === null || direction === null || state === null) return null;
  // The contract has flat timestamps; tolerate a nested `timestamps` object as well.
  const stamps = isRecord(value.timestamps) ? value.timestamps : value;
  const remoteNumber = text(value.remoteNumber) ?? '';
  const duration = value.durationSeconds;
  return {
    id: callId,
    direction,
    state,
    outcome: oneOf(value.outcome, OUTCOMES),
    remoteNumber,
    createdAt: time(value.createdAt) ?? time(stamps.createdAt) ?? 0,
    answeredAt: time(value.answeredAt) ?? time(stamps.answeredAt),
    endedAt: time(value.endedAt) ?? time(stamps.endedAt),
    durationSeconds: typeof duration === 'number' && Number.isFinite(duration) && duration > 0 ? Math.floor(duration) : 0,
    caller: parseCaller(value.caller, remoteNumber),
    personId: id(value.personId),
    newContactName: text(value.newContactName) ?? null,
    dealId: id(value.dealId),
    wrapUp: parseWrapUp(value.wrapUp),
  };
}

/** `{ call }` from a REST answer or a socket event; null when malformed. */
export function readCallEnvelope(value: unknown): CallView | null {
  return isRecord(value) ? parseCallView(value.call) : null;
}

/** `{ call }` that must be there (POST answers). */
export function parseCallEnvelope(value: unknown): CallView {
  const call = readCallEnvelope(value);
  if (!call) throw new ResponseShapeError('call');
  return call;
}

/** `{ call: CallView | null }` of GET /api/calls/active. */
export function parseActiveCall(value: unknown): CallView | null {
  if (!isRecord(value)) throw new ResponseShapeError('active call');
  return parseCallView(value.call);
}

export function parseCallPage(value: unknown): CallPage {
  if (!isRecord(value) || !Array.isArray(value.items)) throw new ResponseShapeError('call history');
  return { items: list(value.items, parseCallView), nextCursor: text(value.nextCursor) };
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
}

export function parseMissedCalls(value: unknown): MissedCalls {
  if (!isRecord(value) || !Array.isArray(value.items)) throw new ResponseShapeError('missed calls');
  return { items: list(value.items, parseCallView), unseenCount: count(value.unseenCount) ?? 0 };
}

/** `{ unseenCount }` of `missed:count` and POST /api/calls/missed/seen; null when malformed. */
export function readUnseenCount(value: unknown): number | null {
  return isRecord(value) ? count(value.unseenCount) : null;
}

const STOP_REASONS = allOf<StopRingingReason>({ answered_elsewhere: true, caller_hung_up: true, missed: true, rejected: true });

/** `{ callId, reason }` of `call:stop-ringing`; null without a call id, `missed` for an unknown reason. */
export function readStopRinging(value: unknown): StopRingingPayload | null {
  if (!isRecord(value)) return null;
  const callId = text(value.callId);
  if (callId === null) return null;
  return { callId, reason: oneOf(value.reason, STOP_REASONS) ?? 'missed' };
}
