/**
 * The company's "Record calls" setting (SIP only: the window holds the audio). The hint says what
 * agents see and what the admin owes the callers, where the law asks for it.
 */
export function RecordCallsField({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="field">
      <label className="settings-checkbox">
        <input type="checkbox" checked={checked} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.checked)} />
        Record calls
      </label>
      <p className="field-hint muted" id={`${id}-hint`}>
        Both sides of every call are recorded in the agent’s window and attached to the call log in Pipedrive. Agents see “Recording” during
        calls; callers may have to be told they are recorded.
      </p>
    </div>
  );
}
