import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'webhook-secret-for-tests';
const BODY = '{"from":"+14155550134","agent":"ada@acme.test"}';

describe('verifyWebhookSignature', () => {
  it('accepts the HMAC-SHA256 of the raw body, as a string or as bytes, in either hex case', () => {
    const header = `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`;
    expect(signWebhookBody(BODY, SECRET)).toBe(header);
    expect(verifyWebhookSignature(BODY, header, SECRET)).toEqual({ ok: true });
    expect(verifyWebhookSignature(Buffer.from(BODY), header, SECRET)).toEqual({ ok: true });
    expect(verifyWebhookSignature(BODY, `sha256=${header.slice(7).toUpperCase()}`, SECRET)).toEqual({ ok: true });
  });

  it.each([
    ['missing', undefined, 'WEBHOOK_SIGNATURE_MISSING'],
    ['empty', '', 'WEBHOOK_SIGNATURE_MISSING'],
    ['another scheme', `sha1=${'a'.repeat(40)}`, 'WEBHOOK_SIGNATURE_MALFORMED'],
    ['bare hex', 'a'.repeat(64), 'WEBHOOK_SIGNATURE_MALFORMED'],
    ['too short', `sha256=${'a'.repeat(63)}`, 'WEBHOOK_SIGNATURE_MALFORMED'],
    ['not hex', `sha256=${'g'.repeat(64)}`, 'WEBHOOK_SIGNATURE_MALFORMED'],
    ['sent twice', [signWebhookBody(BODY, SECRET), signWebhookBody(BODY, SECRET)], 'WEBHOOK_SIGNATURE_MALFORMED'],
    ['signed with another secret', signWebhookBody(BODY, 'another-secret'), 'WEBHOOK_SIGNATURE_MISMATCH'],
  ] as const)('refuses a %s header', (_what, header, code) => {
    expect(verifyWebhookSignature(BODY, header, SECRET)).toEqual({ ok: false, error: { code } });
  });

  it('refuses a body changed after signing', () => {
    const header = signWebhookBody(BODY, SECRET);
    const tampered = BODY.replace('ada@acme.test', 'eve@acme.test');
    expect(verifyWebhookSignature(tampered, header, SECRET)).toEqual({ ok: false, error: { code: 'WEBHOOK_SIGNATURE_MISMATCH' } });
    expect(verifyWebhookSignature(`${BODY} `, header, SECRET)).toEqual({ ok: false, error: { code: 'WEBHOOK_SIGNATURE_MISMATCH' } });
  });

  it('refuses to run without a secret', () => {
    expect(() => verifyWebhookSignature(BODY, signWebhookBody(BODY, 'x'), '')).toThrow();
  });
});
