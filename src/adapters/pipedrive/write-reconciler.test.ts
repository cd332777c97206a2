import { describe, expect, it } from 'vitest';
import type { OutboxDelivery } from '@/application/outbox/outbox-deliveries.port';
import type { PipedriveWrite } from '@/domain/wrap-up';
import type { Account, AccountKey } from '@/adapters/db/account-repository';
import { AccountUnavailableError, PipedriveError } from './pipedrive-error';
import { LookupInconclusiveError, createWriteReconciler } from './write-reconciler';

const T0 = Date.parse('2026-03-14T09:32:00Z');
type Item = Record<string, unknown>;

function account(userId: number, status: Account['status'] = 'connected'): Account {
  return { companyId: 1, userId, name: '', email: '', companyName: '', apiDomain: '', scopes: '', status, accessTokenExpiresAt: 0, tokenVersion: 1, createdAt: 0, updatedAt: 0 };
}

function delivery(write: PipedriveWrite, actingUserId: number | null = 11): OutboxDelivery {
  return {
    idempotencyKey: write.idempotencyKey, companyId: 1, actingUserId, callId: 'c1', write, enqueuedAt: T0, sequence: 1, status: 'delivering',
    attempts: 2, nextAttemptAt: T0, lastError: null, outcomeUnknown: true, result: null, deliveredAt: null, leaseOwner: 'w', leaseExpiresAt: T0 + 60_000,
  };
}

/** A fake of the gateway's reads: pages cut from the given lists, every request recorded. */
function setUp(data: { callLogs?: Item[]; notes?: Item[]; persons?: Item[]; activities?: Item[] }, options: { accounts?: Account[]; fail?: unknown } = {}) {
  const requests: Array<{ what: string; key: AccountKey; params: Record<string, unknown> }> = [];
  const record = (what: string, key: AccountKey, params: object) => {
    requests.push({ what, key, params: { ...params } });
    if (options.fail) throw options.fail;
  };
  const v1Page = (items: Item[], start: number, limit: number) => ({ items: items.slice(start, start + limit), nextStart: start + limit < items.length ? start + limit : null });
  const v2Page = (items: Item[], cursor: string | null, limit: number) => {
    const start = cursor === null ? 0 : Number(cursor);
    return { items: items.slice(start, start + limit), nextCursor: start + limit < items.length ? String(start + limit) : null };
  };
  const gateway = {
    listCallLogsPage: async (key: AccountKey, page: { start: number; limit: number }) => (record('callLogs', key, page), v1Page(data.callLogs ?? [], page.start, page.limit)),
    listNotesPage: async (key: AccountKey, filter: { start: number; limit: number }) => (record('notes', key, filter), v1Page(data.notes ?? [], filter.start, filter.limit)),
    listRecentPersonsPage: async (key: AccountKey, page: { cursor: string | null; limit: number }) => (record('persons', key, page), v2Page(data.persons ?? [], page.cursor, page.limit)),
    listActivitiesPage: async (key: AccountKey, filter: { cursor: string | null; limit: number }) => (record('activities', key, filter), v2Page(data.activities ?? [], filter.cursor, filter.limit)),
    callLogHasRecording: async (key: AccountKey, id: string) => (record('callLog', key, { id }), (data.callLogs ?? []).some((log) => log.id === id && log.has_recording === true)),
  };
  const stored = options.accounts ?? [account(11)];
  const accounts = {
    find: async (key: AccountKey) => stored.find((a) => a.userId === key.userId) ?? null,
    listConnectedByCompany: async () => stored.filter((a) => a.status === 'connected'),
  };
  const reconcile = createWriteReconciler({ gateway, accounts, maxPages: 3 });
  return { reconcile, requests };
}

const callLog: PipedriveWrite = {
  kind: 'create_call_log', purpose: 'call_log', idempotencyKey: 'call:c1:call_log',
  payload: { outcome: 'connected', to_phone_number: '+14155550100', from_phone_number: '+14155550134', start_time: '2026-03-14 09:30:05', end_time: '2026-03-14 09:31:05', duration: '60', subject: 'Call' },
};
const ourLog = { id: 'log-9', outcome: 'connected', to_phone_number: '+14155550100', from_phone_number: '+14155550134', start_time: '2026-03-14T09:30:05.000Z', end_time: '2026-03-14T09:31:05.000Z' };
const otherLog = (n: number) => ({ ...ourLog, id: `other-${n}`, start_time: `2026-03-13T08:${String(n % 60).padStart(2, '0')}:00.000Z` });
const note: PipedriveWrite = { kind: 'create_note', purpose: 'person_note', idempotencyKey: 'call:c1:person_note', payload: { content: 'Wants a quote', person_id: 41 } };
const person: PipedriveWrite = {
  kind: 'create_person', purpose: 'person', idempotencyKey: 'call:c1:person',
  payload: { name: 'Grace Hopper', phones: [{ value: '+14155550134', primary: true, label: 'work' }] },
};
const activity: PipedriveWrite = {
  kind: 'create_activity', purpose: 'callback_activity', idempotencyKey: 'call:c1:callback_activity',
  payload: { subject: 'Call back', type: 'call', due_date: '2026-03-14', done: false, user_id: 11, person_id: 41 },
};

describe('write reconciler', () => {
  it('finds a call log among the user\'s logs, page after page, and answers its id', async () => {
    const { reconcile, requests } = setUp({ callLogs: [...Array.from({ length: 60 }, (_, n) => otherLog(n)), ourLog] });
    expect(await reconcile(delivery(callLog))).toEqual({ id: 'log-9' });
    expect(requests.map((r) => `${r.what}:${r.params.start}`)).toEqual(['callLogs:0', 'callLogs:50']);
    expect(requests[0]?.key).toEqual({ companyId: 1, userId: 11 });
  });

  it('answers "not there" once every call log was read, and "inconclusive" past the page limit', async () => {
    expect(await setUp({ callLogs: [otherLog(1)] }).reconcile(delivery(callLog))).toBeUndefined();
    const many = Array.from({ length: 151 }, (_, n) => otherLog(n));
    await expect(setUp({ callLogs: many }).reconcile(delivery(callLog))).rejects.toBeInstanceOf(LookupInconclusiveError);
    await expect(setUp({ callLogs: many }).reconcile(delivery(callLog))).rejects.toMatchObject({ retryable: true });
  });

  it('looks for a note on its person from the window\'s first day, newest first, and stops past the window', async () => {
    const old = { id: 1, person_id: 41, content: 'Wants a quote', add_time: '2026-03-14 09:00:00', active_flag: true };
    const { reconcile, requests } = setUp({ notes: [old] });
    expect(await reconcile(delivery(note))).toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.params).toMatchObject({ personId: 41, startDate: '2026-03-14' });

    const ours = { ...old, id: 2, add_time: '2026-03-14 09:32:01' };
    expect(await setUp({ notes: [ours, old] }).reconcile(delivery(note))).toEqual({ id: 2 });
  });

  it('finds a new contact among the persons added since the window started', async () => {
    const newer = { id: 8, name: 'Someone Else', phones: [{ value: '+14155550134' }], add_time: '2026-03-14T09:33:00Z' };
    const ours = { id: 7, name: 'Grace Hopper', phones: [{ value: '+1 415 555 0134' }], add_time: '2026-03-14T09:32:01Z' };
    const { reconcile, requests } = setUp({ persons: [newer, ours] });
    expect(await reconcile(delivery(person))).toEqual({ id: 7 });
    expect(requests[0]?.params).toMatchObject({ cursor: null });

    const old = { ...ours, add_time: '2026-03-01T00:00:00Z' };
    expect(await setUp({ persons: [newer, old] }).reconcile(delivery(person))).toBeUndefined();
  });

  it('finds a call-back activity among the person\'s activities updated since the window started', async () => {
    const ours = { id: 3, subject: 'Call back', type: 'call', due_date: '2026-03-14', owner_id: 11, person_id: 41, add_time: '2026-03-14T09:32:01Z' };
    const { reconcile, requests } = setUp({ activities: [ours] });
    expect(await reconcile(delivery(activity))).toEqual({ id: 3 });
    expect(requests[0]?.params).toMatchObject({ personId: 41, updatedSince: '2026-03-14T09:22:00Z' });
  });

  it('finds a recording when its call log has one (one recording per call log)', async () => {
    const recording: PipedriveWrite = {
      kind: 'attach_recording', purpose: 'recording', idempotencyKey: 'call:c1:recording', callLogIdFromWrite: 'call:c1:call_log',
      payload: { callId: 'c1', contentType: 'audio/webm', size: 10, callLogId: 'log-9' },
    };
    const { reconcile, requests } = setUp({ callLogs: [{ ...ourLog, has_recording: true }] });
    expect(await reconcile(delivery(recording))).toEqual({ id: 'log-9' });
    expect(requests).toEqual([{ what: 'callLog', key: { companyId: 1, userId: 11 }, params: { id: 'log-9' } }]);
    expect(await setUp({ callLogs: [{ ...ourLog, has_recording: false }] }).reconcile(delivery(recording))).toBeUndefined();
  });

  it('lets a failed lookup fail (the worker retries it) and reports a lost grant as "account unavailable"', async () => {
    const unavailable = new PipedriveError({ kind: 'unavailable', status: 503, message: 'list call logs: Pipedrive answered 503' });
    await expect(setUp({}, { fail: unavailable }).reconcile(delivery(callLog))).rejects.toBe(unavailable);
    await expect(setUp({}, { fail: new AccountUnavailableError('disconnected') }).reconcile(delivery(callLog))).rejects.toMatchObject({ accountUnavailable: true });
    await expect(setUp({}, { accounts: [account(11, 'disconnected')] }).reconcile(delivery(callLog))).rejects.toMatchObject({ accountUnavailable: true });
  });

  it('reads through the account the writer would use (another connected user when the agent is gone)', async () => {
    const { reconcile, requests } = setUp({ callLogs: [ourLog] }, { accounts: [account(11, 'disconnected'), account(12)] });
    await reconcile(delivery(callLog));
    expect(requests[0]?.key).toEqual({ companyId: 1, userId: 12 });
  });
});
