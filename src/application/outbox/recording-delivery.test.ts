import { describe, expect, it } from 'vitest';
import { planRecordingWrite, type PipedriveWrite } from '@/domain/wrap-up';
import { FakeClock, InMemoryCallRecordings, InMemoryOutbox } from '@/application/ports/testing';
import { createOutboxWorker } from './outbox-worker';
import { PipedriveWriteFailure, type PipedriveWriter, type RecordingUpload } from './pipedrive-writer.port';

const T0 = Date.UTC(2026, 2, 14, 9, 30, 0);
const AUDIO = new Uint8Array([26, 69, 223, 163, 1, 2, 3]);

const callLog: PipedriveWrite = {
  kind: 'create_call_log',
  purpose: 'call_log',
  idempotencyKey: 'call:c1:call_log',
  payload: { outcome: 'connected', to_phone_number: '+14155550100', start_time: '2026-03-14 09:30:00', end_time: '2026-03-14 09:31:00', duration: '60', subject: 'Call' },
};

function setUp(options: { callLogFails?: boolean; recordingOutcomeUnknown?: boolean } = {}) {
  const clock = new FakeClock(T0);
  const outbox = new InMemoryOutbox();
  const recordings = new InMemoryCallRecordings(outbox);
  const uploads: Array<RecordingUpload & { userId: number | null }> = [];
  const reconciled: PipedriveWrite[] = [];
  let callLogFails = options.callLogFails ?? false;
  let uploadFails = options.recordingOutcomeUnknown ?? false;
  const writer: PipedriveWriter = {
    createPerson: async () => ({ id: 1 }),
    createNote: async () => ({ id: 2 }),
    createActivity: async () => ({ id: 3 }),
    createCallLog: async () => {
      if (callLogFails) throw new PipedriveWriteFailure('Pipedrive answered 400', { retryable: false, status: 400 });
      return { id: 'log-7' };
    },
    attachRecording: async (account, upload) => {
      if (uploadFails) throw new PipedriveWriteFailure('no answer', { retryable: true, status: 0 });
      uploads.push({ ...upload, userId: account.userId });
      return { id: upload.callLogId };
    },
  };
  const worker = createOutboxWorker({
    deliveries: outbox,
    writer,
    clock,
    timers: clock,
    recordings,
    random: () => 0,
    reconcile: async (delivery) => (reconciled.push(delivery.write), undefined),
  });
  const storeRecording = () =>
    recordings.store(
      { callId: 'c1', companyId: 1, contentType: 'audio/webm;codecs=opus', bytes: AUDIO, createdAt: T0 },
      { idempotencyKey: 'call:c1:recording', companyId: 1, actingUserId: 11, callId: 'c1', write: planRecordingWrite({ callId: 'c1', contentType: 'audio/webm;codecs=opus', size: AUDIO.length }), enqueuedAt: T0 },
    );
  const queueCallLog = () => outbox.enqueueNow([{ idempotencyKey: callLog.idempotencyKey, companyId: 1, actingUserId: 11, callId: 'c1', write: callLog, enqueuedAt: T0 }]);
  return {
    clock, outbox, recordings, worker, uploads, reconciled, storeRecording, queueCallLog,
    heal: () => ((callLogFails = false), (uploadFails = false)),
  };
}

const statusOf = async (outbox: InMemoryOutbox, key: string) => (await outbox.findByKey(key))?.status;

describe('recording delivery', () => {
  it('waits for the call log queued after it, then attaches the bytes to that call log and drops them', async () => {
    const h = setUp();
    await h.storeRecording();
    expect(await h.worker.drain()).toBe(0);
    expect((await h.outbox.findByKey('call:c1:recording'))?.attempts).toBe(0);

    h.queueCallLog();
    expect(await h.worker.drain()).toBe(2);
    expect(h.uploads).toEqual([{ callLogId: 'log-7', contentType: 'audio/webm;codecs=opus', bytes: AUDIO, userId: 11 }]);
    expect(await statusOf(h.outbox, 'call:c1:recording')).toBe('delivered');
    expect(await h.recordings.load('c1')).toBeUndefined();
    expect(h.recordings.has('c1')).toBe(true);
    expect((await h.worker.wrapUpStatusForCall('c1')).savedItems).toEqual(['recording', 'call log']);
  });

  it('goes after a call log queued first, and never holds back the call log', async () => {
    const h = setUp();
    h.queueCallLog();
    await h.storeRecording();
    expect(await h.worker.drain()).toBe(2);
    expect(h.uploads.map((u) => u.callLogId)).toEqual(['log-7']);
  });

  it('keeps waiting, attempts untouched, while the call log failed; the window’s Retry delivers both', async () => {
    const h = setUp({ callLogFails: true });
    await h.storeRecording();
    h.queueCallLog();
    await h.worker.drain();
    expect(await statusOf(h.outbox, 'call:c1:call_log')).toBe('failed');
    expect(await h.outbox.findByKey('call:c1:recording')).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await h.worker.wrapUpStatusForCall('c1')).status).toBe('failed');

    h.heal();
    await h.worker.retry('c1');
    await h.worker.drain();
    expect(await statusOf(h.outbox, 'call:c1:recording')).toBe('delivered');
    expect(h.uploads).toHaveLength(1);
  });

  it('looks the recording up (with the call log id) before sending it again after an unanswered upload', async () => {
    const h = setUp({ recordingOutcomeUnknown: true });
    h.queueCallLog();
    await h.storeRecording();
    await h.worker.drain();
    expect(await h.outbox.findByKey('call:c1:recording')).toMatchObject({ status: 'pending', outcomeUnknown: true });
    h.heal();
    await h.clock.advance(60_000);
    await h.worker.drain();
    expect(h.reconciled).toMatchObject([{ kind: 'attach_recording', payload: { callLogId: 'log-7' } }]);
    expect(await statusOf(h.outbox, 'call:c1:recording')).toBe('delivered');
  });

  it('fails a recording whose bytes are gone', async () => {
    const h = setUp();
    h.queueCallLog();
    await h.storeRecording();
    await h.recordings.discardBytes('c1');
    await h.worker.drain();
    expect(await h.outbox.findByKey('call:c1:recording')).toMatchObject({ status: 'failed', lastError: 'the recording is no longer stored' });
  });
});
