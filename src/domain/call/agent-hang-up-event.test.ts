import { describe, expect, it } from 'vitest';
import { agentHangUpEvent } from './agent-hang-up-event';
import { applyCallEvent } from './apply-call-event';
import { T0, callIn } from '@/domain/call/testing/call-test-helpers';
import type { CallDirection, CallState } from './call.types';

describe('agentHangUpEvent', () => {
  it.each([
    ['idle', 'inbound', undefined],
    ['idle', 'outbound', 'cancel'],
    ['ringing', 'inbound', 'reject'],
    ['ringing', 'outbound', 'cancel'],
    ['connected', 'inbound', 'local_hang_up'],
    ['connected', 'outbound', 'local_hang_up'],
    ['ended', 'inbound', undefined],
    ['wrapped_up', 'outbound', undefined],
  ] as Array<[CallState, CallDirection, string | undefined]>)('%s %s -> %s', (state, direction, type) => {
    expect(agentHangUpEvent({ state, direction })?.type).toBe(type);
  });

  it.each(['idle', 'ringing', 'connected'] as const)('always gives an event the machine accepts (%s)', (state) => {
    for (const direction of ['inbound', 'outbound'] as const) {
      const call = callIn(state, direction);
      const event = agentHangUpEvent(call);
      if (event === undefined) continue;
      expect(applyCallEvent(call, event, T0 + 60_000)).toMatchObject({ ok: true, call: { state: 'ended' } });
    }
  });
});
