import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { KEYPAD_KEYS, validatePhoneInput } from './phone-input';

/** A number clicked in Pipedrive, put here to call with one click ("ask first"). */
export interface ReadyNumber {
  number: string;
  /** Each click is new, even of the same number: it fills the box again. */
  clickId: number;
}

export interface DialPadProps {
  onDial: (number: string) => void;
  ready?: ReadyNumber | null;
}

export function DialPad({ onDial, ready = null }: DialPadProps) {
  const [value, setValue] = useState('');
  const [appliedReady, setAppliedReady] = useState<ReadyNumber | null>(null);
  const [isFromPipedrive, setFromPipedrive] = useState(false);
  const callButtonRef = useRef<HTMLButtonElement>(null);
  if (ready !== null && ready !== appliedReady) {
    setAppliedReady(ready);
    setValue(ready.number);
    setFromPipedrive(true);
  }
  // Focus on "Call": Enter or one click dials the clicked number, and nothing else happened yet.
  useEffect(() => {
    if (ready) callButtonRef.current?.focus();
  }, [ready]);
  const [error, setError] = useState<string | null>(null);
  const [isKeypadOpen, setKeypadOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  const keypadId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validatePhoneInput(value);
    if (!result.ok) {
      setError(result.message);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setFromPipedrive(false);
    onDial(result.number);
  }

  function change(next: string) {
    setValue(next);
    setFromPipedrive(false);
    if (error !== null) setError(null);
  }

  return (
    <form className="dial-pad" onSubmit={submit} noValidate aria-label="Dial a number">
      <label htmlFor={inputId} className="field-label">
        Phone number
      </label>
      <div className="dial-row">
        <input
          ref={inputRef}
          id={inputId}
          className="input"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="+1 415 555 0134"
          value={value}
          onChange={(event) => change(event.target.value)}
          aria-invalid={error !== null || undefined}
          aria-describedby={error !== null ? errorId : undefined}
          maxLength={40}
        />
        <button ref={callButtonRef} type="submit" className="button primary">
          Call
        </button>
        <button
          type="button"
          className="button secondary icon-button"
          aria-expanded={isKeypadOpen}
          aria-controls={keypadId}
          onClick={() => setKeypadOpen((open) => !open)}
        >
          {isKeypadOpen ? 'Hide keypad' : 'Keypad'}
        </button>
      </div>
      {isFromPipedrive && (
        <p className="dial-ready muted" role="status">
          Number from Pipedrive: press Call to dial it.
        </p>
      )}
      {error !== null && (
        <p id={errorId} className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div id={keypadId} className="keypad" role="group" aria-label="Keypad" hidden={!isKeypadOpen}>
        {KEYPAD_KEYS.map((key) => (
          <button key={key} type="button" className="key" onClick={() => change(value + key)}>
            {key}
          </button>
        ))}
        <button type="button" className="key" onClick={() => change('+' + value.replace(/^\+/, ''))}>
          +
        </button>
        <button type="button" className="key" aria-label="Delete last character" onClick={() => change(value.slice(0, -1))}>
          ⌫
        </button>
      </div>
    </form>
  );
}
