import { describe, expect, it } from 'vitest';
import { incomingCallBody } from './softphone-server';

// The window's report must pass the route's schema (`sipIncomingBodySchema`: displayName optional,
// a string of at most 100 characters, never null). A body it refuses (400) makes the window drop
// the INVITE with 480, and the agent never sees the call ring.
describe('incomingCallBody', () => {
  const invite = { sipCallId: 'a84b4c76e66710@pc33.example', from: 'customer', to: 'agent1' };

  it('leaves out a missing display name, which the route accepts', () => {
    const body = incomingCallBody({ ...invite, displayName: null });
    expect(body).toStrictEqual(invite);
    expect('displayName' in body).toBe(false);
  });

  it('keeps a display name, trimmed and cut to what the route takes', () => {
    expect(incomingCallBody({ ...invite, displayName: '  Ada Lovelace ' }).displayName).toBe('Ada Lovelace');
    const long = incomingCallBody({ ...invite, displayName: 'x'.repeat(150) });
    expect(long.displayName).toHaveLength(100);
  });

  it('leaves out a blank display name', () => {
    expect(incomingCallBody({ ...invite, displayName: '   ' })).toStrictEqual(invite);
  });
});
