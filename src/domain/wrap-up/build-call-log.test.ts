import { describe, expect, it } from 'vitest';
import { applyCallEvent } from '@/domain/call/apply-call-event';
import { T0, newCall } from '@/domain/call/testing/call-test-helpers';
import type { Call, CallEvent } from '@/domain/call/call.types';
import { buildCallLog, callSubject } from './build-call-log';
import { MISSED_PATH, SETTINGS, endedCall } from '@/domain/wrap-up/testing/wrap-up-test-helpers';

describe('buildCallLog', () => {
  it('logs an answered inbound call from the caller to our number, answer to hang-up', () => {
    const call = endedCall('inbound');
    expect(buildCallLog(call, { personId: 5, personName: 'Ada Lovelace' }, SETTINGS)).toEqual({
      outcome: 'connected',
      from_phone_number: '+442079460958',
      to_phone_number: '+14155550134',
      start_time: '2026-03-14 09:30:02',
      end_time: '2026-03-14 09:30:03',
      duration: '1',
      subject: 'Inbound call from Ada Lovelace',
      user_id: 7,
      person_id: 5,
    });
  });

  it('logs an outbound call from our number to the person', () => {
    const log = buildCallLog(endedCall('outbound'), { dealId: 9 }, SETTINGS);
    expect(log).toMatchObject({
      from_phone_number: '+14155550134',
      to_phone_number: '+442079460958',
      subject: 'Outbound call to +442079460958',
      deal_id: 9,
    });
    expect(log).not.toHaveProperty('person_id');
  });

  it('keeps end - start equal to the duration when the times fall between whole seconds', () => {
    // Answered at 09:30:02.900, ended at 09:30:05.100: 2.2 s of talk, logged as 2 s.
    const step = (call: Call, event: CallEvent, at: number): Call => {
      const result = applyCallEvent(call, event, at);
      if (!result.ok) throw new Error(`setup: ${event.type} refused`);
      return result.call;
    };
    const answered = step(step(newCall('inbound'), { type: 'ring' }, T0 + 1_000), { type: 'answer', agentUserId: 7 }, T0 + 2_900);
    const ended = step(answered, { type: 'remote_hang_up' }, T0 + 5_100);
    expect(buildCallLog(ended, {}, SETTINGS)).toMatchObject({ start_time: '2026-03-14 09:30:02', end_time: '2026-03-14 09:30:04', duration: '2' });
  });

  it('logs an unanswered call over its ringing time with duration 0', () => {
    const log = buildCallLog(endedCall('inbound', MISSED_PATH), {}, SETTINGS);
    expect(log).toMatchObject({
      outcome: 'no_answer',
      start_time: '2026-03-14 09:30:01',
      end_time: '2026-03-14 09:30:02',
      duration: '0',
      subject: 'Missed call from +442079460958',
    });
    expect(log).not.toHaveProperty('user_id');
  });

  it('takes an outcome only the agent can know over the computed one', () => {
    const log = buildCallLog(endedCall('outbound'), { reportedOutcome: 'left_voicemail' }, SETTINGS);
    expect(log.outcome).toBe('left_voicemail');
  });

  it("uses the company's number, then a real number of the call, never a placeholder, when our number is unknown", () => {
    const call = endedCall('inbound', undefined, { localNumber: undefined });
    expect(buildCallLog(call, {}, { ...SETTINGS, companyPhoneNumber: '+3726000000' }).to_phone_number).toBe('+3726000000');
    expect(buildCallLog(call, {}, SETTINGS)).toMatchObject({ to_phone_number: '+442079460958', from_phone_number: '+442079460958' });
  });

  it("uses the company's number as the caller of an outbound call placed without a caller ID", () => {
    const log = buildCallLog(endedCall('outbound', undefined, { localNumber: undefined }), {}, { ...SETTINGS, companyPhoneNumber: '+3726000000' });
    expect(log.from_phone_number).toBe('+3726000000');
  });

  it('links the organization the call is about', () => {
    expect(buildCallLog(endedCall('inbound'), { personId: 5, orgId: 3 }, SETTINGS)).toMatchObject({ person_id: 5, org_id: 3 });
    expect(buildCallLog(endedCall('inbound'), { personId: 5 }, SETTINGS)).not.toHaveProperty('org_id');
  });

  it('leaves the caller out of an outbound log when our number is unknown (Pipedrive does not require it)', () => {
    const log = buildCallLog(endedCall('outbound', undefined, { localNumber: undefined }), {}, SETTINGS);
    expect(log).not.toHaveProperty('from_phone_number');
    expect(log.to_phone_number).toBe('+442079460958');
  });

  it('carries the note only when there is one', () => {
    expect(buildCallLog(endedCall('inbound'), { noteHtml: '<p>hi</p>' }, SETTINGS).note).toBe('<p>hi</p>');
    expect(buildCallLog(endedCall('inbound'), { noteHtml: '' }, SETTINGS)).not.toHaveProperty('note');
  });
});

describe('callSubject', () => {
  it('calls a call the agent declined rejected, not missed', () => {
    const rejected = endedCall('inbound', [{ type: 'ring' }, { type: 'reject' }]);
    expect(callSubject(rejected, 'Ada Lovelace')).toBe('Rejected call from Ada Lovelace');
    expect(callSubject(endedCall('inbound', MISSED_PATH), 'Ada Lovelace')).toBe('Missed call from Ada Lovelace');
  });

  it('falls back to the number when the name is blank', () => {
    expect(callSubject(endedCall('outbound'), '  ')).toBe('Outbound call to +442079460958');
  });
});
