import { describe, expect, it } from 'vitest';
import { callIn } from '@/domain/call/testing/call-test-helpers';
import { planAutomaticCallLog } from './plan-automatic-call-log';
import { planWrapUpWrites } from './plan-wrap-up-writes';
import { MISSED_PATH, SETTINGS, endedCall } from '@/domain/wrap-up/testing/wrap-up-test-helpers';

describe('planAutomaticCallLog', () => {
  it('logs what the server knows: links of the call, no note', () => {
    const call = endedCall('inbound', undefined, { personId: 5, dealId: 8 });
    const result = planAutomaticCallLog({ call, settings: SETTINGS, context: { personName: 'Ada' } });
    expect(result).toEqual({
      ok: true,
      writes: [
        {
          kind: 'create_call_log',
          purpose: 'call_log',
          idempotencyKey: 'call:call-1:call_log',
          payload: expect.objectContaining({ person_id: 5, deal_id: 8, subject: 'Inbound call from Ada' }),
        },
      ],
    });
    expect(result.ok && result.writes[0]?.payload).not.toHaveProperty('note');
  });

  it('uses the same call-log key as the wrap-up, so only one of them can be delivered', () => {
    const call = endedCall('outbound');
    const automatic = planAutomaticCallLog({ call, settings: SETTINGS });
    const wrapUp = planWrapUpWrites({
      call,
      settings: SETTINGS,
      isCallLogged: false,
      wrapUp: { callId: call.id, notes: 'n', action: { kind: 'hang_up' } },
    });
    const key = (r: typeof automatic | typeof wrapUp) => (r.ok ? r.writes[0]?.idempotencyKey : undefined);
    expect(key(automatic)).toBe('call:call-1:call_log');
    expect(key(automatic)).toBe(key(wrapUp));
  });

  it('adds the call-back activity for a missed call when asked to', () => {
    const call = endedCall('inbound', MISSED_PATH);
    const result = planAutomaticCallLog({ call, settings: { createCallbackForMissedCalls: true } });
    expect(result.ok && result.writes.map((w) => w.kind)).toEqual(['create_call_log', 'create_activity']);
  });

  it('refuses a call that has not ended', () => {
    expect(planAutomaticCallLog({ call: callIn('ringing', 'inbound'), settings: SETTINGS })).toEqual({
      ok: false,
      error: { code: 'WRAP_UP_CALL_NOT_ENDED', callId: 'call-1' },
    });
  });
});
