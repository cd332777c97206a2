import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, SHARED_NUMBER, createCallsHarness, expectOk } from './testing/calls-test-harness';
import { receiveInboundCall } from './receive-inbound-call';
import { selectCallContact } from './select-call-contact';

describe('remembered person and deal per number', () => {
  it('preselects and links the person last chosen for a number several persons share', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    const first = await receiveInboundCall(h.deps, { companyId: ACME, from: SHARED_NUMBER, source: 'webhook' });
    expect(first.call).toMatchObject({ personId: null, caller: { remembered: null } });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: first.call.id }));
    const chosen = expectOk(await selectCallContact(h.deps, { companyId: ACME, userId: ADA.userId, callId: first.call.id, personId: 503 }));
    expect(chosen.call).toMatchObject({ personId: 503, dealId: null });

    const next = await receiveInboundCall(h.deps, { companyId: ACME, from: '(415) 555-0177', source: 'webhook' });
    expect(next.call).toMatchObject({ personId: 503, caller: { remembered: { personId: 503 } } });
  });

  it('does not share the choice with another company, nor let another agent make it', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA).connect(GRACE);
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: SHARED_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    expect(await selectCallContact(h.deps, { companyId: ACME, userId: GRACE.userId, callId: call.id, personId: 502 })).toEqual({
      ok: false,
      error: { code: 'CALL_NOT_YOURS', callId: call.id },
    });
    expectOk(await selectCallContact(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id, personId: 502 }));
    expect(await h.preferences.get(2, SHARED_NUMBER)).toBeUndefined();
  });
});

describe('Pipedrive requests of a screen-pop (at most 2 however many persons share the number)', () => {
  /** Requests the in-memory CRM served: persons searches plus open-deals requests. */
  const requestsOf = (h: ReturnType<typeof createCallsHarness>) => h.crm.searches.length + h.crm.dealRequests.length;

  it('asks for the open deals of the best match only when two persons share the number', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    h.crm.addDeal({ companyId: ACME, id: 950, personId: 503, title: 'Sally renewal', value: 10, currency: 'USD', status: 'open' });
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: SHARED_NUMBER, source: 'webhook' });
    expect(requestsOf(h)).toBe(2);
    expect(h.crm.dealRequests.map((request) => request.personId)).toEqual([502]);
    expect(call.caller?.matches.map((m) => [m.person.id, m.openDealsLoaded])).toEqual([
      [502, true],
      [503, false],
    ]);
  });

  it('asks for the remembered person\'s deals, not the best match\'s', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    h.crm.addDeal({ companyId: ACME, id: 950, personId: 503, title: 'Sally renewal', value: 10, currency: 'USD', status: 'open' });
    await h.preferences.remember(ACME, SHARED_NUMBER, { personId: 503, dealId: 950, chosenAt: 0 });
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: SHARED_NUMBER, source: 'webhook' });
    expect(h.crm.dealRequests.map((request) => request.personId)).toEqual([503]);
    expect(call).toMatchObject({ personId: 503, dealId: 950, caller: { remembered: { personId: 503, dealId: 950 } } });
    expect(call.caller?.matches.find((m) => m.person.id === 503)?.openDeals.map((deal) => deal.id)).toEqual([950]);
  });

  it('loads the open deals of the person the agent picks, stores them with the call and pushes them', async () => {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    h.crm.addDeal({ companyId: ACME, id: 950, personId: 503, title: 'Sally renewal', value: 10, currency: 'USD', status: 'open' });
    const { call } = await receiveInboundCall(h.deps, { companyId: ACME, from: SHARED_NUMBER, source: 'webhook' });
    expectOk(await answerCall(h.deps, { companyId: ACME, userId: ADA.userId, tabId: 'a', callId: call.id }));
    const chosen = expectOk(await selectCallContact(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id, personId: 503 }));
    const sally = chosen.call.caller?.matches.find((m) => m.person.id === 503);
    expect(sally).toMatchObject({ openDealsLoaded: true, openDeals: [{ id: 950, title: 'Sally renewal' }] });
    expect((await h.calls.get(ACME, call.id))?.caller?.matches.find((m) => m.person.id === 503)?.openDealsLoaded).toBe(true);
    expect(h.notifier.messages.at(-1)).toMatchObject({ call: { caller: { matches: [{ person: { id: 502 } }, { openDealsLoaded: true }] } } });

    // Picking them again asks Pipedrive nothing more.
    const before = h.crm.dealRequests.length;
    expectOk(await selectCallContact(h.deps, { companyId: ACME, userId: ADA.userId, callId: call.id, personId: 503 }));
    expect(h.crm.dealRequests.length).toBe(before);
  });
});
