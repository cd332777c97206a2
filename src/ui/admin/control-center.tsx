import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { io } from 'socket.io-client';
import type { ControlCenterOverview } from '@/contract/control-center';
import { checkInboundCallerNumber } from '@/domain/phone/inbound-caller-number';
import { AgentsOnline } from './agents-online';
import { companyLabel, describeInboundCallAck, type ControlCenterStatus } from './inbound-call-status';
import { useCallProgress, type ControlCenterSocket, type TrackedCall } from './use-call-progress';

export interface ControlCenterProps {
  /** The `?token=` the page was opened with (CONTROL_CENTER_TOKEN), null in sandbox mode. */
  token: string | null;
  sandboxMode: boolean;
}

const NAMESPACE = '/control-center';
const OVERVIEW_EVERY_MS = 5_000;

/** The Control Center: simulates an inbound call (number, optional agent) and shows who is online. */
export function ControlCenter({ token, sandboxMode }: ControlCenterProps) {
  const socketRef = useRef<ControlCenterSocket | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const [connected, setConnected] = useState(false);
  const [overview, setOverview] = useState<ControlCenterOverview | null>(null);
  const [number, setNumber] = useState('+14155550134');
  const [numberError, setNumberError] = useState<string | null>(null);
  const [agent, setAgent] = useState('');
  const [companyId, setCompanyId] = useState('');
  const [status, setStatus] = useState<ControlCenterStatus>(null);
  const [isDialling, setIsDialling] = useState(false);
  const [trackedCall, setTrackedCall] = useState<TrackedCall | null>(null);
  useCallProgress(socketRef, trackedCall, setStatus);
  const ids = { number: useId(), numberError: useId(), agent: useId(), agentHint: useId(), company: useId() };

  const refresh = useCallback(() => {
    socketRef.current?.emit('OVERVIEW', {}, (next) => {
      // An overview the server could not read keeps the last one.
      if (!('ok' in next)) setOverview(next);
    });
  }, []);

  useEffect(() => {
    const socket: ControlCenterSocket = io(NAMESPACE, { auth: token === null ? {} : { token }, transports: ['websocket', 'polling'] });
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
    // Checked here for an immediate answer next to the field; the server checks the same again.
    const checked = checkInboundCallerNumber(number);
    if (!checked.ok) {
      setNumberError(checked.message);
      numberRef.current?.focus();
      return;
    }
    setNumberError(null);
    setTrackedCall(null);
    setIsDialling(true);
    setStatus({ tone: 'info', text: 'Calling…' });
    const payload = { number: checked.number, agent, ...(companyId === '' ? {} : { companyId: Number(companyId) }) };
    socket.timeout(10_000).emit('INBOUND_CALL', payload, (error, ack) => {
      setIsDialling(false);
      if (error) setStatus({ tone: 'error', text: 'The server did not answer.' });
      else setStatus(describeInboundCallAck(ack, agent));
      if (!error && ack.ok && ack.result === 'ringing') {
        setTrackedCall({ callId: ack.callId, companyId: ack.companyId, names: new Map(ack.ringing.map((rung) => [rung.userId, rung.name])) });
      }
      refresh();
    });
  };

  const companies = overview?.companies ?? [];
  return (
    <main className="control-center">
      <header className="control-center-header">
        <div>
          <h1>Control Center</h1>
          <p className="muted">Simulate an inbound call to the agents of an installed company{sandboxMode ? ' (sandbox mode)' : ''}.</p>
        </div>
        <span className="presence" data-status={connected ? 'online' : 'offline'}>
          {connected ? 'Connected' : 'Offline'}
        </span>
      </header>
      <section className="control-center-card" aria-label="Inbound call">
        <form className="control-center-form" onSubmit={dial} noValidate>
          <label className="field-label" htmlFor={ids.number}>
            Phone number
          </label>
          <input
            ref={numberRef}
            id={ids.number}
            className="input"
            name="number"
            type="tel"
            inputMode="tel"
            value={number}
            onChange={(e) => {
              setNumber(e.target.value);
              setNumberError(null);
            }}
            aria-invalid={numberError !== null || undefined}
            aria-describedby={numberError !== null ? ids.numberError : undefined}
            maxLength={40}
          />
          {numberError !== null ? (
            <p id={ids.numberError} className="inline-error" role="alert">
              {numberError}
            </p>
          ) : null}
          <label className="field-label" htmlFor={ids.agent}>
            Agent
          </label>
          <input
            id={ids.agent}
            className="input"
            name="agent"
            value={agent}
            onChange={(e) => setAgent(e.target.value)}
            placeholder="id, name or email"
            aria-describedby={ids.agentHint}
            maxLength={200}
          />
          <p id={ids.agentHint} className="muted">
            Empty rings every available agent of the company.
          </p>
          {companies.length > 1 || !sandboxMode ? (
            <>
              <label className="field-label" htmlFor={ids.company}>
                Company
              </label>
              <select id={ids.company} className="input" name="companyId" value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
                <option value="">{sandboxMode ? 'The only installed company' : "The agent's company"}</option>
                {companies.map((company) => (
                  <option key={company.id} value={company.id}>
                    {companyLabel(company)}
                    {company.name === null ? '' : ` (id ${company.id})`}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <div className="control-center-actions">
            <button type="submit" className="button primary" disabled={!connected || isDialling}>
              Dial
            </button>
          </div>
        </form>
        <p role="status" className={status?.tone === 'error' ? 'notice control-center-status error' : 'notice control-center-status'}>
          {status?.text ?? (connected ? 'Ready.' : 'Connecting…')}
        </p>
      </section>
      <AgentsOnline companies={companies} />
    </main>
  );
}
