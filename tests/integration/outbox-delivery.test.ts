import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRepository } from '@/adapters/db/account-repository';
import type { CallPersistence } from '@/adapters/db/call-persistence';
import { createPipedriveWriter } from '@/adapters/pipedrive/pipedrive-writer';
import type { OutboxWorker } from '@/application/outbox/outbox-worker';
import type { TestKit } from '../../sandbox/test/sandbox-test-kit';
import { startOutboxAgainstSandbox, type OutboxAgainstSandbox } from '../support/outbox-against-sandbox';

/**
 * The delivery worker against the sandbox over HTTP: outbox rows in SQLite (and in PostgreSQL:
 * outbox-delivery.postgres.test.ts), the real gateway with
 * an installed account, Pipedrive's answers checked in the sandbox's own state.
 */

const T0 = Date.UTC(2026, 2, 14, 9, 30, 0);
const CALLER = '+14155550123';

let outbox: OutboxAgainstSandbox;
let kit: TestKit;
let accounts: AccountRepository;
let persistence: CallPersistence;
let worker: OutboxWorker;
let companyId: number;
let userId: number;
let now = T0;

beforeAll(async () => {
  outbox = await startOutboxAgainstSandbox('outbox');
  ({ kit, accounts, persistence, companyId, userId } = outbox);
  worker = persistence.createOutboxWorker({ writer: createPipedriveWriter({ gateway: outbox.gateway, accounts }), clock: { now: () => now }, random: () => 0 });
});

afterAll(async () => {
  await outbox?.close();
});

/** The agent's "create contact" wrap-up, committed as the use case does: call update + outbox. */
async function wrapUpWithNewContact(callId: string, name: string, notes: string) {
  const call = outbox.endedCall(callId, CALLER, { createdAt: T0, ringingAt: T0, answeredAt: T0 + 5_000, endedAt: T0 + 65_000 });
  return outbox.commitWrapUp(call, { callId, notes, action: { kind: 'create_contact', name } }, now);
}

async function sandboxState(): Promise<{ callLogs: any[]; notes: any[]; persons: any[] }> {
  const response = await fetch(`${kit.url}/__sandbox/state?include=callLogs,notes,persons`);
  return ((await response.json()) as { data: { callLogs: any[]; notes: any[]; persons: any[] } }).data;
}

describe('outbox delivery to the sandbox', () => {
  it('creates the contact, then the call log carrying the notes once (escaped, shown as typed on the person page)', async () => {
    const typed = 'Wants a <b>quote</b> & a demo\nCall back Monday';
    const writes = await wrapUpWithNewContact('call-int-1', 'Grace Integration', typed);
    expect(writes.map((w) => w.purpose)).toEqual(['person', 'call_log']);

    expect(await worker.drain()).toBe(2);

    const status = await worker.wrapUpStatusForCall('call-int-1');
    expect(status).toEqual({ status: 'saved', savedItems: ['new contact', 'call log'], error: null });
    const [person, callLog] = await persistence.outboxStore.listDeliveries('call-int-1');
    const personId = person?.result?.id;
    expect(typeof personId).toBe('number');

    const state = await sandboxState();
    const createdPerson = state.persons.find((p) => p.id === personId);
    expect(createdPerson?.name).toBe('Grace Integration');
    expect(JSON.stringify(createdPerson?.phones)).toContain(CALLER);
    const createdLog = state.callLogs.find((log) => String(log.id) === String(callLog?.result?.id));
    expect(createdLog).toMatchObject({
      person_id: personId,
      outcome: 'connected',
      from_phone_number: CALLER,
      to_phone_number: '+14155550100',
      start_time: '2026-03-14T09:30:05.000Z',
      duration: '60',
      note: '<p>Wants a &lt;b&gt;quote&lt;/b&gt; &amp; a demo<br>Call back Monday</p>',
    });
    expect(createdLog.subject).toContain('Grace Integration');
    // Exactly once: no separate note repeats what the call log carries.
    expect(state.notes.filter((n) => String(n.content).includes('quote'))).toEqual([]);

    const page = await (await fetch(`${kit.url}/persons/${personId}`, { headers: { cookie: `sandbox_user=${userId}` } })).text();
    expect(page).toContain('<p>Wants a &lt;b&gt;quote&lt;/b&gt; &amp; a demo<br>Call back Monday</p>');
    expect(page).not.toContain('&lt;br&gt;');
  });

  it('retries a write Pipedrive answered with 500, and fails one it rejects, without sending anything twice', async () => {
    const faults = await fetch(`${kit.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'error', method: 'POST', path: '/api/v1/callLogs', status: 500, count: 1 }),
    });
    expect(faults.ok).toBe(true);
    await wrapUpWithNewContact('call-int-2', 'Retry Person', 'notes');
    const logsBefore = (await sandboxState()).callLogs.length;

    await worker.drain();
    const afterFirst = await persistence.outboxStore.findByKey('call:call-int-2:call_log');
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: now + 2_000 });
    expect(afterFirst?.lastError).toContain('500');
    expect((await worker.wrapUpStatusForCall('call-int-2')).status).toBe('pending');

    now += 2_000;
    await worker.drain();
    expect(await worker.wrapUpStatusForCall('call-int-2')).toEqual({ status: 'saved', savedItems: ['new contact', 'call log'], error: null });
    expect((await sandboxState()).callLogs.length).toBe(logsBefore + 1);

    // A note on a deal that does not exist: Pipedrive says 400/404, which no retry can fix.
    await persistence.outboxStore.enqueue([
      {
        idempotencyKey: 'call:call-int-2:deal_note',
        companyId,
        actingUserId: userId,
        callId: 'call-int-2',
        write: { kind: 'create_note', purpose: 'deal_note', idempotencyKey: 'call:call-int-2:deal_note', payload: { content: 'x', deal_id: 999_999_999 } },
        enqueuedAt: now,
      },
    ]);
    await worker.drain();
    const failed = await worker.wrapUpStatusForCall('call-int-2');
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('add note');
    expect(await persistence.outboxStore.findByKey('call:call-int-2:deal_note')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('keeps the writes of a disconnected company pending ("reconnect the app") without using attempts, and delivers them after a re-install', async () => {
    const account = await accounts.find({ companyId, userId });
    const stored = await accounts.findWithTokens({ companyId, userId });
    if (!account || !stored?.tokens) throw new Error('setup: the account is not installed');
    await accounts.disconnect({ companyId, userId });
    await wrapUpWithNewContact('call-int-3', 'Revoked Person', 'kept while revoked');

    await worker.drain();
    const waiting = await persistence.outboxStore.findByKey('call:call-int-3:person');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    const status = await worker.wrapUpStatusForCall('call-int-3');
    expect(status.status).toBe('pending');
    expect(status.error).toContain('reconnect the app');

    await accounts.install({
      companyId,
      userId,
      name: account.name,
      email: account.email,
      companyName: account.companyName,
      apiDomain: account.apiDomain,
      scopes: account.scopes,
      tokens: stored.tokens,
    });
    // "Retry" makes the waiting writes due at once instead of at the next reconnect check.
    expect(await worker.retry('call-int-3')).toBe(1);
    await worker.drain();
    expect(await worker.wrapUpStatusForCall('call-int-3')).toEqual({ status: 'saved', savedItems: ['new contact', 'call log'], error: null });
  });
});
