import { describe, expect, it } from 'vitest';
import { answerCall } from './answer-call';
import { ACME, ADA, GRACE, SHARED_NUMBER, createCallsHarness, expectOk } from './calls-test-harness';
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
