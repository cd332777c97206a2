import type { Result } from '@/domain/errors';
import { findNamedAgents } from './find-named-agents';
import { onlineAgentsOfCompany } from './online-agents';
import type {
  AgentMatchedBy,
  AgentSession,
  InboundCallToRoute,
  OnlineAgent,
  RoutingAgentNotFoundError,
  RoutingDecision,
} from './routing.types';

export type RouteInboundCallResult = Result<
  { readonly decision: RoutingDecision },
  RoutingAgentNotFoundError
>;

/**
 * Decides who rings for an inbound call: only agents of the call's company, never one already on
 * a call. A named agent rings alone; no name rings every free agent of the company. An unknown
 * name is returned as an error rather than silently ringing everyone, because the caller asked for
 * someone specific; the application decides what to do (typically record a missed call).
 */
export function routeInboundCall(
  call: InboundCallToRoute,
  sessions: readonly AgentSession[],
  busyUserIds: ReadonlySet<number>,
): RouteInboundCallResult {
  const online = onlineAgentsOfCompany(sessions, call.companyId);
  const agentName = call.agent?.trim() ?? '';
  if (agentName === '') return { ok: true, decision: ringFree(online, 'any', busyUserIds) };
  const named = findNamedAgents(online, agentName);
  if (named === undefined) {
    return { ok: false, error: { code: 'ROUTING_AGENT_NOT_FOUND', agent: agentName } };
  }
  return { ok: true, decision: ringFree(named.agents, named.matchedBy, busyUserIds) };
}

function ringFree(
  candidates: readonly OnlineAgent[],
  matchedBy: AgentMatchedBy,
  busyUserIds: ReadonlySet<number>,
): RoutingDecision {
  if (candidates.length === 0) {
    return { kind: 'missed', reason: 'no_agent_online', callEvent: 'no_answer', missedByUserIds: [] };
  }
  const free = candidates.filter((agent) => !busyUserIds.has(agent.userId));
  if (free.length > 0) return { kind: 'ring', agents: free, matchedBy };
  return {
    kind: 'missed',
    reason: matchedBy === 'any' ? 'all_agents_busy' : 'agent_busy',
    callEvent: 'busy',
    missedByUserIds: candidates.map((agent) => agent.userId),
  };
}
