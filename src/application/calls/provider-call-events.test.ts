import { describe, expect, it } from 'vitest';
import type { CallDirection, CallState } from '@/domain/call';
import type { ProviderCallStatus } from '@/application/ports/telephony-provider.port';
import { callEventsForProviderStatus } from './provider-call-events';

const cases: Array<[ProviderCallStatus, CallDirection, CallState, string[]]> = [
  ['ringing', 'outbound', 'idle', ['ring']],
  ['ringing', 'outbound', 'ringing', []],
  ['answered', 'outbound', 'idle', ['ring', 'answer']],
  ['answered', 'outbound', 'ringing', ['answer']],
  ['answered', 'outbound', 'connected', []],
  ['answered', 'inbound', 'ringing', []],
  ['remote_ended', 'outbound', 'connected', ['remote_hang_up']],
  ['remote_ended', 'inbound', 'ringing', ['cancel']],
  ['busy', 'outbound', 'ringing', ['busy']],
  ['no_answer', 'outbound', 'ringing', ['no_answer']],
  ['failed', 'outbound', 'idle', ['fail']],
  ['canceled', 'inbound', 'ringing', ['cancel']],
];

describe('callEventsForProviderStatus', () => {
  it.each(cases)('%s on an %s call in state %s means %j', (status, direction, state, expected) => {
    expect(callEventsForProviderStatus(status, { direction, state }).map((event) => event.type)).toEqual(expected);
  });

  it('keeps the provider reason of a failure', () => {
    expect(callEventsForProviderStatus('failed', { direction: 'outbound', state: 'ringing' }, '31005')).toEqual([
      { type: 'fail', reason: '31005' },
    ]);
  });
});
