import { describe, expect, it } from 'vitest';
import { TelephonyError } from '@/application/ports/telephony-error';
import { applyProviderCallUpdate } from './apply-provider-call-update';
import { ACME, ADA, KNOWN_NUMBER, SHARED_NUMBER, T0, UNKNOWN_NUMBER, createCallsHarness, expectOk, settle } from './testing/calls-test-harness';
import { placeOutboundCall, type PlaceOutboundCallInput } from './place-outbound-call';

function place(h: ReturnType<typeof createCallsHarness>, input: Partial<PlaceOutboundCallInput> = {}) {
  return placeOutboundCall(h.deps, { companyId: ACME, agentUserId: ADA.userId, tabId: 'ada-1', number: KNOWN_NUMBER, source: 'dial_pad', ...input });
}

describe('placeOutboundCall', () => {
  it('calls a person from their contact row: linked to the person and deal, with open deals for the wrap-up', async () => {
    const h = createCallsHarness();
    const result = expectOk(await place(h, { number: '(415) 555-0134', personId: 501, dealId: 902, source: 'contact' }));
    expect(result.call).toMatchObject({
      direction: 'outbound',
      state: 'idle',
      remoteNumber: KNOWN_NUMBER,
      localNumber: '+14155550100',
      agentUserId: ADA.userId,
      agentTabId: 'ada-1',
      personId: 501,
      dealId: 902,
    });
    expect(result.call.caller?.matches).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: 501, organizationName: 'Analytical Engines Ltd' }), openDeals: [expect.objectContaining({ id: 901 }), expect.objectContaining({ id: 902 })] }),
    ]);
    expect(h.telephony.commands).toEqual([
      { type: 'place', request: { callId: result.call.id, companyId: ACME, agentUserId: ADA.userId, to: KNOWN_NUMBER, from: '+14155550100' } },
    ]);
    expect((await h.calls.get(ACME, result.call.id))?.call.providerCallId).toBe('fake-1');
    expect(h.notifier.receivedBy(ACME, ADA.userId)).toEqual([expect.objectContaining({ type: 'call_updated' })]);
  });

  it('calls a person without deals', async () => {
    const h = createCallsHarness();
    const result = expectOk(await place(h, { number: '+1 415 555 0155', personId: 504, source: 'contact' }));
    expect(result.call).toMatchObject({ personId: 504, dealId: null, caller: { status: 'matched', matches: [{ openDeals: [] }] } });
  });

  it('dials an unknown number from the dial pad', async () => {
    const h = createCallsHarness();
    const result = expectOk(await place(h, { number: '415.555.0199' }));
    expect(result.call).toMatchObject({ remoteNumber: UNKNOWN_NUMBER, personId: null, caller: { status: 'no_match' } });
  });

  it("shows a number of the company's region nationally and a foreign one with its country code", async () => {
    const local = expectOk(await place(createCallsHarness(), { number: '415.555.0199' }));
    expect(local.call.caller).toMatchObject({ number: UNKNOWN_NUMBER, nationalNumber: '(415) 555-0199' });
    const abroad = expectOk(await place(createCallsHarness(), { number: '+44 20 7946 0958' }));
    expect(abroad.call.caller).toMatchObject({ number: '+442079460958', nationalNumber: '+44 20 7946 0958' });
  });

  it('links a dialled number to its only match (a phone link clicked in Pipedrive)', async () => {
    const h = createCallsHarness();
    const result = expectOk(await place(h, { source: 'phone_click' }));
    expect(result.call).toMatchObject({ personId: 501, dealId: null });
  });

  it('links the person and deal remembered for a number several persons share', async () => {
    const h = createCallsHarness();
    await h.preferences.remember(ACME, SHARED_NUMBER, { personId: 503, chosenAt: T0 });
    const result = expectOk(await place(h, { number: SHARED_NUMBER }));
    expect(result.call).toMatchObject({ personId: 503, caller: { remembered: { personId: 503 } } });
  });

  it('refuses what is not a phone number and places nothing', async () => {
    const h = createCallsHarness();
    expect(await place(h, { number: 'call me maybe' })).toEqual({ ok: false, error: { code: 'CALL_NUMBER_INVALID' } });
    expect(h.telephony.commands).toEqual([]);
  });

  it('refuses a second call while the agent is on one', async () => {
    const h = createCallsHarness();
    const first = expectOk(await place(h));
    expect(await place(h, { number: UNKNOWN_NUMBER })).toEqual({ ok: false, error: { code: 'CALL_AGENT_BUSY', activeCallId: first.call.id } });
  });

  it('of two dials by one agent at the same moment, exactly one is placed: the other is told the agent is busy', async () => {
    const h = createCallsHarness();
    // Both pass the busy check before either stores its call: the store decides.
    const results = await Promise.all([place(h), place(h, { number: UNKNOWN_NUMBER })]);
    const placed = results.filter((result) => result.ok);
    expect(placed).toHaveLength(1);
    const winner = expectOk(placed[0] as (typeof results)[number]);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: { code: 'CALL_AGENT_BUSY', activeCallId: winner.call.id } });
    expect(h.telephony.commands).toHaveLength(1);
  });

  it('ends the call as failed when the provider throws something unexpected, so the agent can dial again', async () => {
    const h = createCallsHarness();
    h.telephony.failNextPlaceCall(new Error('socket hang up'));
    const result = await place(h);
    expect(result).toEqual({ ok: false, error: { code: 'CALL_TELEPHONY_FAILED', callId: 'call-1', retryable: false } });
    expect((await h.calls.get(ACME, 'call-1'))?.call).toMatchObject({ state: 'ended', outcome: 'failed', failureReason: 'unexpected_error' });
    expect(h.notifier.messages.at(-1)).toMatchObject({ type: 'call_updated', call: { id: 'call-1', state: 'ended' } });
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('unexpectedly') }));
    expect(expectOk(await place(h, { number: UNKNOWN_NUMBER })).call.state).toBe('idle');
  });

  it('hangs up the provider leg when something fails after the provider placed the call', async () => {
    const h = createCallsHarness();
    const notified = h.deps.notifier.callUpdated.bind(h.deps.notifier);
    let failures = 1;
    h.deps.notifier.callUpdated = async (...args) => {
      if (failures-- > 0) throw new Error('socket layer down');
      return notified(...args);
    };
    const result = await place(h);
    expect(result).toMatchObject({ ok: false, error: { code: 'CALL_TELEPHONY_FAILED', retryable: false } });
    expect((await h.calls.get(ACME, 'call-1'))?.call).toMatchObject({ state: 'ended', outcome: 'failed' });
    expect(h.telephony.commands.at(-1)).toEqual({ type: 'hang_up', providerCallId: 'fake-1' });
  });

  it('stores the call as failed when the provider refuses it', async () => {
    const h = createCallsHarness();
    h.telephony.failNextPlaceCall(new TelephonyError({ kind: 'unavailable', message: 'down', retryable: true }));
    const result = await place(h);
    expect(result).toEqual({ ok: false, error: { code: 'CALL_TELEPHONY_FAILED', callId: 'call-1', retryable: true } });
    expect((await h.calls.get(ACME, 'call-1'))?.call).toMatchObject({ state: 'ended', outcome: 'failed' });
    expect(h.notifier.messages.at(-1)).toMatchObject({ type: 'call_updated', call: { state: 'ended' } });
  });

  it('places the call even when Pipedrive cannot be reached', async () => {
    const h = createCallsHarness();
    h.crm.failWith(new Error('timeout'));
    const result = expectOk(await place(h));
    expect(result.call.caller?.status).toBe('crm_unavailable');
    expect(h.telephony.commands).toHaveLength(1);
  });

  it('follows the provider: ringing, then connected', async () => {
    const h = createCallsHarness();
    const { call } = expectOk(await place(h));
    h.telephony.emit({ providerCallId: 'fake-1', status: 'ringing' });
    await settle();
    expect((await h.calls.get(ACME, call.id))?.call.state).toBe('ringing');
    h.telephony.emit({ providerCallId: 'fake-1', status: 'answered' });
    await settle();
    expect((await h.calls.get(ACME, call.id))?.call).toMatchObject({ state: 'connected', agentUserId: ADA.userId });
  });

  it('accepts a provider update that arrives before the provider id was saved', async () => {
    const h = createCallsHarness();
    const { call } = expectOk(await place(h));
    const result = await applyProviderCallUpdate(h.deps, { providerCallId: 'other-id', call: { companyId: ACME, id: call.id }, status: 'answered' });
    expect(result).toMatchObject({ ok: true, kind: 'applied', call: { state: 'connected' } });
  });
});
