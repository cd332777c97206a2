import { describe, expect, it } from 'vitest';
import type { PipedriveWrite } from '@/domain/wrap-up';
import { FakeClock, settle } from '@/application/ports/testing';
import type { OutboxEntryInput } from '@/application/ports/outbox-store.port';
import { InMemoryOutbox } from '@/application/ports/testing';
import type { WriteResult } from './outbox-deliveries.port';
import { createOutboxWorker, RECONNECT_REASON, type OutboxStatusChange, type OutboxWorkerOptions } from './outbox-worker';
import { PipedriveWriteFailure, type PipedriveAccountRef, type PipedriveWriter } from './pipedrive-writer.port';

const T0 = Date.UTC(2026, 2, 14, 9, 30, 0);

type Method = keyof PipedriveWriter;
interface SentWrite {
  readonly method: Method;
  readonly account: PipedriveAccountRef;
  readonly payload: Record<string, unknown>;
}
type Behaviour = (sent: SentWrite) => Promise<WriteResult>;

/** Records every write; answers with the next scripted behaviour of that method, else a new id. */
class FakeWriter implements PipedriveWriter {
  readonly sent: SentWrite[] = [];
  private readonly scripts = new Map<Method, Behaviour[]>();
  private nextId = 100;

  script(method: Method, ...behaviours: Behaviour[]): this {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...behaviours]);
    return this;
  }

  createPerson = (account: PipedriveAccountRef, payload: object) => this.handle('createPerson', account, payload);
  createCallLog = (account: PipedriveAccountRef, payload: object) => this.handle('createCallLog', account, payload);
  createNote = (account: PipedriveAccountRef, payload: object) => this.handle('createNote', account, payload);
  createActivity = (account: PipedriveAccountRef, payload: object) => this.handle('createActivity', account, payload);
  attachRecording = (account: PipedriveAccountRef, payload: object) => this.handle('attachRecording', account, payload);

  private handle(method: Method, account: PipedriveAccountRef, payload: object): Promise<WriteResult> {
    const sent = { method, account, payload: payload as Record<string, unknown> };
    this.sent.push(sent);
    const behaviour = this.scripts.get(method)?.shift();
    return behaviour ? behaviour(sent) : Promise.resolve({ id: this.nextId++ });
  }
}

/** A rejection as the Pipedrive writer adapter gives it. */
function pipedriveFailure(fields: { status: number; retryable: boolean; retryAfterMs?: number; message?: string; outcomeUnknown?: boolean }): Behaviour {
  return async () => {
    throw new PipedriveWriteFailure(fields.message ?? `Pipedrive answered ${fields.status}`, fields);
  };
}

const personWrite: PipedriveWrite = {
  kind: 'create_person',
  purpose: 'person',
  idempotencyKey: 'call:c1:person',
  payload: { name: 'Ada Lovelace', phones: [{ value: '+14155550134', primary: true, label: 'work' }] },
};
const callLogWrite: PipedriveWrite = {
  kind: 'create_call_log',
  purpose: 'call_log',
  idempotencyKey: 'call:c1:call_log',
  personIdFromWrite: 'call:c1:person',
  payload: {
    outcome: 'connected',
    from_phone_number: '+14155550134',
    to_phone_number: '+14155550100',
    start_time: '2026-03-14 09:30:00',
    end_time: '2026-03-14 09:31:00',
    duration: '60',
    subject: 'Inbound call from Ada Lovelace',
  },
};
const personNoteWrite: PipedriveWrite = {
  kind: 'create_note',
  purpose: 'person_note',
  idempotencyKey: 'call:c1:person_note',
  personIdFromWrite: 'call:c1:person',
  payload: { content: '<p>Wants a quote</p>' },
};
const dealNote = (callId: string): PipedriveWrite => ({
  kind: 'create_note',
  purpose: 'deal_note',
  idempotencyKey: `call:${callId}:deal_note`,
  payload: { content: '<p>Deal notes</p>', deal_id: 9 },
});

function entries(callId: string, writes: PipedriveWrite[], actingUserId: number | null = 11): OutboxEntryInput[] {
  return writes.map((write) => ({ idempotencyKey: write.idempotencyKey, companyId: 1, actingUserId, callId, write, enqueuedAt: T0 }));
}

function setUp(options: Partial<OutboxWorkerOptions> = {}) {
  const clock = new FakeClock(T0);
  const outbox = new InMemoryOutbox();
  const writer = new FakeWriter();
  const changes: OutboxStatusChange[] = [];
  const worker = createOutboxWorker({ deliveries: outbox, writer, clock, timers: clock, owner: 'worker-1', random: () => 0, ...options });
  worker.onStatusChange((change) => changes.push(change));
  return { clock, outbox, writer, worker, changes };
}

describe('outbox worker', () => {
  it('creates the person first and fills its id into the call log and the note', async () => {
    const { outbox, writer, worker, changes } = setUp();
    await outbox.enqueue(entries('c1', [personWrite, callLogWrite, personNoteWrite]));

    expect(await worker.drain()).toBe(3);

    expect(writer.sent.map((s) => s.method)).toEqual(['createPerson', 'createCallLog', 'createNote']);
    expect(writer.sent[1]?.payload).toMatchObject({ person_id: 100, subject: 'Inbound call from Ada Lovelace' });
    expect(writer.sent[2]?.payload).toEqual({ content: '<p>Wants a quote</p>', person_id: 100 });
    expect(writer.sent[0]?.account).toEqual({ companyId: 1, userId: 11 });
    expect(await outbox.findByKey('call:c1:call_log')).toMatchObject({ status: 'delivered', result: { id: 101 } });
    expect(await worker.wrapUpStatusForCall('c1')).toEqual({ status: 'saved', savedItems: ['new contact', 'call log', 'note on contact'], error: null });
    expect(changes.map((c) => c.change)).toEqual(['delivered', 'delivered', 'delivered']);
    // The new person's id goes with the news, so the call can be linked to it.
    expect(changes[0]).toMatchObject({ idempotencyKey: personWrite.idempotencyKey, resultId: 100 });
  });

  it('keeps later writes of a call waiting while an earlier one is retried, without holding up other calls', async () => {
    const { clock, outbox, writer, worker } = setUp();
    writer.script('createPerson', pipedriveFailure({ status: 503, retryable: true }));
    await outbox.enqueue([...entries('c1', [personWrite, callLogWrite]), ...entries('c2', [dealNote('c2')])]);

    await worker.drain();
    expect(writer.sent.map((s) => s.method)).toEqual(['createPerson', 'createNote']);
    // Still on its way, and the window can say why it is not saved yet.
    expect(await worker.wrapUpStatusForCall('c1')).toEqual({ status: 'pending', savedItems: [], error: 'Pipedrive answered 503' });

    await clock.advance(2_000);
    await worker.drain();
    expect(writer.sent.map((s) => s.method)).toEqual(['createPerson', 'createNote', 'createPerson', 'createCallLog']);
    expect(writer.sent[3]?.payload).toMatchObject({ person_id: 101 });
  });

  it('backs off exponentially on 5xx and network errors', async () => {
    const { clock, outbox, writer, worker } = setUp();
    writer.script('createNote', pipedriveFailure({ status: 503, retryable: true }), pipedriveFailure({ status: 0, retryable: true }));
    await outbox.enqueue(entries('c1', [dealNote('c1')]));

    await worker.drain();
    expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: T0 + 2_000, lastError: 'Pipedrive answered 503' });
    await clock.advance(1_999);
    expect(await worker.drain()).toBe(0);
    await clock.advance(1);
    await worker.drain();
    // No response at all: the write may have landed, which the next attempt must know.
    expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: T0 + 2_000 + 4_000, outcomeUnknown: true });
    await clock.advance(4_000);
    await worker.drain();
    expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('adds jitter on top of the back-off', async () => {
    const { outbox, writer, worker } = setUp({ random: () => 0.5 });
    writer.script('createNote', pipedriveFailure({ status: 500, retryable: true }));
    await outbox.enqueue(entries('c1', [dealNote('c1')]));
    await worker.drain();
    expect((await outbox.findByKey('call:c1:deal_note'))?.nextAttemptAt).toBe(T0 + 2_000 * 1.1);
  });

  it('waits as long as a 429 asks (Retry-After), not the back-off', async () => {
    const { clock, outbox, writer, worker } = setUp();
    writer.script('createNote', pipedriveFailure({ status: 429, retryable: true, retryAfterMs: 7_000 }));
    await outbox.enqueue(entries('c1', [dealNote('c1')]));
    await worker.drain();
    expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'pending', nextAttemptAt: T0 + 7_000 });
    await clock.advance(6_999);
    expect(await worker.drain()).toBe(0);
    await clock.advance(1);
    expect(await worker.drain()).toBe(1);
    expect(writer.sent).toHaveLength(2);
  });

  it('fails a rejected (validation) write at once, and what depends on it', async () => {
    const { outbox, writer, worker, changes } = setUp();
    writer.script('createPerson', pipedriveFailure({ status: 400, retryable: false, message: 'add person: Pipedrive answered 400 (name is required)' }));
    await outbox.enqueue(entries('c1', [personWrite, callLogWrite, dealNote('c1')]));

    await worker.drain();

    expect(writer.sent.map((s) => s.method)).toEqual(['createPerson', 'createNote']);
    expect(await outbox.findByKey('call:c1:person')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await outbox.findByKey('call:c1:call_log')).toMatchObject({ status: 'failed', lastError: 'the contact this write belongs to could not be created' });
    expect(await worker.wrapUpStatusForCall('c1')).toEqual({
      status: 'failed',
      savedItems: ['note on deal'],
      error: 'add person: Pipedrive answered 400 (name is required)',
    });
    expect(changes.map((c) => `${c.idempotencyKey}:${c.change}`)).toEqual(['call:c1:person:failed', 'call:c1:call_log:failed', 'call:c1:deal_note:delivered']);
  });

  it('gives up after the last attempt', async () => {
    const { clock, outbox, writer, worker } = setUp({ retryPolicy: { maxAttempts: 2 } });
    writer.script('createNote', pipedriveFailure({ status: 502, retryable: true }), pipedriveFailure({ status: 502, retryable: true }));
    await outbox.enqueue(entries('c1', [dealNote('c1')]));
    await worker.drain();
    await clock.advance(2_000);
    await worker.drain();
    expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'failed', attempts: 2, lastError: 'gave up after 2 attempts: Pipedrive answered 502' });
  });

  it('retry() re-queues the failed writes of a call and delivers them in order', async () => {
    const { outbox, writer, worker, changes } = setUp();
    writer.script('createPerson', pipedriveFailure({ status: 403, retryable: false }));
    await outbox.enqueue(entries('c1', [personWrite, callLogWrite]));
    await worker.drain();
    expect((await worker.wrapUpStatusForCall('c1')).status).toBe('failed');

    expect(await worker.retry('c1')).toBe(2);
    await settle();
    await worker.drain();

    expect(writer.sent.map((s) => s.method)).toEqual(['createPerson', 'createPerson', 'createCallLog']);
    expect(writer.sent[2]?.payload).toMatchObject({ person_id: 100 });
    expect(await worker.wrapUpStatusForCall('c1')).toEqual({ status: 'saved', savedItems: ['new contact', 'call log'], error: null });
    expect(changes.map((c) => c.change)).toEqual(['failed', 'failed', 'requeued', 'delivered', 'delivered']);
    expect(await worker.retry('c1')).toBe(0);
  });

  it('never lets two workers deliver the same entry', async () => {
    const { clock, outbox, writer } = setUp();
    let release: () => void = () => undefined;
    writer.script('createNote', () => new Promise<WriteResult>((resolve) => (release = () => resolve({ id: 5 }))));
    const [first, second] = ['worker-a', 'worker-b'].map((owner) => createOutboxWorker({ deliveries: outbox, writer, clock, owner, random: () => 0 }));
    await outbox.enqueue(entries('c1', [dealNote('c1')]));

    const draining = [first!.drain(), second!.drain()];
    await settle();
    release();
    expect(await Promise.all(draining)).toEqual([1, 0]);
    expect(writer.sent).toHaveLength(1);
    expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'delivered', attempts: 1, result: { id: 5 } });
  });

  it('asks the reconcile seam before re-sending a write whose outcome is unknown', async () => {
    const asked: string[] = [];
    const { clock, outbox, writer, worker } = setUp({
      reconcile: async (delivery) => {
        asked.push(delivery.idempotencyKey);
        return { id: 'found-in-pipedrive' };
      },
    });
    writer.script('createCallLog', pipedriveFailure({ status: 0, retryable: true, message: 'add call log: no response from Pipedrive (ECONNABORTED)' }));
    await outbox.enqueue(entries('c1', [{ ...callLogWrite, personIdFromWrite: undefined }]));
    await worker.drain();
    expect(asked).toEqual([]);
    await clock.advance(2_000);
    await worker.drain();
    expect(asked).toEqual(['call:c1:call_log']);
    expect(writer.sent).toHaveLength(1);
    expect(await outbox.findByKey('call:c1:call_log')).toMatchObject({ status: 'delivered', result: { id: 'found-in-pipedrive' } });
  });

  describe('a write whose answer was lost (outcome unknown)', () => {
    const lostAnswer = pipedriveFailure({ status: 0, retryable: true, message: 'add note: no response from Pipedrive (ECONNRESET)' });

    it('is recorded as delivered, without re-sending, when the lookup finds it', async () => {
      const looked: unknown[] = [];
      const { clock, outbox, writer, worker, changes } = setUp({ reconcile: async (delivery) => (looked.push(delivery.write.payload), { id: 77 }) });
      writer.script('createPerson', async () => ({ id: 5 }));
      writer.script('createNote', lostAnswer);
      await outbox.enqueue(entries('c1', [personWrite, personNoteWrite]));
      await worker.drain();
      expect(await outbox.findByKey('call:c1:person_note')).toMatchObject({ status: 'pending', outcomeUnknown: true });

      await clock.advance(2_000);
      await worker.drain();

      expect(writer.sent.map((s) => s.method)).toEqual(['createPerson', 'createNote']);
      // The lookup sees the write as it was sent: with the created person's id.
      expect(looked).toEqual([{ content: '<p>Wants a quote</p>', person_id: 5 }]);
      expect(await outbox.findByKey('call:c1:person_note')).toMatchObject({ status: 'delivered', result: { id: 77 }, outcomeUnknown: false });
      expect(await worker.wrapUpStatusForCall('c1')).toEqual({ status: 'saved', savedItems: ['new contact', 'note on contact'], error: null });
      expect(changes.map((c) => c.change)).toEqual(['delivered', 'retry', 'delivered']);
    });

    it('is sent again when the lookup does not find it', async () => {
      const { clock, outbox, writer, worker } = setUp({ reconcile: async () => undefined });
      writer.script('createNote', lostAnswer);
      await outbox.enqueue(entries('c1', [dealNote('c1')]));
      await worker.drain();
      await clock.advance(2_000);
      await worker.drain();
      expect(writer.sent.map((s) => s.method)).toEqual(['createNote', 'createNote']);
      expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'delivered', result: { id: 100 }, outcomeUnknown: false });
    });

    it('is neither re-sent nor given up when the lookup itself fails: the lookup is retried later', async () => {
      const lookups: Array<() => Promise<{ id: number } | undefined>> = [
        async () => Promise.reject(new PipedriveWriteFailure('list notes: Pipedrive answered 503', { status: 503, retryable: true })),
        async () => ({ id: 9 }),
      ];
      const { clock, outbox, writer, worker } = setUp({ reconcile: () => (lookups.shift() as () => Promise<{ id: number } | undefined>)() });
      writer.script('createNote', lostAnswer);
      await outbox.enqueue(entries('c1', [dealNote('c1')]));
      await worker.drain();
      await clock.advance(2_000);
      await worker.drain();

      expect(writer.sent).toHaveLength(1);
      expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({
        status: 'pending',
        outcomeUnknown: true,
        lastError: 'list notes: Pipedrive answered 503',
        nextAttemptAt: T0 + 2_000 + 4_000,
      });
      await clock.advance(4_000);
      await worker.drain();
      expect(writer.sent).toHaveLength(1);
      expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'delivered', result: { id: 9 } });
    });

    it('stays unknown once given up, so the window\'s Retry looks it up before sending it again', async () => {
      const looked: string[] = [];
      const failingLookup = async () => Promise.reject(new PipedriveWriteFailure('list notes: Pipedrive answered 503', { status: 503, retryable: true }));
      const lookups = [failingLookup, failingLookup, async () => ({ id: 9 })];
      const { clock, outbox, writer, worker } = setUp({
        retryPolicy: { maxAttempts: 3 },
        reconcile: (delivery) => (looked.push(delivery.idempotencyKey), (lookups.shift() as () => Promise<{ id: number } | undefined>)()),
      });
      writer.script('createNote', pipedriveFailure({ status: 502, retryable: true, outcomeUnknown: true, message: 'add note: a gateway answered 502' }));
      await outbox.enqueue(entries('c1', [dealNote('c1')]));
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await worker.drain();
        await clock.advance(60_000);
      }
      expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'failed', outcomeUnknown: true });

      await worker.retry('c1');
      await worker.drain();
      expect(writer.sent).toHaveLength(1);
      expect(looked).toHaveLength(3);
      expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'delivered', result: { id: 9 } });
    });

    it('is not looked up before Pipedrive had time to finish it (settle time)', async () => {
      const { outbox, writer, worker } = setUp({ reconcile: async () => undefined, unknownOutcomeSettleMs: 30_000 });
      writer.script('createNote', lostAnswer, pipedriveFailure({ status: 503, retryable: true }));
      await outbox.enqueue(entries('c1', [dealNote('c1')]));
      await worker.drain();
      expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ nextAttemptAt: T0 + 30_000 });
    });
  });

  describe('no connected account (token revoked, app uninstalled)', () => {
    const revoked = async () => {
      throw new PipedriveWriteFailure('no user of the company has the app connected to Pipedrive', { accountUnavailable: true, retryable: false });
    };

    it('keeps the write pending with "reconnect the app", without using up attempts, and delivers it after the reconnect', async () => {
      const { clock, outbox, writer, worker } = setUp({ retryPolicy: { maxAttempts: 2 }, reconnectCheckMs: 60_000 });
      writer.script('createNote', revoked, revoked, revoked);
      await outbox.enqueue(entries('c1', [dealNote('c1')]));
      for (let check = 0; check < 3; check += 1) {
        await worker.drain();
        await clock.advance(60_000);
      }
      expect(await outbox.findByKey('call:c1:deal_note')).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await worker.wrapUpStatusForCall('c1')).toEqual({ status: 'pending', savedItems: [], error: RECONNECT_REASON });
      expect(RECONNECT_REASON).toContain('reconnect the app');

      await worker.drain();
      expect(writer.sent).toHaveLength(4);
      expect(await worker.wrapUpStatusForCall('c1')).toEqual({ status: 'saved', savedItems: ['note on deal'], error: null });
    });

    it('lets "retry" check again at once instead of at the next check', async () => {
      const { outbox, writer, worker } = setUp({ reconnectCheckMs: 60_000 });
      writer.script('createNote', revoked);
      await outbox.enqueue(entries('c1', [dealNote('c1')]));
      await worker.drain();
      expect(await worker.retry('c1')).toBe(1);
      await settle();
      await worker.drain();
      expect(writer.sent).toHaveLength(2);
      expect((await worker.wrapUpStatusForCall('c1')).status).toBe('saved');
    });

    it('fails the write, with the reason, once it waited too long', async () => {
      const { clock, outbox, writer, worker } = setUp({ reconnectCheckMs: 60_000, reconnectGiveUpMs: 120_000 });
      writer.script('createNote', revoked, revoked, revoked);
      await outbox.enqueue(entries('c1', [dealNote('c1')]));
      await worker.drain();
      await clock.advance(60_000);
      await worker.drain();
      await clock.advance(60_000);
      await worker.drain();
      expect(await worker.wrapUpStatusForCall('c1')).toEqual({ status: 'failed', savedItems: [], error: RECONNECT_REASON });
    });
  });

  it('writes for a call without agent through the company (no acting user)', async () => {
    const { outbox, writer, worker } = setUp();
    await outbox.enqueue(entries('c1', [dealNote('c1')], null));
    await worker.drain();
    expect(writer.sent[0]?.account).toEqual({ companyId: 1, userId: null });
  });

  it('polls on its interval and, when stopped, finishes the delivery in flight and claims nothing more', async () => {
    const { clock, outbox, writer, worker } = setUp();
    const running = worker.start({ intervalMs: 1_000 });
    await outbox.enqueue(entries('c1', [dealNote('c1')]));
    await clock.advance(0);
    expect(writer.sent).toHaveLength(1);

    let release: () => void = () => undefined;
    writer.script('createNote', () => new Promise<WriteResult>((resolve) => (release = () => resolve({ id: 7 }))));
    await outbox.enqueue([...entries('c2', [dealNote('c2')]), ...entries('c3', [dealNote('c3')])]);
    await clock.advance(1_000);
    expect(writer.sent).toHaveLength(2);

    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await outbox.findByKey('call:c2:deal_note')).toMatchObject({ status: 'delivered', result: { id: 7 } });
    expect(await outbox.findByKey('call:c3:deal_note')).toMatchObject({ status: 'pending', attempts: 0 });
    await clock.advance(5_000);
    expect(writer.sent).toHaveLength(2);
    expect(clock.pendingCount).toBe(0);
  });
});
