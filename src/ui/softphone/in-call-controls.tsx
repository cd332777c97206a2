/**
 * Mute, Hold, Keypad and Transfer for a live softphone call. Loaded with the softphone's chunk
 * (`React.lazy` in the window): windows on other providers never download it.
 */
import { useId, useState, type FormEvent } from 'react';
import type { PhoneCall } from './softphone-types';

export const IN_CALL_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

export interface InCallControlsProps {
  call: PhoneCall;
  onMute: (muted: boolean) => void;
  onHold: (held: boolean) => void;
  onKey: (key: string) => void;
  /** Sends the REFER; resolves once the far end accepted it. */
  onTransfer: (number: string) => Promise<void>;
  /** The far end took the transfer: this window's leg ends. */
  onTransferred: () => void;
  /** Opens with the transfer form shown (tests, screenshots). */
  initialPanel?: Panel;
}

type Panel = 'none' | 'keypad' | 'transfer';

export default function InCallControls(props: InCallControlsProps) {
  const { call } = props;
  const [panel, setPanel] = useState<Panel>(props.initialPanel ?? 'none');
  const toggle = (next: Panel) => setPanel((open) => (open === next ? 'none' : next));
  const keypadId = useId();
  const transferId = useId();

  return (
    <div className="in-call">
      <div className="in-call-buttons" role="group" aria-label="Call controls">
        <button type="button" className="button secondary" onClick={() => props.onMute(!call.muted)}>
          {call.muted ? 'Unmute' : 'Mute'}
        </button>
        <button type="button" className="button secondary" onClick={() => props.onHold(!call.held)}>
          {call.held ? 'Resume' : 'Hold'}
        </button>
        <button type="button" className="button secondary" aria-expanded={panel === 'keypad'} aria-controls={keypadId} onClick={() => toggle('keypad')}>
          Keypad
        </button>
        <button type="button" className="button secondary" aria-expanded={panel === 'transfer'} aria-controls={transferId} onClick={() => toggle('transfer')}>
          Transfer
        </button>
      </div>
      {(call.muted || call.held) && (
        <p className="muted" role="status">
          {[call.muted && 'Microphone muted', call.held && 'Call on hold'].filter(Boolean).join(' · ')}
        </p>
      )}
      <div id={keypadId} className="keypad" role="group" aria-label="Keypad" hidden={panel !== 'keypad'}>
        {IN_CALL_KEYS.map((key) => (
          <button key={key} type="button" className="key" onClick={() => props.onKey(key)}>
            {key}
          </button>
        ))}
      </div>
      <div id={transferId} hidden={panel !== 'transfer'}>
        {panel === 'transfer' && <TransferForm {...props} onCancel={() => setPanel('none')} />}
      </div>
    </div>
  );
}

/** Blind transfer: the agent types where the caller goes, then confirms with "Complete transfer". */
function TransferForm({ call, onTransfer, onTransferred, onCancel }: InCallControlsProps & { onCancel: () => void }) {
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const sending = call.transfer.status === 'sending';
  const problem = error ?? (call.transfer.status === 'failed' ? call.transfer.message : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (number.replace(/\D/g, '').length < 2) {
      setError('Enter the number to transfer the caller to.');
      return;
    }
    setError(null);
    onTransfer(number.trim()).then(onTransferred, () => {});
  }

  return (
    <form className="transfer-form field" onSubmit={submit} noValidate aria-label="Transfer the call">
      <label htmlFor={inputId} className="field-label">
        Transfer to
      </label>
      <input id={inputId} className="input" type="tel" inputMode="tel" autoComplete="off" value={number} onChange={(event) => setNumber(event.target.value)} maxLength={40} />
      <p className="muted">The caller is put through and your part of the call ends.</p>
      {problem !== null && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className="call-actions">
        <button type="submit" className="button primary" disabled={sending}>
          {sending ? 'Transferring…' : 'Complete transfer'}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={sending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
