import { normalizePhoneNumber } from '@/domain/phone/normalize-phone-number';
import type { RegionCode } from '@/domain/phone/phone.types';
import { applyCallEvent, type CallTransitionResult } from './apply-call-event';
import type { Call, CallDirection, EpochMillis } from './call.types';

export interface NewCall {
  readonly id: string;
  readonly direction: CallDirection;
  readonly companyId: number;
  readonly agentUserId?: number | null;
  /** As the provider or the agent gave it; stored as E.164 when it parses. */
  readonly remoteNumber: string;
  readonly localNumber?: string;
  readonly personId?: number;
  readonly dealId?: number;
  readonly providerCallId?: string;
  /** The company's region, used to read numbers written without a country code. */
  readonly defaultRegion?: RegionCode;
}

/** A new call in state `idle`. */
export function createCall(input: NewCall, now: EpochMillis): Call {
  const { defaultRegion, localNumber, personId, dealId, providerCallId } = input;
  return {
    id: input.id,
    direction: input.direction,
    companyId: input.companyId,
    agentUserId: input.agentUserId ?? null,
    remoteNumber: toStoredNumber(input.remoteNumber, defaultRegion),
    ...(localNumber === undefined ? {} : { localNumber: toStoredNumber(localNumber, defaultRegion) }),
    ...(personId === undefined ? {} : { personId }),
    ...(dealId === undefined ? {} : { dealId }),
    ...(providerCallId === undefined ? {} : { providerCallId }),
    state: 'idle',
    timestamps: { createdAt: now },
  };
}

/**
 * An inbound call that arrived while the agent(s) who could take it were on another call. It is
 * recorded straight away as ended with outcome `busy` (a missed call) and never rings, so the call
 * in progress is not disturbed.
 */
export function recordBusyInboundCall(
  input: Omit<NewCall, 'direction'>,
  now: EpochMillis,
): CallTransitionResult {
  return applyCallEvent(createCall({ ...input, direction: 'inbound' }, now), { type: 'busy' }, now);
}

/** Attaches the Pipedrive person/deal found (or chosen) for the call; no state change. */
export function linkCallToContact(
  call: Call,
  link: { readonly personId?: number; readonly dealId?: number; readonly newContactName?: string },
): Call {
  return {
    ...call,
    ...(link.personId === undefined ? {} : { personId: link.personId }),
    ...(link.dealId === undefined ? {} : { dealId: link.dealId }),
    ...(link.newContactName === undefined ? {} : { newContactName: link.newContactName }),
  };
}

function toStoredNumber(raw: string, defaultRegion: RegionCode | undefined): string {
  const normalized = normalizePhoneNumber(raw, defaultRegion);
  return normalized.ok ? normalized.e164 : raw.trim();
}
