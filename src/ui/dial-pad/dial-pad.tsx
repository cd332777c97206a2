import { useId, useRef, useState, type FormEvent } from 'react';
import { KEYPAD_KEYS, validatePhoneInput } from './phone-input';

export interface DialPadProps {
  onDial: (number: string) => void;
}

export function DialPad({ onDial }: DialPadProps) {
  const [value, setValue] = useState('');
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
    onDial(result.number);
  }

  function change(next: string) {
    setValue(next);
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
        <button type="submit" className="button primary">
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
