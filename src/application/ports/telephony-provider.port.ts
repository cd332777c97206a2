import type { EpochMillis } from '@/domain/call';

export interface PlaceCallRequest {
  /** Our call id; providers echo it back in updates when they can (Twilio: status callback URL). */
  readonly callId: string;
  readonly companyId: number;
  readonly agentUserId: number;
  /** E.164, or as typed for providers that dial as typed (`dialsAsTyped`). */
  readonly to: string;
  /** Caller id to present, E.164, when the company has one. */
  readonly from?: string;
}

/**
 * What a provider reports about a call, in provider-neutral words. The application turns it into
 * domain events according to the call's state (`callEventsForProviderStatus`):
 * ringing: the far end rings. answered: the far end picked up (outbound) or the provider
 * connected the leg (inbound, informative only: agents answer in the app). remote_ended: the far
 * end hung up (during the conversation, or while it was still ringing). busy, no_answer,
 * failed, canceled, wrong_number (the number does not exist), declined (the far end said no): the
 * call ended before connecting.
 */
export type ProviderCallStatus =
  | 'ringing'
  | 'answered'
  | 'remote_ended'
  | 'busy'
  | 'no_answer'
  | 'failed'
  | 'canceled'
  | 'wrong_number'
  | 'declined';

export interface ProviderCallUpdate {
  readonly providerCallId: string;
  /**
   * Our call, when the provider carried it back (the mock does; Twilio through query parameters of
   * the status callback URL). Preferred over the provider id: an update can arrive before the
   * provider id is saved.
   */
  readonly call?: { readonly companyId: number; readonly id: string };
  readonly status: ProviderCallStatus;
  /** Provider's words for a failure (SIP code, error code), for logs. */
  readonly reason?: string;
  readonly at?: EpochMillis;
}

export type CallUpdateListener = (update: ProviderCallUpdate) => void;

/**
 * A telephony provider (mock, Twilio). Methods reject with `TelephonyError` when the provider
 * refuses or cannot be reached. Calls a provider starts on its own (inbound) do not come through
 * here: its webhook adapter calls `receiveInboundCall`.
 */
export interface TelephonyProvider {
  readonly name: string;

  /**
   * True when numbers go to the provider as the agent typed them (SIP: short extensions such as
   * `9000` are dialable); otherwise they must read as phone numbers and are sent in E.164.
   */
  readonly dialsAsTyped?: boolean;

  /**
   * Starts dialling; progress arrives later as updates (ringing, answered, busy...). `callerId`:
   * the number the far end sees when the provider knows it better than the company number (the
   * agent's own SIP caller ID); the call log's `from`.
   */
  placeCall(request: PlaceCallRequest): Promise<{ readonly providerCallId: string; readonly callerId?: string }>;

  /** Ends our side of the call. Resolves when the call is already over at the provider. */
  hangUp(providerCallId: string): Promise<void>;

  /** An agent took an inbound call (providers that bridge the call server-side connect it now). */
  answer(providerCallId: string, agent: { readonly companyId: number; readonly userId: number }): Promise<void>;

  /** The call was declined by everyone it rang: the caller hears busy. */
  reject(providerCallId: string): Promise<void>;

  /**
   * Registers for status updates of calls (both directions); returns the unsubscribe function.
   * The composition root wires this to `applyProviderCallUpdate`. Providers driven by webhooks
   * (Twilio) call that use case from their route instead and never emit here.
   */
  onCallUpdate(listener: CallUpdateListener): () => void;
}
