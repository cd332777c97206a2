import { describe, expect, it } from 'vitest';
import type { CallDirection, CallState } from '@/domain/call';
import { TWILIO_STATUS_TO_PROVIDER_STATUS, twilioStatusToCallEvents } from './twilio-call-status';
import { TWILIO_CALL_STATUSES, type TwilioCallStatus } from './twilio-voice-webhook.schema';

describe('Twilio call statuses', () => {
  it('maps every status Twilio documents', () => {
    expect(Object.keys(TWILIO_STATUS_TO_PROVIDER_STATUS).sort()).toEqual([...TWILIO_CALL_STATUSES].sort());
  });

  const table: Array<[TwilioCallStatus, CallDirection, CallState, string[]]> = [
    ['queued', 'outbound', 'idle', []],
    ['initiated', 'outbound', 'idle', []],
    ['ringing', 'outbound', 'idle', ['ring']],
    ['in-progress', 'outbound', 'ringing', ['answer']],
    ['in-progress', 'outbound', 'idle', ['ring', 'answer']],
    ['in-progress', 'inbound', 'ringing', []],
    ['completed', 'outbound', 'connected', ['remote_hang_up']],
    ['completed', 'inbound', 'connected', ['remote_hang_up']],
    ['completed', 'inbound', 'ringing', ['cancel']],
    ['busy', 'outbound', 'ringing', ['busy']],
    ['no-answer', 'outbound', 'ringing', ['no_answer']],
    ['failed', 'outbound', 'idle', ['fail']],
    ['canceled', 'outbound', 'ringing', ['cancel']],
  ];

  it.each(table)('%s on an %s call in state %s is %j', (status, direction, state, events) => {
    expect(twilioStatusToCallEvents(status, { direction, state }).map((event) => event.type)).toEqual(events);
  });
});
