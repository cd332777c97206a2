import { describe, expect, it } from 'vitest';
import { routeInboundCall } from './route-inbound-call';
import type { AgentSession } from './routing.types';

const ACME = 1;
const GLOBEX = 2;

function session(companyId: number, userId: number, name: string, socketCount = 1): AgentSession {
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}-${userId}@company${companyId}.test`;
  return { companyId, userId, name, email, socketCount };
}

const sessions: AgentSession[] = [
  session(ACME, 11, 'Ada Lovelace'),
  session(ACME, 12, 'Grace Hopper', 2),
  session(ACME, 13, 'Alex Smith'),
  session(ACME, 14, 'alex smith'),
  session(GLOBEX, 21, 'Hank Scorpio'),
  session(GLOBEX, 22, 'Ada Lovelace'),
];

const NOBODY_BUSY = new Set<number>();

function ringedUserIds(agent: string | undefined, busy = NOBODY_BUSY, all = sessions) {
  const result = routeInboundCall({ companyId: ACME, agent }, all, busy);
  if (!result.ok || result.decision.kind !== 'ring') return result;
  return result.decision.agents.map((a) => a.userId);
}

describe('routeInboundCall', () => {
  it.each([undefined, '', '   '])('rings every online agent of the company when agent is %j', (agent) => {
    expect(routeInboundCall({ companyId: ACME, agent }, sessions, NOBODY_BUSY)).toEqual({
      ok: true,
      decision: {
        kind: 'ring',
        matchedBy: 'any',
        agents: [
          { userId: 11, name: 'Ada Lovelace', email: 'ada.lovelace-11@company1.test', socketCount: 1 },
          { userId: 12, name: 'Grace Hopper', email: 'grace.hopper-12@company1.test', socketCount: 2 },
          { userId: 13, name: 'Alex Smith', email: 'alex.smith-13@company1.test', socketCount: 1 },
          { userId: 14, name: 'alex smith', email: 'alex.smith-14@company1.test', socketCount: 1 },
        ],
      },
    });
  });

  it.each([
    ['12', [12], 'id'],
    [' 12 ', [12], 'id'],
    ['GRACE.HOPPER-12@company1.test', [12], 'email'],
    ['grace hopper', [12], 'name'],
    ['  Grace   HOPPER ', [12], 'name'],
  ] as const)('rings only the agent named %j', (agent, userIds, matchedBy) => {
    const result = routeInboundCall({ companyId: ACME, agent }, sessions, NOBODY_BUSY);
    expect(result).toMatchObject({ ok: true, decision: { kind: 'ring', matchedBy } });
    expect(ringedUserIds(agent)).toEqual(userIds);
  });

  it('rings every user sharing the name asked for, first answer wins', () => {
    expect(ringedUserIds('ALEX SMITH')).toEqual([13, 14]);
  });

  it('prefers an id over a name that looks like one', () => {
    const withNumericName = [...sessions, session(ACME, 15, '11')];
    expect(ringedUserIds('11', NOBODY_BUSY, withNumericName)).toEqual([11]);
  });

  it('prefers an email over a name equal to it', () => {
    const withEmailName = [...sessions, session(ACME, 16, 'ada.lovelace-11@company1.test')];
    expect(ringedUserIds('ada.lovelace-11@company1.test', NOBODY_BUSY, withEmailName)).toEqual([11]);
  });

  it.each([
    ['21', 'id of another company'],
    ['Hank Scorpio', 'name of another company'],
    ['hank.scorpio-21@company2.test', 'email of another company'],
    ['Nobody Here', 'unknown name'],
  ])('answers ROUTING_AGENT_NOT_FOUND for %j (%s)', (agent) => {
    expect(routeInboundCall({ companyId: ACME, agent }, sessions, NOBODY_BUSY)).toEqual({
      ok: false,
      error: { code: 'ROUTING_AGENT_NOT_FOUND', agent },
    });
  });

  it('finds a name shared across companies only in the call company', () => {
    expect(ringedUserIds('Ada Lovelace')).toEqual([11]);
    const globex = routeInboundCall({ companyId: GLOBEX, agent: 'Ada Lovelace' }, sessions, NOBODY_BUSY);
    expect(globex).toMatchObject({ ok: true, decision: { agents: [{ userId: 22 }] } });
  });

  it('never rings another company, even when nobody of the call company is online', () => {
    const result = routeInboundCall({ companyId: 3 }, sessions, NOBODY_BUSY);
    expect(result).toEqual({
      ok: true,
      decision: { kind: 'missed', reason: 'no_agent_online', callEvent: 'no_answer', missedByUserIds: [] },
    });
  });

  it('treats sessions with no socket left as offline', () => {
    const offline = [session(ACME, 11, 'Ada Lovelace', 0)];
    expect(routeInboundCall({ companyId: ACME }, offline, NOBODY_BUSY)).toMatchObject({
      ok: true,
      decision: { kind: 'missed', reason: 'no_agent_online' },
    });
    expect(routeInboundCall({ companyId: ACME, agent: '11' }, offline, NOBODY_BUSY)).toMatchObject({
      ok: false,
    });
  });

  it('merges one agent seen by several app instances', () => {
    const twoInstances = [session(ACME, 11, 'Ada Lovelace', 2), session(ACME, 11, 'Ada Lovelace', 3)];
    const result = routeInboundCall({ companyId: ACME }, twoInstances, NOBODY_BUSY);
    expect(result).toMatchObject({ ok: true, decision: { agents: [{ userId: 11, socketCount: 5 }] } });
    expect(result.ok && result.decision.kind === 'ring' && result.decision.agents).toHaveLength(1);
  });

  it('leaves busy agents out of ringing', () => {
    expect(ringedUserIds(undefined, new Set([11, 13]))).toEqual([12, 14]);
  });

  it('rings the free namesake when the other one is busy', () => {
    expect(ringedUserIds('alex smith', new Set([13]))).toEqual([14]);
  });

  it('records a missed busy call for a named agent who is on a call', () => {
    expect(routeInboundCall({ companyId: ACME, agent: 'Ada Lovelace' }, sessions, new Set([11]))).toEqual({
      ok: true,
      decision: { kind: 'missed', reason: 'agent_busy', callEvent: 'busy', missedByUserIds: [11] },
    });
  });

  it('records a missed busy call when every online agent is on a call', () => {
    expect(routeInboundCall({ companyId: ACME }, sessions, new Set([11, 12, 13, 14, 21]))).toEqual({
      ok: true,
      decision: { kind: 'missed', reason: 'all_agents_busy', callEvent: 'busy', missedByUserIds: [11, 12, 13, 14] },
    });
  });

  it('is not affected by busy users of another company', () => {
    expect(ringedUserIds(undefined, new Set([21, 22]))).toEqual([11, 12, 13, 14]);
  });
});
