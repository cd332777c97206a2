import { describe, expect, it } from 'vitest';
import type { ReceiveInboundCallInput } from '@/application/calls/receive-inbound-call';
import { ACME, ADA, createCallsHarness } from '@/application/calls/testing/calls-test-harness';
import { receiveInboundCall } from '@/application/calls/receive-inbound-call';
import { handleInboundWebhook } from './inbound-webhook-handler';
import { MAX_INBOUND_WEBHOOK_BYTES, parseInboundWebhookBody } from './inbound-webhook.schema';
import { signWebhookBody } from './webhook-signature';

const SECRET = 'test-webhook-secret';

describe('parseInboundWebhookBody', () => {
  it.each([
    [{ from: '+14155550134' }, { from: '+14155550134' }],
    [{ from: ' +1 (415) 555-0134 ', to: '+14155550100', agent: ' Ada ', callId: 'prov:42' }, { from: '+1 (415) 555-0134', to: '+14155550100', agent: 'Ada', callId: 'prov:42' }],
    [{ from: '020 7946 0958', extra: 'ignored' }, { from: '020 7946 0958' }],
  ])('accepts %j', (body, expected) => {
    expect(parseInboundWebhookBody(JSON.stringify(body))).toEqual({ ok: true, body: expected });
  });

  it.each([
    [{}, 'from'],
    [{ from: 'anonymous' }, 'from'],
    [{ from: '+1 415 CALL NOW' }, 'from'],
    [{ from: '12345' }, 'from'],
    [{ from: '+1234567890123456' }, 'from'],
    [{ from: 14155550134 }, 'from'],
    [{ from: '+14155550134', to: 'sip:x@y' }, 'to'],
    [{ from: '+14155550134', agent: 'a'.repeat(201) }, 'agent'],
    [{ from: '+14155550134', callId: 'has spaces' }, 'callId'],
    [{ from: '+14155550134', callId: 'x'.repeat(129) }, 'callId'],
  ])('refuses %j (%s)', (body, field) => {
    const result = parseInboundWebhookBody(JSON.stringify(body));
    expect(result).toMatchObject({ ok: false, error: { code: 'WEBHOOK_BODY_INVALID' } });
    expect(!result.ok && result.error.message).toContain(field);
  });

  it('refuses what is not JSON and what is too large', () => {
    expect(parseInboundWebhookBody('from=+14155550134')).toMatchObject({ ok: false, error: { code: 'WEBHOOK_BODY_NOT_JSON' } });
    const big = JSON.stringify({ from: '+14155550134', agent: 'x'.repeat(MAX_INBOUND_WEBHOOK_BYTES) });
    expect(parseInboundWebhookBody(big)).toMatchObject({ ok: false, error: { code: 'WEBHOOK_BODY_TOO_LARGE' } });
  });
});

describe('handleInboundWebhook', () => {
  function setup(secret: string | null = SECRET) {
    const h = createCallsHarness();
    h.presence.connect(ADA);
    const received: ReceiveInboundCallInput[] = [];
    const deps = {
      secret,
      resolveCompanyId: async (body: { to?: string | undefined }) => (body.to === '+19999999999' ? undefined : ACME),
      receiveInboundCall: (input: ReceiveInboundCallInput) => {
        received.push(input);
        return receiveInboundCall(h.deps, input);
      },
    };
    return { h, deps, received };
  }

  it('accepts a signed call with 202 and rings the agent', async () => {
    const { deps, received, h } = setup();
    const rawBody = JSON.stringify({ from: '+14155550134', agent: 'Ada Lovelace', callId: 'ext-1' });
    const response = await handleInboundWebhook(deps, { rawBody, signature: signWebhookBody(rawBody, SECRET) });
    expect(response).toEqual({ status: 202, body: { callId: 'call-1', result: 'ringing' } });
    expect(received).toEqual([{ companyId: ACME, from: '+14155550134', to: undefined, agent: 'Ada Lovelace', providerCallId: 'ext-1', source: 'webhook' }]);
    expect(h.notifier.ringingIn({ ...ADA, tabId: 'a' })).toEqual(['call-1']);
  });

  it('answers 401 before reading an unsigned, badly signed or unconfigured request', async () => {
    const rawBody = JSON.stringify({ from: '+14155550134' });
    const { deps, received } = setup();
    expect(await handleInboundWebhook(deps, { rawBody, signature: undefined })).toMatchObject({ status: 401, body: { error: { code: 'WEBHOOK_SIGNATURE_MISSING' } } });
    expect(await handleInboundWebhook(deps, { rawBody, signature: signWebhookBody(rawBody, 'wrong') })).toMatchObject({ status: 401, body: { error: { code: 'WEBHOOK_SIGNATURE_MISMATCH' } } });
    expect(await handleInboundWebhook(deps, { rawBody: 'not json', signature: undefined })).toMatchObject({ status: 401 });
    const unconfigured = setup(null);
    expect(await handleInboundWebhook(unconfigured.deps, { rawBody, signature: signWebhookBody(rawBody, SECRET) })).toMatchObject({ status: 401, body: { error: { code: 'WEBHOOK_NOT_CONFIGURED' } } });
    expect(received).toEqual([]);
  });

  it('answers 400 to a signed but invalid body, or a number no company takes', async () => {
    const { deps, received } = setup();
    const signed = (body: string) => ({ rawBody: body, signature: signWebhookBody(body, SECRET) });
    expect(await handleInboundWebhook(deps, signed('{"from":"nobody"}'))).toMatchObject({ status: 400, body: { error: { code: 'WEBHOOK_BODY_INVALID' } } });
    expect(await handleInboundWebhook(deps, signed('{'))).toMatchObject({ status: 400, body: { error: { code: 'WEBHOOK_BODY_NOT_JSON' } } });
    expect(await handleInboundWebhook(deps, signed('{"from":"+14155550134","to":"+19999999999"}'))).toMatchObject({
      status: 400,
      body: { error: { code: 'WEBHOOK_COMPANY_UNKNOWN' } },
    });
    expect(received).toEqual([]);
  });
});
