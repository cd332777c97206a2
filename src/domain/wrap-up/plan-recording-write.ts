import type { PipedriveWrite } from './wrap-up.types';
import { writeIdempotencyKey } from './write-idempotency-key';

/**
 * The outbox write that attaches a call's recording to its call log. Its key is the call's, so a
 * second upload can never queue a second attachment (Pipedrive keeps one recording per call log),
 * and it names the call-log write by key: whichever of the agent's wrap-up and the automatic log
 * queued that write, the recording follows it.
 */
export function planRecordingWrite(input: { readonly callId: string; readonly contentType: string; readonly size: number }): Extract<PipedriveWrite, { kind: 'attach_recording' }> {
  return {
    purpose: 'recording',
    kind: 'attach_recording',
    idempotencyKey: writeIdempotencyKey(input.callId, 'recording'),
    callLogIdFromWrite: writeIdempotencyKey(input.callId, 'call_log'),
    payload: { callId: input.callId, contentType: input.contentType, size: input.size },
  };
}

/**
 * The key of the write that must be delivered before this one, when it waits for a particular
 * write rather than for its call's earlier writes (a recording waits for its call log, which may
 * be queued after it). Null: the call's insertion order applies.
 */
export function deliveredAfterKey(write: PipedriveWrite): string | null {
  return write.kind === 'attach_recording' ? write.callLogIdFromWrite : null;
}
