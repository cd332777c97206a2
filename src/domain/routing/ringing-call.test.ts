import { describe, expect, it } from 'vitest';
import { claimCall, declineCall, startRinging, stopRingingEveryone } from './ringing-call';
import type { OnlineAgent, RingingCall } from './routing.types';

const COMPANY = 1;

function agent(userId: number): OnlineAgent {
  return { userId, name: `Agent ${userId}`, email: `a${userId}@x.test`, socketCount: 2 };
}

function ringingFor(...userIds: number[]): RingingCall {
  return startRinging('call-1', COMPANY, userIds.map(agent));
}

function tab(userId: number, tabId = `tab-${userId}-a`, companyId = COMPANY) {
  return { companyId, userId, tabId };
}

describe('startRinging', () => {
  it('rings the routed agents, nobody has answered', () => {
    expect(ringingFor(11, 12)).toEqual({
      callId: 'call-1',
      companyId: COMPANY,
      ringingUserIds: [11, 12],
      declinedUserIds: [],
      claimedBy: null,
    });
  });
});

describe('claimCall', () => {
  it('gives the call to the first answer and stops ringing everywhere else', () => {
    const result = claimCall(ringingFor(11, 12, 13), tab(12));
    expect(result).toEqual({
      ok: true,
      ringing: expect.objectContaining({ claimedBy: { userId: 12, tabId: 'tab-12-a' } }),
      stopRingingFor: [{ userId: 12, exceptTabId: 'tab-12-a' }, { userId: 11 }, { userId: 13 }],
    });
  });

  it('refuses a second agent answering at the same moment', () => {
    const first = claimCall(ringingFor(11, 12), tab(11));
    if (!first.ok) throw new Error('first claim refused');
    expect(claimCall(first.ringing, tab(12))).toEqual({
      ok: false,
      error: { code: 'ROUTING_CALL_ALREADY_CLAIMED', claimedByUserId: 11 },
    });
  });

  it("refuses the winner's other tab", () => {
    const first = claimCall(ringingFor(11), tab(11, 'tab-a'));
    if (!first.ok) throw new Error('first claim refused');
    expect(claimCall(first.ringing, tab(11, 'tab-b'))).toMatchObject({
      ok: false,
      error: { code: 'ROUTING_CALL_ALREADY_CLAIMED', claimedByUserId: 11 },
    });
  });

  it('accepts a repeated claim from the winning tab without new messages', () => {
    const first = claimCall(ringingFor(11, 12), tab(11));
    if (!first.ok) throw new Error('first claim refused');
    expect(claimCall(first.ringing, tab(11))).toEqual({ ok: true, ringing: first.ringing, stopRingingFor: [] });
  });

  it('refuses an agent the call does not ring for', () => {
    expect(claimCall(ringingFor(11), tab(99))).toEqual({
      ok: false,
      error: { code: 'ROUTING_NOT_RINGING_FOR_AGENT', userId: 99 },
    });
  });

  it('refuses a user of another company even with a ringing user id', () => {
    expect(claimCall(ringingFor(11), tab(11, 'tab', 2))).toMatchObject({
      ok: false,
      error: { code: 'ROUTING_NOT_RINGING_FOR_AGENT' },
    });
  });

  it('refuses an agent who already declined', () => {
    const declined = declineCall(ringingFor(11, 12), { companyId: COMPANY, userId: 11 });
    if (!declined.ok) throw new Error('decline refused');
    expect(claimCall(declined.ringing, tab(11))).toMatchObject({
      ok: false,
      error: { code: 'ROUTING_NOT_RINGING_FOR_AGENT', userId: 11 },
    });
  });

  it('does not tell agents who declined to stop ringing again', () => {
    const declined = declineCall(ringingFor(11, 12, 13), { companyId: COMPANY, userId: 11 });
    if (!declined.ok) throw new Error('decline refused');
    expect(claimCall(declined.ringing, tab(13))).toMatchObject({
      ok: true,
      stopRingingFor: [{ userId: 13, exceptTabId: 'tab-13-a' }, { userId: 12 }],
    });
  });
});

describe('declineCall', () => {
  it('stops ringing for the agent who declined and keeps ringing the others', () => {
    expect(declineCall(ringingFor(11, 12), { companyId: COMPANY, userId: 12 })).toEqual({
      ok: true,
      ringing: expect.objectContaining({ declinedUserIds: [12] }),
      stopRingingFor: [{ userId: 12 }],
      isDeclinedByEveryone: false,
    });
  });

  it('says the call is rejected once everybody declined', () => {
    const first = declineCall(ringingFor(11, 12), { companyId: COMPANY, userId: 11 });
    if (!first.ok) throw new Error('decline refused');
    expect(declineCall(first.ringing, { companyId: COMPANY, userId: 12 })).toMatchObject({
      ok: true,
      isDeclinedByEveryone: true,
    });
  });

  it('refuses to decline a call already answered', () => {
    const claimed = claimCall(ringingFor(11, 12), tab(11));
    if (!claimed.ok) throw new Error('claim refused');
    expect(declineCall(claimed.ringing, { companyId: COMPANY, userId: 12 })).toEqual({
      ok: false,
      error: { code: 'ROUTING_CALL_ALREADY_CLAIMED', claimedByUserId: 11 },
    });
  });

  it('refuses a second decline by the same agent and other companies', () => {
    const first = declineCall(ringingFor(11, 12), { companyId: COMPANY, userId: 11 });
    if (!first.ok) throw new Error('decline refused');
    expect(declineCall(first.ringing, { companyId: COMPANY, userId: 11 })).toMatchObject({ ok: false });
    expect(declineCall(first.ringing, { companyId: 2, userId: 12 })).toMatchObject({ ok: false });
  });
});

describe('stopRingingEveryone', () => {
  it('names every agent still ringing', () => {
    const declined = declineCall(ringingFor(11, 12, 13), { companyId: COMPANY, userId: 12 });
    if (!declined.ok) throw new Error('decline refused');
    expect(stopRingingEveryone(declined.ringing)).toEqual([{ userId: 11 }, { userId: 13 }]);
  });

  it('names nobody once the call was answered', () => {
    const claimed = claimCall(ringingFor(11, 12), tab(11));
    if (!claimed.ok) throw new Error('claim refused');
    expect(stopRingingEveryone(claimed.ringing)).toEqual([]);
  });
});
