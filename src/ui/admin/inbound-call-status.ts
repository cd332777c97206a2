import type { InboundCallAck } from '@/adapters/realtime/control-center';

/** The Control Center's status line: what happened to the last simulated call. */
export type ControlCenterStatus = { tone: 'info' | 'error'; text: string } | null;

const MISSED_REASONS: Record<string, string> = {
  no_agent_online: 'nobody is online',
  agent_busy: 'the agent is on another call',
  all_agents_busy: 'every agent is on another call',
  agent_not_found: 'agent not found',
};

export function describeInboundCallAck(ack: InboundCallAck): ControlCenterStatus {
  if (!ack.ok) return { tone: 'error', text: ack.error.message };
  if (ack.result === 'missed') return { tone: 'info', text: `Missed call: ${MISSED_REASONS[ack.reason ?? ''] ?? ack.reason}.` };
  const names = ack.ringing.map((agent) => agent.name).join(', ');
  return { tone: 'info', text: `Ringing ${ack.ringing.length} agent${ack.ringing.length === 1 ? '' : 's'}: ${names}.` };
}

/** "Sandbox Trading Co" when the accounts store the company's name, "Company 7351" until one does. */
export function companyLabel(company: { id: number; name: string | null }): string {
  return company.name ?? `Company ${company.id}`;
}
