import { describe, expect, it } from 'vitest';
import { planRecordingWrite } from './plan-recording-write';
import { writeIdempotencyKey } from './write-idempotency-key';

describe('planRecordingWrite', () => {
  it('keys the attachment by call and points it at the call-log write of the same call', () => {
    const write = planRecordingWrite({ callId: 'c1', contentType: 'audio/webm;codecs=opus', size: 1200 });
    expect(write).toEqual({
      purpose: 'recording',
      kind: 'attach_recording',
      idempotencyKey: 'call:c1:recording',
      callLogIdFromWrite: writeIdempotencyKey('c1', 'call_log'),
      payload: { callId: 'c1', contentType: 'audio/webm;codecs=opus', size: 1200 },
    });
  });

  it('gives the same key for a second upload of the same call', () => {
    const first = planRecordingWrite({ callId: 'c1', contentType: 'audio/ogg', size: 1 });
    const second = planRecordingWrite({ callId: 'c1', contentType: 'audio/webm', size: 2 });
    expect(second.idempotencyKey).toBe(first.idempotencyKey);
  });
});

describe('deliveredAfterKey', () => {
  it('makes a recording wait for its call log and leaves other writes to insertion order', async () => {
    const { deliveredAfterKey } = await import('./plan-recording-write');
    expect(deliveredAfterKey(planRecordingWrite({ callId: 'c9', contentType: 'audio/ogg', size: 3 }))).toBe('call:c9:call_log');
    expect(deliveredAfterKey({ purpose: 'person', kind: 'create_person', idempotencyKey: 'call:c9:person', payload: { name: 'A', phones: [] } })).toBeNull();
  });
});
