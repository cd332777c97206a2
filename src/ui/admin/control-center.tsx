import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ControlCenterOverview, InboundCallAck } from '@/contract/control-center';

export interface ControlCenterProps {
  /** The `?token=` the page was opened with (CONTROL_CENTER_TOKEN), null in sandbox mode. */
  token: string | null;
  sandboxMode: boolean;
}

const NAMESPACE = '/control-center';
const OVERVIEW_EVERY_MS = 5_000;

type Status = { tone: 'info' | 'error'; text: string } | null;

/** The Control Center: simulates an inbound call (number, optional agent) and shows who is online. */
export function ControlCenter({ token, sandboxMode }: ControlCenterProps) {
  const socketRef = useRef<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  const [overview, setOverview] = useState<ControlCenterOverview | null>(null);
  const [number, setNumber] = useState('+14155550134');
  const [agent, setAgent] = useState('');
  const [companyId, setCompanyId] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [isDialling, setIsDialling] = useState(false);

  const refresh = useCallback(() => {
    socketRef.current?.emit('OVERVIEW', {}, (next: ControlCenterOverview) => setOverview(next));
  }, []);

  useEffect(() => {
    const socket = io(NAMESPACE, { auth: token === null ? {} : { token }, transports: ['websocket', 'polling'] });
    socketRef.current = socket;
    socket.on('connect', () => {
      setConnected(true);
      refresh();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', (error) => setStatus({ tone: 'error', text: `Not connected: ${error.message}` }));
    const timer = setInterval(refresh, OVERVIEW_EVERY_MS);
    return () => {
      clearInterval(timer);
      socket.disconnect();
    };
  }, [token, refresh]);

  const dial = (event: FormEvent) => {
    event.preventDefault();
    const socket = socketRef.current;
    if (socket === null) return;
    setIsDialling(true);
    setStatus({ tone: 'info', text: 'Calling…' });
    const payload = { number, agent, ...(companyId === '' ? {} : { companyId: Number(companyId) }) };
    socket.timeout(10_000).emit('INBOUND_CALL', payload, (error: Error | null, ack: InboundCallAck) => {
      setIsDialling(false);
      if (error) setStatus({ tone: 'error', text: 'The server did not answer.' });
      else setStatus(describe(ack));
      refresh();
    });
  };

  const companies = overview?.companies ?? [];
  return (
    <main className="control-center">
      <h1>Control Center</h1>
      <p>Simulate an inbound call to the agents of an installed company{sandboxMode ? ' (sandbox mode)' : ''}.</p>
      <form onSubmit={dial}>
        <label>
          Phone number
          <input name="number" type="tel" value={number} onChange={(e) => setNumber(e.target.value)} required maxLength={40} />
        </label>
        <label>
          Agent
          <input name="agent" value={agent} onChange={(e) => setAgent(e.target.value)} placeholder="id, name or email; empty rings everyone" maxLength={200} />
        </label>
        {companies.length > 1 || !sandboxMode ? (
          <label>
            Company
            <select name="companyId" value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
              <option value="">{sandboxMode ? 'The only installed company' : "The agent's company"}</option>
              {companies.map((company) => (
                <option key={company.id} value={company.id}>
                  Company {company.id}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" disabled={!connected || isDialling}>
          Dial
        </button>
      </form>
      <p role="status" className={status?.tone === 'error' ? 'error' : undefined}>
        {status?.text ?? (connected ? 'Ready.' : 'Connecting…')}
      </p>
      <section aria-label="Agents online">
        <h2>Agents online</h2>
        {companies.length === 0 ? <p>No company has installed the app yet.</p> : null}
        {companies.map((company) => (
          <div key={company.id}>
            <h3>Company {company.id}</h3>
            {company.agents.length === 0 ? (
              <p>Nobody has the window open.</p>
            ) : (
              <ul>
                {company.agents.map((online) => (
                  <li key={online.userId}>
                    {online.name} ({online.email}, id {online.userId}){online.available ? '' : ' – unavailable'}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
    </main>
  );
}

const MISSED_REASONS: Record<string, string> = {
  no_agent_online: 'nobody is online',
  agent_busy: 'the agent is on another call',
  all_agents_busy: 'every agent is on another call',
  agent_not_found: 'agent not found',
};

function describe(ack: InboundCallAck): Status {
  if (!ack.ok) return { tone: 'error', text: ack.error.message };
  if (ack.result === 'missed') return { tone: 'info', text: `Missed call: ${MISSED_REASONS[ack.reason ?? ''] ?? ack.reason}.` };
  const names = ack.ringing.map((agent) => agent.name).join(', ');
  return { tone: 'info', text: `Ringing ${ack.ringing.length} agent${ack.ringing.length === 1 ? '' : 's'}: ${names}.` };
}
