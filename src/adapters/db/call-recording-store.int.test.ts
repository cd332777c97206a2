import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRecordingWrite } from '@/domain/wrap-up';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/database-engine';
import { createCallRecordingStore } from './call-recording-store';
import { openDatabase, type Database } from './database';
import { DrizzleOutboxStore } from './outbox-store';

/** The recordings table of migration 0007 and the outbox rule it relies on, on both engines. */
describe.each(['sqlite', 'postgres'] as const)('call recording store (%s)', (engine) => {
  let testDatabase: TestDatabase;
  let database: Database;
  const bytes = new Uint8Array(Array.from({ length: 300 }, (_, n) => n % 256));
  const entry = (callId: string) => {
    const write = planRecordingWrite({ callId, contentType: 'audio/webm;codecs=opus', size: bytes.length });
    return { idempotencyKey: write.idempotencyKey, companyId: 7, actingUserId: 11, callId, write, enqueuedAt: 1_000 };
  };

  beforeEach(async () => {
    testDatabase = await createTestDatabase('call_recordings', engine);
    database = openDatabase(testDatabase.url);
    await database.migrate();
  });
  afterEach(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it('stores the bytes with their outbox write once, and drops the bytes (not the row) after delivery', async () => {
    const recordings = createCallRecordingStore(database);
    const outbox = new DrizzleOutboxStore(database);
    const recording = { callId: 'call-1', companyId: 7, contentType: 'audio/webm;codecs=opus', bytes, createdAt: 1_000 };
    expect(await recordings.store(recording, entry('call-1'))).toBe('stored');
    expect(await recordings.store({ ...recording, bytes: new Uint8Array([9]) }, entry('call-1'))).toBe('duplicate');
    expect(await recordings.load('call-1')).toEqual({ contentType: 'audio/webm;codecs=opus', bytes });
    expect((await outbox.listForCall('call-1')).map((e) => e.idempotencyKey)).toEqual(['call:call-1:recording']);
    await recordings.discardBytes('call-1');
    expect(await recordings.load('call-1')).toBeUndefined();
    expect(await recordings.store(recording, entry('call-1'))).toBe('duplicate');
  });

  it('claims the recording only once its call log is delivered, and never lets it hold the call log back', async () => {
    const recordings = createCallRecordingStore(database);
    const outbox = new DrizzleOutboxStore(database);
    await recordings.store({ callId: 'call-2', companyId: 7, contentType: 'audio/ogg', bytes, createdAt: 1_000 }, entry('call-2'));
    const claim = () => outbox.claimNext({ owner: 'w', now: 2_000, leaseMs: 60_000 });
    expect(await claim()).toBeUndefined();
    const callLog = { purpose: 'call_log', kind: 'create_call_log', idempotencyKey: 'call:call-2:call_log', payload: { outcome: 'connected', to_phone_number: '+1', start_time: '', end_time: '', duration: '0', subject: 's' } } as const;
    await outbox.enqueue([{ idempotencyKey: callLog.idempotencyKey, companyId: 7, actingUserId: 11, callId: 'call-2', write: callLog, enqueuedAt: 1_500 }]);
    const first = await claim();
    expect(first?.idempotencyKey).toBe('call:call-2:call_log');
    expect(await claim()).toBeUndefined();
    await outbox.complete(first!.sequence, 'w', { kind: 'delivered', result: { id: 'log-1' }, at: 2_000 });
    expect((await claim())?.idempotencyKey).toBe('call:call-2:recording');
  });
});
