import type { ControlCenterCallStatus, InboundCallAck } from '@/contract/control-center';

/** The Control Center's status line: what happened to the last simulated call. */
export type ControlCenterStatus = { tone: 'info' | 'error'; text: string } | null;

const MISSED_REASONS: Record<string, string> = {
  no_agent_online: 'nobody is online',
  agent_busy: 'the agent is on another call',
  all_agents_busy: 'every agent is on another call',
  agent_not_found: 'agent not found',
};

/** `agent`: what was typed in the Agent field, to name someone the app has never seen. */
export function describeInboundCallAck(ack: InboundCallAck, agent = ''): ControlCenterStatus {
  if (!ack.ok) return { tone: 'error', text: ack.error.message };
  if (ack.result === 'missed' && ack.agentAccount) return { tone: 'info', text: `Missed call: ${describeMissingAgent(ack.agentAccount, agent)}.` };
  if (ack.result === 'missed') return { tone: 'info', text: `Missed call: ${MISSED_REASONS[ack.reason ?? ''] ?? ack.reason}.` };
  const names = ack.ringing.map((agent) => agent.name).join(', ');
  return { tone: 'info', text: `Ringing ${ack.ringing.length} agent${ack.ringing.length === 1 ? '' : 's'}: ${names}.` };
}

type AgentAccount = NonNullable<Extract<InboundCallAck, { ok: true }>['agentAccount']>;

function describeMissingAgent(account: AgentAccount, agent: string): string {
  if (account.kind === 'installed') return `${account.name} installed the app but has no window of it open`;
  if (account.kind === 'do_not_disturb') return `${account.name} is on Do not disturb`;
  if (account.kind === 'uninstalled') return `${account.name} uninstalled the app`;
  return `"${agent.trim()}" has not installed the app in this company`;
}

/**
 * The status line once a ringing call moved on, so it never keeps saying "Ringing" after the call
 * was answered, rejected or missed. Null while it still rings (the "Ringing …" line stays).
 * `names`: who rang, by user id, from the INBOUND_CALL answer.
 */
export function describeCallProgress(call: ControlCenterCallStatus, names: ReadonlyMap<number, string>): ControlCenterStatus {
  const agent = call.agentUserId === null ? 'an agent' : (names.get(call.agentUserId) ?? `user ${call.agentUserId}`);
  if (call.state === 'idle' || call.state === 'ringing') return null;
  if (call.state === 'connected') return { tone: 'info', text: `Answered by ${agent}.` };
  switch (call.outcome) {
    case 'completed':
      return { tone: 'info', text: `Call ended: ${agent} answered it.` };
    case 'rejected':
      return { tone: 'info', text: `Rejected by ${agent}.` };
    case 'cancelled':
      return { tone: 'info', text: 'The caller hung up before anyone answered.' };
    case 'no_answer':
      return { tone: 'info', text: 'Missed call: nobody answered.' };
    case 'busy':
      return { tone: 'info', text: 'Missed call: every agent was on another call.' };
    default:
      return { tone: 'error', text: 'The call failed.' };
  }
}

/** "Sandbox Trading Co" when the accounts store the company's name, "Company 7351" until one does. */
export function companyLabel(company: { id: number; name: string | null }): string {
  return company.name ?? `Company ${company.id}`;
}
