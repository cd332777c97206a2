import type { DomainFailure, Result } from '@/domain/errors';
import { planRecordingWrite } from '@/domain/wrap-up';
import type { CallDeps } from './call-deps';
import type { CallNotFoundError, CallNotYoursError } from './call-errors';

/** The largest recording accepted: about 90 minutes at the window's 32 kbit/s, with room to spare. */
export const MAX_RECORDING_BYTES = 25 * 1024 * 1024;

export type RecordingErrorCode =
  /** The company's "Record calls" setting is off: nothing is kept. */
  | 'RECORDING_NOT_ENABLED'
  /** The call is still going: the recording comes once it ended. */
  | 'RECORDING_CALL_NOT_ENDED'
  /** The call has a recording already (Pipedrive keeps one per call log). */
  | 'RECORDING_ALREADY_STORED'
  /** No bytes. */
  | 'RECORDING_EMPTY';

export interface RecordingError extends DomainFailure<RecordingErrorCode> {
  readonly callId: string;
}

export interface StoreCallRecordingInput {
  readonly companyId: number;
  readonly userId: number;
  readonly callId: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export type StoreCallRecordingResult = Result<{ readonly callId: string; readonly size: number }, CallNotFoundError | CallNotYoursError | RecordingError>;

type Deps = Pick<CallDeps, 'calls' | 'settings' | 'recordings' | 'events' | 'clock' | 'logger'>;

/**
 * Keeps the recording the agent's window made of their ended call and queues its attachment to the
 * call's Pipedrive call log, in one transaction. The outbox delivers it once the call log is in
 * Pipedrive, whether the agent's wrap-up or the automatic log queued it.
 */
export async function storeCallRecording(deps: Deps, input: StoreCallRecordingInput): Promise<StoreCallRecordingResult> {
  const { companyId, userId, callId } = input;
  const fail = (code: RecordingErrorCode): StoreCallRecordingResult => ({ ok: false, error: { code, callId } });
  const stored = await deps.calls.get(companyId, callId);
  if (stored === undefined) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId } };
  if (stored.call.agentUserId !== userId) return { ok: false, error: { code: 'CALL_NOT_YOURS', callId } };
  if (!(await deps.settings.get(companyId)).recordCalls) return fail('RECORDING_NOT_ENABLED');
  if (stored.call.state !== 'ended' && stored.call.state !== 'wrapped_up') return fail('RECORDING_CALL_NOT_ENDED');
  if (input.bytes.byteLength === 0) return fail('RECORDING_EMPTY');
  const now = deps.clock.now();
  const write = planRecordingWrite({ callId, contentType: input.contentType, size: input.bytes.byteLength });
  const entry = { idempotencyKey: write.idempotencyKey, companyId, actingUserId: userId, callId, write, enqueuedAt: now };
  const outcome = await deps.recordings.store({ callId, companyId, contentType: input.contentType, bytes: input.bytes, createdAt: now }, entry);
  if (outcome === 'duplicate') return fail('RECORDING_ALREADY_STORED');
  deps.logger.info({ callId, size: input.bytes.byteLength, contentType: input.contentType }, 'call recording stored');
  deps.events.publish([{ type: 'outbox.writes_queued', companyId, callId, count: 1 }]);
  return { ok: true, callId, size: input.bytes.byteLength };
}
