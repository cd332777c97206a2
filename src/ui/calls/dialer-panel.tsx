import { useEffect, useState, type ReactNode } from 'react';
import type { ContactChoice, WrapUpIntent } from './call-context';
import type { PlacingTarget } from './call-session-state';
import type { CallView } from './call-types';
import { DialerScreen } from './dialer-screen';
import { browserNotesStorage, loadNotes, saveNotes } from './notes-storage';
import { useNow } from './use-now';

export interface DialerPanelProps {
  call: CallView | null;
  placing: PlacingTarget | null;
  choice: ContactChoice;
  isBusy: boolean;
  onChoosePerson: (personId: number) => void;
  onChooseDeal: (dealId: number) => void;
  onEnd: (intent: WrapUpIntent, input: { notes: string; contactName: string }) => void;
  controls?: ReactNode;
}

/**
 * The Dialer with its local state: the notes (kept in sessionStorage per call, so a reload does
 * not lose them; typed while the call is placed, they are stored once it has an id), the new
 * contact's name and the ticking clock.
 */
export function DialerPanel({ call, placing, choice, isBusy, onChoosePerson, onChooseDeal, onEnd, controls }: DialerPanelProps) {
  const callId = call?.id ?? null;
  const [notes, setNotes] = useState(() => loadNotes(browserNotesStorage(), callId));
  const [contactName, setContactName] = useState('');
  const [notesOwner, setNotesOwner] = useState(callId);
  // Another call took the Dialer: its own notes, not the previous call's. (A call placed from
  // here keeps what was typed while it had no id yet.)
  if (notesOwner !== callId) {
    setNotesOwner(callId);
    if (notesOwner !== null) {
      setNotes(loadNotes(browserNotesStorage(), callId));
      setContactName('');
    }
  }
  const now = useNow(call?.state === 'connected');

  useEffect(() => saveNotes(browserNotesStorage(), callId, notes), [callId, notes]);

  return (
    <DialerScreen
      call={call}
      placing={placing}
      choice={choice}
      now={now}
      notes={notes}
      onNotesChange={setNotes}
      contactName={contactName}
      onContactNameChange={setContactName}
      isBusy={isBusy}
      onChoosePerson={onChoosePerson}
      onChooseDeal={onChooseDeal}
      onEnd={(intent) => onEnd(intent, { notes, contactName })}
      controls={controls}
    />
  );
}
