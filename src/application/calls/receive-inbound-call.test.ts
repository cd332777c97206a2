import { describe, expect, it } from 'vitest';
import { receiveInboundCall, type ReceiveInboundCallInput } from './receive-inbound-call';
import { ACME, ADA, GLOBEX, GRACE, HANK, KNOWN_NUMBER, SHARED_NUMBER, UNKNOWN_NUMBER, createCallsHarness, type CallsHarness } from './testing/calls-test-harness';
import { placeOutboundCall } from './place-outbound-call';
import { listMissedCalls } from './missed-calls';

function harnessWithEveryoneOnline(): CallsHarness {
  const h = createCallsHarness();
  h.presence.connect(ADA, 2).connect(GRACE).connect(HANK);
  return h;
}

function inbound(h: CallsHarness, input: Partial<ReceiveInboundCallInput> = {}) {
  return receiveInboundCall(h.deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'control_center', ...input });
}

describe('receiveInboundCall', () => {
  it('rings every available agent of the company with the known caller, deals and matched phone', async () => {
    const h = harnessWithEveryoneOnline();
    const result = await inbound(h);
    expect(result).toMatchObject({ kind: 'ringing', ringingUserIds: [ADA.userId, GRACE.userId] });
    if (result.kind !== 'ringing') return;
    expect(result.call).toMatchObject({ direction: 'inbound', state: 'ringing', remoteNumber: KNOWN_NUMBER, personId: 501 });
    expect(result.call.caller).toEqual({
      status: 'matched',
      number: KNOWN_NUMBER,
      nationalNumber: '(415) 555-0134',
      remembered: null,
      matches: [
        {
          person: { id: 501, name: 'Ada Customer', organizationName: 'Analytical Engines Ltd', organizationId: 71, pictureUrl: 'https://pictures.test/501.png' },
          matchedPhone: { value: '(415) 555-0134', label: 'work' },
          quality: 'exact_e164',
          openDeals: [
            { id: 901, title: 'Engine upgrade', value: 5000, currency: 'USD' },
            { id: 902, title: 'Support plan', value: 900, currency: 'USD' },
          ],
          openDealsLoaded: true,
        },
      ],
    });
    expect(h.notifier.messages).toEqual([{ type: 'ring', companyId: ACME, userIds: [ADA.userId, GRACE.userId], call: result.call }]);
  });

  it('looks the caller up with the account of an agent it rings, in the call company only', async () => {
    const h = harnessWithEveryoneOnline();
    await inbound(h);
    expect(h.crm.searches.map((s) => s.account)).toEqual([{ companyId: ACME, userId: ADA.userId }]);
  });

  it('rings as an unknown caller when nobody has the number', async () => {
    const h = harnessWithEveryoneOnline();
    const result = await inbound(h, { from: UNKNOWN_NUMBER });
    expect(result).toMatchObject({ kind: 'ringing', call: { personId: null, caller: { status: 'no_match', matches: [] } } });
  });

  it('returns every person sharing the number and links none of them', async () => {
    const h = harnessWithEveryoneOnline();
    const result = await inbound(h, { from: SHARED_NUMBER });
    expect(result.call.personId).toBeNull();
    expect(result.call.caller?.matches.map((m) => [m.person.id, m.matchedPhone.value])).toEqual([
      [502, '+1 415 555 0177'],
      [503, '415-555-0177'],
    ]);
  });

  it('rings only the agent named, in every one of their tabs; other agents and companies get nothing', async () => {
    const h = harnessWithEveryoneOnline();
    const result = await inbound(h, { agent: 'ada@acme.test' });
    expect(result).toMatchObject({ kind: 'ringing', ringingUserIds: [ADA.userId] });
    expect(h.notifier.ringingIn({ ...ADA, tabId: 'ada-1' })).toEqual([result.call.id]);
    expect(h.notifier.ringingIn({ ...ADA, tabId: 'ada-2' })).toEqual([result.call.id]);
    expect(h.notifier.receivedBy(ACME, GRACE.userId)).toEqual([]);
    expect(h.notifier.receivedBy(GLOBEX, HANK.userId)).toEqual([]);
  });

  it('starts the lookup of a call naming the agent by id before the database reads, with that agent\'s account', async () => {
    const h = harnessWithEveryoneOnline();
    const searchesWhenPresenceRead: number[] = [];
    const presence = h.deps.presence;
    const deps = {
      ...h.deps,
      presence: {
        listAvailableSessions: (companyId: number) => {
          searchesWhenPresenceRead.push(h.crm.searches.length);
          return presence.listAvailableSessions(companyId);
        },
        listOnlineUserIds: (companyId: number) => presence.listOnlineUserIds(companyId),
      },
    };
    const result = await receiveInboundCall(deps, { companyId: ACME, from: KNOWN_NUMBER, source: 'webhook', agent: String(GRACE.userId) });
    expect(result).toMatchObject({ kind: 'ringing', ringingUserIds: [GRACE.userId], call: { personId: 501, caller: { status: 'matched' } } });
    expect(searchesWhenPresenceRead).toEqual([1]);
    expect(h.crm.searches.map((search) => search.account)).toEqual([{ companyId: ACME, userId: GRACE.userId }]);
    expect(h.crm.dealRequests).toHaveLength(1);
  });

  it('looks the caller up again with the company\'s account when the agent named by id is not there', async () => {
    const h = harnessWithEveryoneOnline();
    const result = await inbound(h, { agent: String(HANK.userId) });
    expect(result).toMatchObject({ kind: 'missed', reason: 'agent_not_found', call: { personId: 501, caller: { status: 'matched' } } });
    expect(h.crm.searches.map((search) => search.account)).toContainEqual({ companyId: ACME });
  });

  it("never rings another company's agent named by id", async () => {
    const h = harnessWithEveryoneOnline();
    const result = await inbound(h, { agent: String(HANK.userId) });
    expect(result).toMatchObject({ kind: 'missed', reason: 'agent_not_found' });
    expect(h.notifier.messages.filter((m) => m.type === 'ring')).toEqual([]);
    expect(h.notifier.receivedBy(GLOBEX, HANK.userId)).toEqual([]);
  });

  it('records a missed call and bumps the badge when the agent asked for is on another call', async () => {
    const h = harnessWithEveryoneOnline();
    await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: GRACE.userId, tabId: 'g', number: UNKNOWN_NUMBER, source: 'dial_pad' });
    const result = await inbound(h, { agent: 'Grace Hopper' });
    expect(result).toMatchObject({ kind: 'missed', reason: 'agent_busy', call: { state: 'ended', outcome: 'busy', isMissed: true } });
    expect(h.notifier.lastMissedCount(ACME, GRACE.userId)).toBe(1);
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBeUndefined();
    expect(h.notifier.messages.filter((m) => m.type === 'ring')).toEqual([]);
  });

  it('leaves an agent on a call out when ringing everyone', async () => {
    const h = harnessWithEveryoneOnline();
    await placeOutboundCall(h.deps, { companyId: ACME, agentUserId: GRACE.userId, tabId: 'g', number: UNKNOWN_NUMBER, source: 'dial_pad' });
    expect(await inbound(h)).toMatchObject({ kind: 'ringing', ringingUserIds: [ADA.userId] });
  });

  it('records a company-wide missed call when nobody is online, seen by agents who connect later', async () => {
    const h = createCallsHarness();
    h.presence.connect(HANK);
    const result = await inbound(h);
    expect(result).toMatchObject({ kind: 'missed', reason: 'no_agent_online', call: { outcome: 'no_answer', personId: 501 } });
    expect(h.notifier.messages).toEqual([]);
    const page = await listMissedCalls(h.deps, { companyId: ACME, userId: ADA.userId });
    expect(page).toMatchObject({ unseenCount: 1, calls: [{ id: result.call.id }] });
    expect(await listMissedCalls(h.deps, { companyId: GLOBEX, userId: HANK.userId })).toEqual({ calls: [], unseenCount: 0 });
  });

  it('skips an agent on "Do not disturb": colleagues ring; a call for them is missed, listed and counted on their badge', async () => {
    const h = harnessWithEveryoneOnline();
    h.presence.setDoNotDisturb(ADA, true);
    expect(await inbound(h)).toMatchObject({ kind: 'ringing', ringingUserIds: [GRACE.userId] });
    const missed = await inbound(h, { agent: String(ADA.userId), from: UNKNOWN_NUMBER });
    expect(missed).toMatchObject({ kind: 'missed', reason: 'agent_not_found' });
    expect(h.notifier.messages.filter((m) => m.type === 'ring' && m.userIds.includes(ADA.userId))).toEqual([]);
    expect(await listMissedCalls(h.deps, { companyId: ACME, userId: ADA.userId })).toMatchObject({ unseenCount: 1, calls: [{ id: missed.call.id }] });
    expect(h.notifier.lastMissedCount(ACME, ADA.userId)).toBe(1);
  });

  it('treats a repeated provider call id as a duplicate and stores the call once', async () => {
    const h = harnessWithEveryoneOnline();
    const first = await inbound(h, { providerCallId: 'prov-1', source: 'webhook' });
    const second = await inbound(h, { providerCallId: 'prov-1', source: 'webhook' });
    expect(second).toEqual({ kind: 'duplicate', call: first.call, ringingUserIds: [ADA.userId, GRACE.userId] });
    expect(await h.calls.listActiveCalls(ACME)).toHaveLength(1);
    expect(h.notifier.messages.filter((m) => m.type === 'ring')).toHaveLength(1);
  });

  it('rings as unknown when Pipedrive cannot be reached', async () => {
    const h = harnessWithEveryoneOnline();
    h.crm.failWith(Object.assign(new Error('down'), { kind: 'unavailable' }));
    const result = await inbound(h);
    expect(result).toMatchObject({ kind: 'ringing', call: { caller: { status: 'crm_unavailable', number: KNOWN_NUMBER } } });
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ kind: 'unavailable', number: '…0134' }) }));
  });

  it('rings for a withheld number without looking it up', async () => {
    const h = harnessWithEveryoneOnline();
    const result = await inbound(h, { from: 'anonymous' });
    expect(result).toMatchObject({ kind: 'ringing', call: { remoteNumber: 'anonymous', caller: { status: 'invalid_number' } } });
    expect(h.crm.searches).toEqual([]);
  });

  it('never logs the full caller number', async () => {
    const h = harnessWithEveryoneOnline();
    await inbound(h);
    expect(JSON.stringify(h.logger.lines)).not.toContain('5550134');
  });
});
