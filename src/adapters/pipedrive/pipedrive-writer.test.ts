import { describe, expect, it } from 'vitest';
import type { Account, AccountKey } from '@/adapters/db/account-repository';
import { AccountUnavailableError, PipedriveError } from './pipedrive-error';
import { createPipedriveWriter, NoConnectedAccountError } from './pipedrive-writer';

function account(userId: number, status: Account['status'] = 'connected'): Account {
  return { companyId: 1, userId, name: `u${userId}`, email: '', companyName: '', apiDomain: '', scopes: '', status, accessTokenExpiresAt: 0, tokenVersion: 1, createdAt: 0, updatedAt: 0 };
}

function setUp(stored: Account[], overrides: Record<string, unknown> = {}) {
  const calls: Array<{ method: string; key: AccountKey; body: unknown }> = [];
  const gateway = {
    addPerson: async (key: AccountKey, body: unknown) => (calls.push({ method: 'addPerson', key, body }), { id: 41, name: 'x', phones: [], orgId: null }),
    addCallLog: async (key: AccountKey, body: unknown) => (calls.push({ method: 'addCallLog', key, body }), { id: 'log-1' }),
    addNote: async (key: AccountKey, body: unknown) => (calls.push({ method: 'addNote', key, body }), { id: 7 }),
    addActivity: async (key: AccountKey, body: unknown) => (calls.push({ method: 'addActivity', key, body }), { id: 8 }),
    ...overrides,
  };
  const accounts = {
    find: async (key: AccountKey) => stored.find((a) => a.companyId === key.companyId && a.userId === key.userId) ?? null,
    listConnectedByCompany: async (companyId: number) => stored.filter((a) => a.companyId === companyId && a.status === 'connected'),
  };
  return { calls, writer: createPipedriveWriter({ gateway: gateway as never, accounts }) };
}

describe('PipedriveWriter over the gateway', () => {
  it('writes as the acting user and maps each kind to its gateway call', async () => {
    const { calls, writer } = setUp([account(11), account(12)]);
    const ref = { companyId: 1, userId: 12 };
    expect(await writer.createPerson(ref, { name: 'Ada', phones: [{ value: '+1415', primary: true, label: 'work' }] })).toEqual({ id: 41 });
    expect(await writer.createCallLog(ref, { outcome: 'connected', from_phone_number: 'a', to_phone_number: 'b', start_time: 's', end_time: 'e', duration: '1', subject: 'x' })).toEqual({ id: 'log-1' });
    expect(await writer.createNote(ref, { content: 'n', person_id: 41 })).toEqual({ id: 7 });
    expect(await writer.createActivity(ref, { subject: 'Call back', type: 'call', due_date: '2026-03-14', done: false, user_id: 12, person_id: 41 })).toEqual({ id: 8 });
    expect(calls.map((c) => `${c.method}:${c.key.userId}`)).toEqual(['addPerson:12', 'addCallLog:12', 'addNote:12', 'addActivity:12']);
    // v2 activities take the assignee as owner_id; user_id would be rejected.
    expect(calls[3]?.body).toEqual({ subject: 'Call back', type: 'call', due_date: '2026-03-14', done: false, owner_id: 12, person_id: 41 });
  });

  it('falls back to a connected user when there is no acting user or it disconnected', async () => {
    const { calls, writer } = setUp([account(11, 'disconnected'), account(13)]);
    await writer.createNote({ companyId: 1, userId: null }, { content: 'n' });
    await writer.createNote({ companyId: 1, userId: 11 }, { content: 'n' });
    expect(calls.map((c) => c.key.userId)).toEqual([13, 13]);
  });

  it('says "account unavailable" (wait for a reconnect) when nobody in the company is connected', async () => {
    const { writer } = setUp([account(11, 'disconnected')]);
    const rejection = writer.createNote({ companyId: 1, userId: 11 }, { content: 'n' });
    await expect(rejection).rejects.toBeInstanceOf(NoConnectedAccountError);
    await expect(rejection).rejects.toMatchObject({ accountUnavailable: true, retryable: false });
  });

  it('turns a grant revoked during the write (AccountUnavailableError) into "account unavailable"', async () => {
    const { writer } = setUp([account(11)], { addNote: async () => Promise.reject(new AccountUnavailableError('disconnected')) });
    await expect(writer.createNote({ companyId: 1, userId: 11 }, { content: 'n' })).rejects.toMatchObject({ accountUnavailable: true });
  });

  it('passes other gateway errors through unchanged', async () => {
    const failure = new PipedriveError({ kind: 'unavailable', status: 0, message: 'add note: no response from Pipedrive (ECONNABORTED)' });
    const { writer } = setUp([account(11)], { addNote: async () => Promise.reject(failure) });
    await expect(writer.createNote({ companyId: 1, userId: 11 }, { content: 'n' })).rejects.toBe(failure);
  });
});
