import { useEffect, useId, useRef, type ReactNode } from 'react';
import { NOTES_MAX_LENGTH, wrapUpContext, type ContactChoice, type WrapUpIntent } from './call-context';
import { CallerCard, callerCardOf } from './caller-card';
import { callStatusText, formatDuration, talkSeconds } from './call-timer';
import type { PlacingTarget } from './call-session-state';
import { isLive, type CallView } from './call-types';
import { PersonPicker } from './person-picker';
import { WrapUpActions } from './wrap-up-actions';

export interface DialerScreenProps {
  /** null while the outbound call is being placed. */
  call: CallView | null;
  placing: PlacingTarget | null;
  choice: ContactChoice;
  now: number;
  notes: string;
  onNotesChange: (notes: string) => void;
  contactName: string;
  onContactNameChange: (name: string) => void;
  isBusy: boolean;
  onChoosePerson: (personId: number) => void;
  onChooseDeal: (dealId: number) => void;
  onEnd: (intent: WrapUpIntent) => void;
  /** The softphone's Mute / Hold / Keypad / Transfer while the call is live (provider `sip`). */
  controls?: ReactNode;
}

/** Outbound ringing/connected and inbound connected: status, timer, who, notes, wrap-up buttons. */
export function DialerScreen(props: DialerScreenProps) {
  const { call, placing, choice, now, notes, isBusy } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const notesId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const hasTimer = call !== null && call.answeredAt !== null;
  const isOver = call !== null && !isLive(call);
  const matches = call?.caller.matches ?? [];

  return (
    <section className="call-screen" aria-labelledby="dialer-heading">
      <h2 id="dialer-heading" className="call-status" ref={headingRef} tabIndex={-1}>
        <span role="status">{callStatusText(call)}</span>
        {hasTimer && <CallTimer seconds={talkSeconds(call, now)} />}
      </h2>
      <CallerCard model={callerCardOf(call, placing, choice)} />
      {!isOver && props.controls}
      {matches.length > 1 && (
        <PersonPicker matches={matches} personId={choice.personId} onChoose={props.onChoosePerson} disabled={isBusy} />
      )}
      <div className="field">
        <label htmlFor={notesId} className="field-label">
          Notes
        </label>
        <textarea
          id={notesId}
          className="input notes"
          rows={4}
          maxLength={NOTES_MAX_LENGTH}
          value={notes}
          onChange={(event) => props.onNotesChange(event.target.value)}
        />
      </div>
      {isOver && <p className="muted">The call has ended. Choose where your notes go.</p>}
      <WrapUpActions
        context={call ? wrapUpContext(call, choice) : null}
        isBusy={isBusy}
        contactName={props.contactName}
        onContactNameChange={props.onContactNameChange}
        onChooseDeal={props.onChooseDeal}
        onEnd={props.onEnd}
      />
    </section>
  );
}

function CallTimer({ seconds }: { seconds: number }) {
  return (
    <time className="call-timer" dateTime={`PT${seconds}S`}>
      {formatDuration(seconds)}
    </time>
  );
}
