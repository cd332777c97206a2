import { describe, expect, it } from 'vitest';
import type { Call } from '@/domain/call';
import { InMemoryCallStore, InMemoryOutbox, InMemoryUnitOfWork } from '@/application/ports/testing';
import type { CallRecord } from '@/application/ports';
import { watchEndedCalls } from './ended-calls-watch';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

const ringing: Call = {
  id: 'call-1',
  direction: 'inbound',
  companyId: 1,
  agentUserId: null,
  remoteNumber: '+14155550134',
  state: 'ringing',
  timestamps: { createdAt: T0, ringingAt: T0 },
};
const missed: Call = { ...ringing, state: 'ended', outcome: 'no_answer', timestamps: { ...ringing.timestamps, endedAt: T0 + 30_000 } };

const record = (call: Call, overrides: Partial<CallRecord> = {}): CallRecord => ({
  call,
  ringing: null,
  agentTabId: null,
  caller: null,
  missedBy: null,
  isCallLogged: false,
  ...overrides,
});

function watchedPorts() {
  const calls = new InMemoryCallStore();
  const unitOfWork = new InMemoryUnitOfWork(calls, new InMemoryOutbox());
  let reports = 0;
  const watched = watchEndedCalls({ calls, unitOfWork }, () => {
    reports += 1;
  });
  return { ...watched, reports: () => reports };
}

describe('watchEndedCalls', () => {
  it('reports a call that ends through an update, and not the writes of a call still going', async () => {
    const { calls, reports } = watchedPorts();
    const inserted = await calls.insert(record(ringing));
    expect(reports()).toBe(0);
    if (!inserted.ok) throw new Error('insert refused');
    await calls.update(record(missed), inserted.stored.version);
    expect(reports()).toBe(1);
  });

  it('reports a call stored already ended (missed without ringing) and one ended in a unit of work', async () => {
    const { calls, unitOfWork, reports } = watchedPorts();
    await calls.insert(record({ ...missed, id: 'call-2' }));
    expect(reports()).toBe(1);
    const inserted = await calls.insert(record(ringing));
    if (!inserted.ok) throw new Error('insert refused');
    await unitOfWork.commitCallChanges({ record: record(missed), expectedVersion: inserted.stored.version, enqueue: [] });
    expect(reports()).toBe(2);
  });

  it('does not report a call whose log is already queued, nor a refused write', async () => {
    const { calls, reports } = watchedPorts();
    const inserted = await calls.insert(record(missed, { isCallLogged: true }));
    expect(reports()).toBe(0);
    if (!inserted.ok) throw new Error('insert refused');
    await calls.update(record(missed), inserted.stored.version + 5);
    expect(reports()).toBe(0);
  });

  it('leaves every other store method as it was', async () => {
    const { calls } = watchedPorts();
    await calls.insert(record(ringing));
    expect((await calls.get(1, 'call-1'))?.call.state).toBe('ringing');
    expect(await calls.get(2, 'call-1')).toBeUndefined();
  });
});
