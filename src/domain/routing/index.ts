export { routeInboundCall, type RouteInboundCallResult } from './route-inbound-call';
export { onlineAgentsOfCompany } from './online-agents';
export { findNamedAgents, type NamedAgentsMatch } from './find-named-agents';
export {
  startRinging,
  claimCall,
  declineCall,
  stopRingingEveryone,
  type ClaimCallResult,
  type DeclineCallResult,
} from './ringing-call';
export type {
  AgentMatchedBy,
  AgentSession,
  AgentTab,
  InboundCallToRoute,
  MissedCallReason,
  OnlineAgent,
  RingingCall,
  RingingCallError,
  RoutingAgentNotFoundError,
  RoutingCallAlreadyClaimedError,
  RoutingDecision,
  RoutingNotRingingForAgentError,
  StopRingingTarget,
} from './routing.types';
