import { describe, expect, it } from 'vitest';
import { T0, callIn, newCall } from '@/domain/call/testing/call-test-helpers';
import { createCall, linkCallToContact, recordBusyInboundCall } from './create-call';

describe('createCall', () => {
  it('creates an idle call stamped with its creation time', () => {
    expect(newCall('inbound')).toEqual({
      id: 'call-1',
      direction: 'inbound',
      companyId: 100,
      agentUserId: null,
      remoteNumber: '+442079460958',
      localNumber: '+14155550134',
      state: 'idle',
      timestamps: { createdAt: T0 },
    });
  });

  it('reads a national number in the company region', () => {
    const call = newCall('outbound', { remoteNumber: '030 1234567', defaultRegion: 'DE' });
    expect(call.remoteNumber).toBe('+49301234567');
  });

  it('keeps a number it cannot parse as it was given, trimmed', () => {
    expect(newCall('inbound', { remoteNumber: ' anonymous ' }).remoteNumber).toBe('anonymous');
  });

  it('carries the optional links it was given', () => {
    const call = createCall(
      {
        id: 'c',
        direction: 'outbound',
        companyId: 1,
        agentUserId: 5,
        remoteNumber: '+14155550134',
        personId: 11,
        dealId: 22,
        providerCallId: 'CA123',
      },
      T0,
    );
    expect(call).toMatchObject({ agentUserId: 5, personId: 11, dealId: 22, providerCallId: 'CA123' });
    expect(call).not.toHaveProperty('localNumber');
  });
});

describe('recordBusyInboundCall', () => {
  it('records the new call as a missed busy call and leaves the current call alone', () => {
    const current = callIn('connected', 'inbound');
    const before = structuredClone(current);
    const result = recordBusyInboundCall(
      { id: 'call-2', companyId: 100, agentUserId: 7, remoteNumber: '+37251234567' },
      T0 + 5000,
    );
    expect(result).toMatchObject({
      ok: true,
      call: { id: 'call-2', direction: 'inbound', state: 'ended', outcome: 'busy', timestamps: { endedAt: T0 + 5000 } },
      events: [{ type: 'call.ended' }, { type: 'call.missed', outcome: 'busy' }],
    });
    expect(current).toEqual(before);
  });
});

describe('linkCallToContact', () => {
  it('sets person and deal without changing the state', () => {
    const call = linkCallToContact(callIn('ringing', 'inbound'), { personId: 3, dealId: 4 });
    expect(call).toMatchObject({ state: 'ringing', personId: 3, dealId: 4 });
  });

  it('leaves links that are not given', () => {
    const call = linkCallToContact(newCall('inbound', { dealId: 9 }), { personId: 3 });
    expect(call).toMatchObject({ personId: 3, dealId: 9 });
  });
});
