/**
 * Every secret the app is presented (Control Center token, webhook HMAC, Pipedrive's uninstall
 * credentials, the OAuth state) is compared with crypto.timingSafeEqual, never with `===`:
 * a spy on node:crypto proves each helper goes through it. Twilio's official helper compares with
 * `scmp`, which is timingSafeEqual as well (not spied: it is CommonJS inside node_modules).
 */
import { describe, expect, it, vi } from 'vitest';

const compared = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return {
    ...original,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.calls += 1;
      return original.timingSafeEqual(a, b);
    },
  };
});

const { isControlCenterTokenValid } = await import('@/adapters/realtime/control-center');
const { signWebhookBody, verifyWebhookSignature } = await import('@/adapters/telephony/webhook/webhook-signature');
const { secretsEqual } = await import('@/server/http/constant-time');

/** How many timingSafeEqual calls `run` made, and its result. */
function comparisons<T>(run: () => T): { result: T; calls: number } {
  const before = compared.calls;
  const result = run();
  return { result, calls: compared.calls - before };
}

describe('secret comparisons are timing-safe', () => {
  it('Control Center token: right, wrong, and wrong length all go through timingSafeEqual', () => {
    expect(comparisons(() => isControlCenterTokenValid('the-token', 'the-token'))).toEqual({ result: true, calls: 1 });
    expect(comparisons(() => isControlCenterTokenValid('the-tokeN', 'the-token'))).toEqual({ result: false, calls: 1 });
    expect(comparisons(() => isControlCenterTokenValid('t', 'the-token'))).toEqual({ result: false, calls: 1 });
  });

  it('provider webhook signature (HMAC-SHA256 of the raw body)', () => {
    const body = '{"from":"+14155550134"}';
    expect(comparisons(() => verifyWebhookSignature(body, signWebhookBody(body, 'secret'), 'secret'))).toEqual({ result: { ok: true }, calls: 1 });
    expect(comparisons(() => verifyWebhookSignature(body, signWebhookBody(body, 'other'), 'secret')).calls).toBe(1);
  });

  it('uninstall credentials and OAuth state (secretsEqual), whatever the lengths', () => {
    expect(comparisons(() => secretsEqual('Basic abc', 'Basic abc'))).toEqual({ result: true, calls: 1 });
    expect(comparisons(() => secretsEqual('Basic abd', 'Basic abc'))).toEqual({ result: false, calls: 1 });
    expect(comparisons(() => secretsEqual('', 'Basic abc'))).toEqual({ result: false, calls: 1 });
  });
});
