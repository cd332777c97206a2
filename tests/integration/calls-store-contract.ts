import { beforeEach, describe, expect, it } from 'vitest';
import { isCallOfAgent, isMissedCallOf } from '@/application/ports/call-record';
import type { CallRecord, CallStore, StoredCall } from '@/application/ports/call-store.port';
import type { CallerPreferences } from '@/application/ports/caller-preferences.port';
import type { OutboxEntryInput, OutboxStore } from '@/application/ports/outbox-store.port';
import type { UnitOfWork } from '@/application/ports/unit-of-work.port';
import type { OutboxDeliveries } from '@/application/outbox/outbox-deliveries.port';
import type { Call } from '@/domain/call';
import type { PipedriveWrite } from '@/domain/wrap-up';

/**
 * One behaviour, every implementation: the in-memory reference ports and the Drizzle ones on
 * SQLite and PostgreSQL run these same cases (calls-store.test.ts).
 */
export interface CallPorts {
  readonly calls: CallStore;
  readonly outbox: OutboxStore;
  readonly unitOfWork: UnitOfWork;
  readonly preferences: CallerPreferences;
  /** The outbox with its delivery side (the in-memory one is separate from `outbox`). */
  readonly deliveries: OutboxStore & OutboxDeliveries;
  /** Engines whose transactions can fail half-way (the in-memory ports cannot). */
  readonly failsAtomically: boolean;
}

const T0 = Date.UTC(2026, 2, 14, 9, 30, 0);
const ACME = 1;
const GLOBEX = 2;

export function makeCall(id: string, overrides: Partial<Call> = {}): Call {
  return {
    id,
    direction: 'inbound',
    companyId: ACME,
    agentUserId: null,
    remoteNumber: '+14155550134',
    state: 'ringing',
    timestamps: { createdAt: T0, ringingAt: T0 },
    ...overrides,
  };
}

export function makeRecord(call: Call, overrides: Partial<CallRecord> = {}): CallRecord {
  return { call, ringing: null, agentTabId: null, caller: null, missedBy: null, isCallLogged: false, ...overrides };
}

function endedCall(id: string, at: number, overrides: Partial<Call> = {}): Call {
  return makeCall(id, { state: 'ended', outcome: 'no_answer', timestamps: { createdAt: at, ringingAt: at, endedAt: at + 30_000 }, ...overrides });
}

function noteWrite(callId: string, purpose: 'person_note' | 'deal_note', extra: Partial<PipedriveWrite> = {}): PipedriveWrite {
  return { kind: 'create_note', purpose, idempotencyKey: `call:${callId}:${purpose}`, payload: { content: '<p>hi</p>', deal_id: 9 }, ...extra } as PipedriveWrite;
}

export function entry(callId: string, write: PipedriveWrite, enqueuedAt = T0): OutboxEntryInput {
  return { idempotencyKey: write.idempotencyKey, companyId: ACME, actingUserId: 11, callId, write, enqueuedAt };
}

const ids = (stored: readonly StoredCall[]) => stored.map((s) => s.call.id);

export function describeCallPortsContract(engine: string, open: () => Promise<CallPorts>): void {
  describe(`call ports on ${engine}`, () => {
    let ports: CallPorts;
    beforeEach(async () => {
      ports = await open();
    });

    describe('CallStore', () => {
      it('inserts at version 1 and reads the record back whole, only within its company', async () => {
        const record = makeRecord(makeCall('c1', { providerCallId: 'prov-1', localNumber: '+14155550100', personId: 5 }), {
          ringing: { callId: 'c1', companyId: ACME, ringingUserIds: [11, 12], declinedUserIds: [12], claimedBy: null },
          caller: {
            status: 'matched',
            number: '+14155550134',
            nationalNumber: '(415) 555-0134',
            matches: [
              {
                person: { id: 5, name: 'Ada', organizationName: null, pictureUrl: null },
                matchedPhone: { value: '415 555 0134', label: undefined },
                quality: 'exact',
                openDeals: [],
              },
            ] as never,
            remembered: { personId: 5 },
          },
          agentTabId: 'tab-1',
        });
        const inserted = await ports.calls.insert(record);
        expect(inserted).toEqual({ ok: true, stored: { ...record, version: 1 } });
        expect(await ports.calls.get(ACME, 'c1')).toEqual({ ...record, version: 1 });
        expect(await ports.calls.get(GLOBEX, 'c1')).toBeUndefined();
        expect(await ports.calls.get(ACME, 'nope')).toBeUndefined();
        expect((await ports.calls.findByProviderCallId('prov-1'))?.call.id).toBe('c1');
        expect(await ports.calls.findByProviderCallId('prov-2')).toBeUndefined();
      });

      it('refuses a duplicate id or provider call id, and allows many calls without one', async () => {
        await ports.calls.insert(makeRecord(makeCall('c1', { providerCallId: 'prov-1' })));
        expect(await ports.calls.insert(makeRecord(makeCall('c1')))).toEqual({ ok: false, error: { code: 'CALL_STORE_DUPLICATE', callId: 'c1' } });
        expect(await ports.calls.insert(makeRecord(makeCall('c2', { providerCallId: 'prov-1' })))).toEqual({
          ok: false,
          error: { code: 'CALL_STORE_DUPLICATE', callId: 'c2' },
        });
        expect((await ports.calls.insert(makeRecord(makeCall('c3')))).ok).toBe(true);
        expect((await ports.calls.insert(makeRecord(makeCall('c4')))).ok).toBe(true);
        expect(await ports.calls.get(ACME, 'c2')).toBeUndefined();
      });

      it('updates by compare-and-set on the version', async () => {
        const record = makeRecord(makeCall('c1'));
        await ports.calls.insert(record);
        const answered = makeRecord(makeCall('c1', { state: 'connected', agentUserId: 11, timestamps: { createdAt: T0, ringingAt: T0, answeredAt: T0 + 5 } }), { agentTabId: 'tab-9' });
        expect(await ports.calls.update(answered, 1)).toEqual({ ok: true, stored: { ...answered, version: 2 } });
        expect(await ports.calls.update(record, 1)).toEqual({
          ok: false,
          error: { code: 'CALL_STORE_VERSION_CONFLICT', callId: 'c1', expectedVersion: 1 },
        });
        expect(await ports.calls.get(ACME, 'c1')).toEqual({ ...answered, version: 2 });
        expect((await ports.calls.update(makeRecord(makeCall('ghost')), 1)).ok).toBe(false);
      });

      it('first answer wins when two updates race from the same version', async () => {
        await ports.calls.insert(makeRecord(makeCall('c1')));
        const by = (userId: number) => makeRecord(makeCall('c1', { state: 'connected', agentUserId: userId }));
        const results = await Promise.all([ports.calls.update(by(11), 1), ports.calls.update(by(12), 1)]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        const winner = results.find((r) => r.ok);
        expect((await ports.calls.get(ACME, 'c1'))?.call.agentUserId).toBe(winner?.ok ? winner.stored.call.agentUserId : -1);
      });

      describe('an agent holds one call at a time (connected, or outbound being dialled)', () => {
        const dial = (id: string, agentUserId = 11, overrides: Partial<Call> = {}) =>
          makeRecord(makeCall(id, { direction: 'outbound', state: 'idle', agentUserId, timestamps: { createdAt: T0 }, ...overrides }));
        const answeredBy = (id: string, agentUserId: number) =>
          makeRecord(makeCall(id, { state: 'connected', agentUserId, timestamps: { createdAt: T0, ringingAt: T0, answeredAt: T0 + 5 } }));

        it('of two dials stored at once, exactly one wins; the other is refused naming the winner', async () => {
          const results = await Promise.all([ports.calls.insert(dial('d1')), ports.calls.insert(dial('d2'))]);
          expect(results.filter((r) => r.ok)).toHaveLength(1);
          const winner = results.find((r) => r.ok);
          const winnerId = winner?.ok ? winner.stored.call.id : '';
          const loserId = winnerId === 'd1' ? 'd2' : 'd1';
          expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: { code: 'CALL_STORE_AGENT_BUSY', callId: loserId, activeCallId: winnerId } });
          expect(await ports.calls.get(ACME, loserId)).toBeUndefined();
        });

        it('an answer racing a dial of the same agent: exactly one commits', async () => {
          await ports.calls.insert(makeRecord(makeCall('in1')));
          const [dialled, answered] = await Promise.all([ports.calls.insert(dial('out1')), ports.calls.update(answeredBy('in1', 11), 1)]);
          expect([dialled.ok, answered.ok].filter(Boolean)).toHaveLength(1);
          const loser = dialled.ok ? answered : dialled;
          expect(loser).toEqual({ ok: false, error: expect.objectContaining({ code: 'CALL_STORE_AGENT_BUSY', activeCallId: dialled.ok ? 'out1' : 'in1' }) });
          expect((await ports.calls.get(ACME, 'in1'))?.call.state).toBe(answered.ok ? 'connected' : 'ringing');
        });

        it('the unit of work refuses it too, and enqueues nothing', async () => {
          await ports.calls.insert(dial('out1'));
          await ports.calls.insert(makeRecord(makeCall('in1')));
          const write = noteWrite('in1', 'deal_note');
          const committed = await ports.unitOfWork.commitCallChanges({ record: answeredBy('in1', 11), expectedVersion: 1, enqueue: [entry('in1', write)] });
          expect(committed).toEqual({ ok: false, error: { code: 'CALL_STORE_AGENT_BUSY', callId: 'in1', activeCallId: 'out1' } });
          expect(await ports.outbox.has(write.idempotencyKey)).toBe(false);
          expect((await ports.calls.get(ACME, 'in1'))?.version).toBe(1);
        });

        it('other agents, other companies, ended calls, ringing inbound calls and the holding call itself do not count', async () => {
          expect((await ports.calls.insert(dial('d1'))).ok).toBe(true);
          expect((await ports.calls.insert(dial('d2', 12))).ok).toBe(true);
          expect((await ports.calls.insert(dial('d3', 11, { companyId: GLOBEX }))).ok).toBe(true);
          expect((await ports.calls.insert(makeRecord(endedCall('e1', T0, { agentUserId: 11 })))).ok).toBe(true);
          expect((await ports.calls.insert(makeRecord(makeCall('in1', { agentUserId: 11 })))).ok).toBe(true);
          // The holding call moves on (rings, connects) without conflicting with itself.
          const connected = dial('d1', 11, { state: 'connected', timestamps: { createdAt: T0, answeredAt: T0 + 1 } });
          expect((await ports.calls.update(connected, 1)).ok).toBe(true);
          // Once it ended, the agent is free again.
          expect((await ports.calls.update(dial('d1', 11, { state: 'ended', outcome: 'completed' }), 2)).ok).toBe(true);
          expect((await ports.calls.insert(dial('d4'))).ok).toBe(true);
        });
      });

      it('lists active calls of one company', async () => {
        await ports.calls.insert(makeRecord(makeCall('idle', { state: 'idle' })));
        await ports.calls.insert(makeRecord(makeCall('ringing')));
        await ports.calls.insert(makeRecord(makeCall('connected', { state: 'connected', agentUserId: 11 })));
        await ports.calls.insert(makeRecord(endedCall('ended', T0)));
        await ports.calls.insert(makeRecord(makeCall('wrapped', { state: 'wrapped_up' })));
        await ports.calls.insert(makeRecord(makeCall('other-company', { companyId: GLOBEX })));
        expect(ids(await ports.calls.listActiveCalls(ACME)).sort()).toEqual(['connected', 'idle', 'ringing']);
      });

      it('lists the calls agents hold (connected, or outbound being dialled), not ringing inbound ones', async () => {
        await ports.calls.insert(makeRecord(makeCall('ringing-in', { state: 'ringing', agentUserId: 11 })));
        await ports.calls.insert(makeRecord(makeCall('idle-in', { state: 'idle' })));
        await ports.calls.insert(makeRecord(makeCall('connected-in', { state: 'connected', agentUserId: 11 })));
        await ports.calls.insert(makeRecord(makeCall('dialling-out', { direction: 'outbound', state: 'idle', agentUserId: 12 })));
        await ports.calls.insert(makeRecord(makeCall('ringing-out', { direction: 'outbound', state: 'ringing', agentUserId: 13 })));
        await ports.calls.insert(makeRecord(makeCall('connected-no-agent', { state: 'connected' })));
        await ports.calls.insert(makeRecord(endedCall('ended', T0)));
        await ports.calls.insert(makeRecord(makeCall('other-company', { companyId: GLOBEX, state: 'connected', agentUserId: 11 })));
        expect(ids(await ports.calls.listCallsHeldByAgents(ACME)).sort()).toEqual(['connected-in', 'dialling-out', 'ringing-out']);
      });

      it('lists ringing calls of every company, oldest ringing first, up to the limit', async () => {
        await ports.calls.insert(makeRecord(makeCall('r2', { timestamps: { createdAt: T0, ringingAt: T0 + 2 } })));
        await ports.calls.insert(makeRecord(makeCall('r1', { companyId: GLOBEX, timestamps: { createdAt: T0, ringingAt: T0 + 1 } })));
        await ports.calls.insert(makeRecord(makeCall('r3', { timestamps: { createdAt: T0, ringingAt: T0 + 3 } })));
        await ports.calls.insert(makeRecord(makeCall('connected', { state: 'connected' })));
        expect(ids(await ports.calls.listRingingCalls(10))).toEqual(['r1', 'r2', 'r3']);
        expect(ids(await ports.calls.listRingingCalls(2))).toEqual(['r1', 'r2']);
      });

      it('lists ended calls not logged yet, oldest end first, and forgets them once logged', async () => {
        await ports.calls.insert(makeRecord(endedCall('e2', T0 + 2000)));
        await ports.calls.insert(makeRecord(endedCall('e1', T0 + 1000, { companyId: GLOBEX })));
        await ports.calls.insert(makeRecord(endedCall('logged', T0), { isCallLogged: true }));
        await ports.calls.insert(makeRecord(makeCall('wrapped', { state: 'wrapped_up', timestamps: { createdAt: T0, endedAt: T0 } })));
        expect(ids(await ports.calls.listCallsAwaitingLog(10))).toEqual(['e1', 'e2']);
        expect(ids(await ports.calls.listCallsAwaitingLog(1))).toEqual(['e1']);
        await ports.calls.update(makeRecord(endedCall('e1', T0 + 1000, { companyId: GLOBEX }), { isCallLogged: true }), 1);
        expect(ids(await ports.calls.listCallsAwaitingLog(10))).toEqual(['e2']);
      });

      describe('history and missed calls select exactly what the call-record predicates select', () => {
        const minute = 60_000;
        const fixtures: CallRecord[] = [
          makeRecord(makeCall('placed-by-11', { direction: 'outbound', state: 'ended', agentUserId: 11, timestamps: { createdAt: T0 + 1 * minute, endedAt: T0 + 1 * minute + 9 } })),
          makeRecord(makeCall('answered-by-12', { state: 'ended', agentUserId: 12, timestamps: { createdAt: T0 + 2 * minute, answeredAt: T0 + 2 * minute + 1, endedAt: T0 + 2 * minute + 9 } }), {
            ringing: { callId: 'answered-by-12', companyId: ACME, ringingUserIds: [11, 12], declinedUserIds: [], claimedBy: { userId: 12, tabId: 't' } },
          }),
          makeRecord(endedCall('missed-by-11-13', T0 + 3 * minute), {
            ringing: { callId: 'missed-by-11-13', companyId: ACME, ringingUserIds: [11, 13], declinedUserIds: [], claimedBy: null },
            missedBy: { scope: 'agents', userIds: [11, 13] },
          }),
          makeRecord(endedCall('missed-by-company', T0 + 4 * minute), { missedBy: { scope: 'company' } }),
          makeRecord(endedCall('missed-by-14-wrapped', T0 + 5 * minute, { state: 'wrapped_up' }), { missedBy: { scope: 'agents', userIds: [14] } }),
          // missedBy set but answered: not a missed call, so on nobody's missed list.
          makeRecord(makeCall('answered-with-missed-by', { state: 'ended', agentUserId: 15, timestamps: { createdAt: T0 + 6 * minute, answeredAt: T0 + 6 * minute + 1, endedAt: T0 + 6 * minute + 5 } }), {
            missedBy: { scope: 'company' },
          }),
          makeRecord(makeCall('ringing-13', { timestamps: { createdAt: T0 + 7 * minute, ringingAt: T0 + 7 * minute } }), {
            ringing: { callId: 'ringing-13', companyId: ACME, ringingUserIds: [13], declinedUserIds: [], claimedBy: null },
          }),
          makeRecord(endedCall('globex-missed', T0 + 8 * minute, { companyId: GLOBEX }), { missedBy: { scope: 'company' } }),
        ];

        beforeEach(async () => {
          for (const fixture of fixtures) expect((await ports.calls.insert(fixture)).ok).toBe(true);
        });

        const byCreatedDesc = (a: CallRecord, b: CallRecord) => b.call.timestamps.createdAt - a.call.timestamps.createdAt;
        const byEndedDesc = (a: CallRecord, b: CallRecord) => (b.call.timestamps.endedAt ?? 0) - (a.call.timestamps.endedAt ?? 0);
        const acme = fixtures.filter((f) => f.call.companyId === ACME);

        it.each([11, 12, 13, 14, 15, 99])('user %i', async (userId) => {
          const history = acme.filter((f) => isCallOfAgent(f, userId)).sort(byCreatedDesc).map((f) => f.call.id);
          expect(ids(await ports.calls.listHistory({ companyId: ACME, userId, limit: 50 }))).toEqual(history);
          const missed = acme.filter((f) => isMissedCallOf(f, userId)).sort(byEndedDesc).map((f) => f.call.id);
          expect(ids(await ports.calls.listMissedCalls({ companyId: ACME, userId, limit: 50 }))).toEqual(missed);
          expect(await ports.calls.countMissedCalls({ companyId: ACME, userId, endedAfter: undefined })).toBe(missed.length);
        });

        it('pages history by creation time and limits both lists', async () => {
          expect(ids(await ports.calls.listHistory({ companyId: ACME, userId: 11, limit: 2 }))).toEqual(['missed-by-company', 'missed-by-11-13']);
          expect(ids(await ports.calls.listHistory({ companyId: ACME, userId: 11, limit: 5, beforeCreatedAt: T0 + 3 * minute }))).toEqual([
            'answered-by-12',
            'placed-by-11',
          ]);
          expect(ids(await ports.calls.listMissedCalls({ companyId: ACME, userId: 11, limit: 1 }))).toEqual(['missed-by-company']);
        });

        it('counts missed calls that ended strictly after a time', async () => {
          const endOfMissed = T0 + 3 * minute + 30_000;
          expect(await ports.calls.countMissedCalls({ companyId: ACME, userId: 11, endedAfter: endOfMissed - 1 })).toBe(2);
          expect(await ports.calls.countMissedCalls({ companyId: ACME, userId: 11, endedAfter: endOfMissed })).toBe(1);
          expect(await ports.calls.countMissedCalls({ companyId: GLOBEX, userId: 11, endedAfter: undefined })).toBe(1);
        });

        it('follows updates: who a call rang and who missed it are rewritten with the record', async () => {
          const [, , missed] = fixtures;
          const changed = makeRecord(missed!.call, { ringing: { ...missed!.ringing!, ringingUserIds: [13] }, missedBy: { scope: 'agents', userIds: [13] } });
          expect((await ports.calls.update(changed, 1)).ok).toBe(true);
          expect(ids(await ports.calls.listMissedCalls({ companyId: ACME, userId: 11, limit: 50 }))).not.toContain('missed-by-11-13');
          expect(ids(await ports.calls.listHistory({ companyId: ACME, userId: 11, limit: 50 }))).not.toContain('missed-by-11-13');
          expect(ids(await ports.calls.listMissedCalls({ companyId: ACME, userId: 13, limit: 50 }))).toContain('missed-by-11-13');
        });
      });

      it('remembers when each agent last saw their missed calls', async () => {
        expect(await ports.calls.getMissedCallsSeenAt(ACME, 11)).toBeUndefined();
        await ports.calls.setMissedCallsSeenAt(ACME, 11, T0);
        await ports.calls.setMissedCallsSeenAt(ACME, 12, T0 + 5);
        await ports.calls.setMissedCallsSeenAt(ACME, 11, T0 + 10);
        expect(await ports.calls.getMissedCallsSeenAt(ACME, 11)).toBe(T0 + 10);
        expect(await ports.calls.getMissedCallsSeenAt(ACME, 12)).toBe(T0 + 5);
        expect(await ports.calls.getMissedCallsSeenAt(GLOBEX, 11)).toBeUndefined();
      });
    });

    describe('OutboxStore', () => {
      it('inserts or ignores by idempotency key and keeps insertion order', async () => {
        const first = entry('c1', noteWrite('c1', 'deal_note'));
        const second = entry('c1', noteWrite('c1', 'person_note'));
        expect(await ports.outbox.enqueue([first, second, first])).toEqual({ inserted: [first.idempotencyKey, second.idempotencyKey], ignored: [first.idempotencyKey] });
        expect(await ports.outbox.enqueue([{ ...second, enqueuedAt: T0 + 1 }])).toEqual({ inserted: [], ignored: [second.idempotencyKey] });
        expect(await ports.outbox.listForCall('c1')).toEqual([
          { ...first, status: 'pending', attempts: 0 },
          { ...second, status: 'pending', attempts: 0 },
        ]);
        expect(await ports.outbox.listForCall('c2')).toEqual([]);
        expect(await ports.outbox.has(first.idempotencyKey)).toBe(true);
        expect(await ports.outbox.has('call:c2:deal_note')).toBe(false);
      });
    });

    describe('UnitOfWork', () => {
      it('commits the call update and the enqueue together', async () => {
        await ports.calls.insert(makeRecord(endedCall('c1', T0)));
        const logged = makeRecord(endedCall('c1', T0), { isCallLogged: true });
        const write = entry('c1', noteWrite('c1', 'deal_note'));
        const result = await ports.unitOfWork.commitCallChanges({ record: logged, expectedVersion: 1, enqueue: [write] });
        expect(result).toEqual({ ok: true, stored: { ...logged, version: 2 }, enqueued: { inserted: [write.idempotencyKey], ignored: [] } });
        expect(await ports.outbox.has(write.idempotencyKey)).toBe(true);
        expect((await ports.calls.get(ACME, 'c1'))?.isCallLogged).toBe(true);
      });

      it('enqueues nothing on a version conflict', async () => {
        await ports.calls.insert(makeRecord(endedCall('c1', T0)));
        const write = entry('c1', noteWrite('c1', 'deal_note'));
        const result = await ports.unitOfWork.commitCallChanges({ record: makeRecord(endedCall('c1', T0), { isCallLogged: true }), expectedVersion: 7, enqueue: [write] });
        expect(result).toEqual({ ok: false, error: { code: 'CALL_STORE_VERSION_CONFLICT', callId: 'c1', expectedVersion: 7 } });
        expect(await ports.outbox.has(write.idempotencyKey)).toBe(false);
        expect(await ports.calls.get(ACME, 'c1')).toMatchObject({ version: 1, isCallLogged: false });
      });

      it('still updates the call when its writes were queued already (ignored keys)', async () => {
        await ports.calls.insert(makeRecord(endedCall('c1', T0)));
        const write = entry('c1', noteWrite('c1', 'deal_note'));
        await ports.outbox.enqueue([write]);
        const result = await ports.unitOfWork.commitCallChanges({ record: makeRecord(endedCall('c1', T0), { isCallLogged: true }), expectedVersion: 1, enqueue: [write] });
        expect(result.ok && result.enqueued).toEqual({ inserted: [], ignored: [write.idempotencyKey] });
        expect(await ports.outbox.listForCall('c1')).toHaveLength(1);
      });

      it('rolls the call update back when an insert fails', async () => {
        if (!ports.failsAtomically) {
          expect(ports.failsAtomically).toBe(false);
          return;
        }
        await ports.calls.insert(makeRecord(endedCall('c1', T0)));
        const broken = { ...entry('c1', noteWrite('c1', 'deal_note')), write: null } as unknown as OutboxEntryInput;
        await expect(ports.unitOfWork.commitCallChanges({ record: makeRecord(endedCall('c1', T0), { isCallLogged: true }), expectedVersion: 1, enqueue: [broken] })).rejects.toThrow();
        expect(await ports.calls.get(ACME, 'c1')).toMatchObject({ version: 1, isCallLogged: false });
      });
    });

    describe('CallerPreferences', () => {
      it('remembers the last choice per company and number', async () => {
        expect(await ports.preferences.get(ACME, '+14155550134')).toBeUndefined();
        await ports.preferences.remember(ACME, '+14155550134', { personId: 5, dealId: 9, chosenAt: T0 });
        await ports.preferences.remember(GLOBEX, '+14155550134', { personId: 6, chosenAt: T0 });
        expect(await ports.preferences.get(ACME, '+14155550134')).toEqual({ personId: 5, dealId: 9, chosenAt: T0 });
        await ports.preferences.remember(ACME, '+14155550134', { personId: 7, chosenAt: T0 + 1 });
        expect(await ports.preferences.get(ACME, '+14155550134')).toEqual({ personId: 7, chosenAt: T0 + 1 });
        expect(await ports.preferences.get(GLOBEX, '+14155550134')).toEqual({ personId: 6, chosenAt: T0 });
        expect(await ports.preferences.get(ACME, '+14155550199')).toBeUndefined();
      });
    });

    describe('OutboxDeliveries (claims for the delivery worker)', () => {
      const claim = (owner: string, now = T0) => ports.deliveries.claimNext({ owner, now, leaseMs: 1_000 });

      it('claims due entries exclusively, in order within a call', async () => {
        await ports.deliveries.enqueue([entry('c1', noteWrite('c1', 'deal_note')), entry('c1', noteWrite('c1', 'person_note')), entry('c2', noteWrite('c2', 'deal_note'))]);
        const a = await claim('worker-a');
        expect(a).toMatchObject({ idempotencyKey: 'call:c1:deal_note', status: 'delivering', attempts: 1, leaseOwner: 'worker-a', leaseExpiresAt: T0 + 1_000, outcomeUnknown: false });
        // c1's second write waits for the first: the next due entry is c2's.
        expect(await claim('worker-b')).toMatchObject({ idempotencyKey: 'call:c2:deal_note', leaseOwner: 'worker-b' });
        expect(await claim('worker-c')).toBeUndefined();
        expect(await ports.deliveries.complete(a!.sequence, 'worker-b', { kind: 'delivered', result: { id: 1 }, at: T0 })).toBe(false);
        expect(await ports.deliveries.complete(a!.sequence, 'worker-a', { kind: 'delivered', result: { id: 77 }, at: T0 + 5 })).toBe(true);
        expect(await ports.deliveries.findByKey('call:c1:deal_note')).toMatchObject({ status: 'delivered', result: { id: 77 }, deliveredAt: T0 + 5, leaseOwner: null });
        expect(await claim('worker-c')).toMatchObject({ idempotencyKey: 'call:c1:person_note' });
        expect((await ports.deliveries.listForCall('c1')).map((e) => e.status)).toEqual(['delivered', 'pending']);
      });

      it('never hands one entry to two concurrent claimers', async () => {
        await ports.deliveries.enqueue(['c1', 'c2', 'c3'].map((id) => entry(id, noteWrite(id, 'deal_note'))));
        const claimed = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((owner) => claim(owner)));
        const keys = claimed.filter((c) => c !== undefined).map((c) => c!.idempotencyKey);
        expect(keys.sort()).toEqual(['call:c1:deal_note', 'call:c2:deal_note', 'call:c3:deal_note']);
      });

      it('retries wait until due; failures stop blocking the call; requeue resets the budget', async () => {
        await ports.deliveries.enqueue([entry('c1', noteWrite('c1', 'deal_note')), entry('c1', noteWrite('c1', 'person_note'))]);
        const first = await claim('w');
        await ports.deliveries.complete(first!.sequence, 'w', { kind: 'retry', nextAttemptAt: T0 + 500, error: 'rate limited', outcomeUnknown: false });
        expect(await claim('w', T0 + 499)).toBeUndefined();
        const again = await claim('w', T0 + 500);
        expect(again).toMatchObject({ idempotencyKey: 'call:c1:deal_note', attempts: 2, lastError: 'rate limited' });
        await ports.deliveries.complete(again!.sequence, 'w', { kind: 'failed', error: 'validation', at: T0 + 500 });
        expect(await claim('w', T0 + 500)).toMatchObject({ idempotencyKey: 'call:c1:person_note' });
        expect(await ports.deliveries.requeueFailed('c1', T0 + 600)).toBe(1);
        expect(await ports.deliveries.findByKey('call:c1:deal_note')).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 + 600 });
        expect(await ports.deliveries.requeueFailed('c1', T0 + 600)).toBe(0);
      });

      it('gives back a refunded attempt (waiting for a reconnect) and lets requeue make waiting entries due now', async () => {
        await ports.deliveries.enqueue([entry('c1', noteWrite('c1', 'deal_note'))]);
        const first = await claim('w');
        await ports.deliveries.complete(first!.sequence, 'w', { kind: 'retry', nextAttemptAt: T0 + 60_000, error: 'reconnect the app', outcomeUnknown: true, refundAttempt: true });
        expect(await ports.deliveries.findByKey('call:c1:deal_note')).toMatchObject({ status: 'pending', attempts: 0, outcomeUnknown: true, lastError: 'reconnect the app' });
        expect(await ports.deliveries.requeueFailed('c1', T0 + 10)).toBe(1);
        expect(await claim('w', T0 + 10)).toMatchObject({ idempotencyKey: 'call:c1:deal_note', attempts: 1, outcomeUnknown: true });
      });

      it('takes over an expired lease and flags the outcome as unknown', async () => {
        await ports.deliveries.enqueue([entry('c1', noteWrite('c1', 'deal_note'))]);
        const lost = await claim('crashed');
        expect(await claim('w', T0 + 999)).toBeUndefined();
        const taken = await claim('w', T0 + 1_000);
        expect(taken).toMatchObject({ sequence: lost!.sequence, leaseOwner: 'w', attempts: 2, outcomeUnknown: true });
        expect(await ports.deliveries.complete(lost!.sequence, 'crashed', { kind: 'delivered', result: { id: 1 }, at: T0 })).toBe(false);
        expect(await ports.deliveries.listDeliveries('c1')).toMatchObject([{ status: 'delivering', leaseOwner: 'w' }]);
      });
    });
  });
}
