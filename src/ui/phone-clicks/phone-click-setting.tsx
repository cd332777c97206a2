import type { PhoneClickMode } from './phone-click-mode';

const CHOICES: readonly { mode: PhoneClickMode; label: string }[] = [
  { mode: 'ask', label: 'Ask first: put the number in the dialer' },
  { mode: 'dial', label: 'Dial at once' },
];

/** The Settings tab's choice of what a phone-number click in Pipedrive does (this user, this browser). */
export function PhoneClickSetting({ mode, onChange }: { mode: PhoneClickMode; onChange: (mode: PhoneClickMode) => void }) {
  return (
    <div className="settings-panel phone-click-setting">
      <fieldset className="settings-fields">
        <legend className="section-title">Clicking a phone number in Pipedrive</legend>
        {CHOICES.map((choice) => (
          <label key={choice.mode} className="settings-checkbox">
            <input type="radio" name="phone-click-mode" value={choice.mode} checked={mode === choice.mode} onChange={() => onChange(choice.mode)} />
            {choice.label}
          </label>
        ))}
        <p className="field-hint muted">Your own choice, kept in this browser.</p>
      </fieldset>
    </div>
  );
}
