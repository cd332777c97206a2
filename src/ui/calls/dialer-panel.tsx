import { useEffect, useState, type ReactNode } from 'react';
import type { ContactChoice, WrapUpIntent } from './call-context';
import type { PlacingTarget } from './call-session-state';
import type { CallView } from './call-types';
import { DialerScreen } from './dialer-screen';
import { browserNotesStorage, loadNotes, saveNotes } from './notes-storage';
import { useNotesDraft } from './use-notes-draft';
import { useNow } from './use-now';
import type { ServerNotes } from './use-call-session';

export interface DialerPanelProps {
  call: CallView | null;
  placing: PlacingTarget | null;
  choice: ContactChoice;
  isBusy: boolean;
  onChoosePerson: (personId: number) => void;
  onChooseDeal: (dealId: number) => void;
  onEnd: (intent: WrapUpIntent, input: { notes: string; contactName: string }) => void;
  controls?: ReactNode;
  /** The server's draft of the notes and its clock; without them, local notes and the local clock. */
  serverNotes?: ServerNotes;
  saveNotesDraft?: (callId: string, text: string) => Promise<void>;
}

const NO_SERVER_NOTES: ServerNotes = { draft: null, clockOffsetMs: 0 };
const noSave = async () => undefined;

/**
 * The Dialer with its local state: the notes (saved on the server as the call's draft after each
 * pause, and in sessionStorage as the offline fallback; typed while the call is placed, they are
 * stored once it has an id), the new contact's name and the ticking clock (the server's).
 */
export function DialerPanel(props: DialerPanelProps) {
  const { call, placing, choice, isBusy, onChoosePerson, onChooseDeal, onEnd, controls } = props;
  const serverNotes = props.serverNotes ?? NO_SERVER_NOTES;
  const callId = call?.id ?? null;
  const [restored, setRestored] = useState(() => loadNotes(browserNotesStorage(), callId));
  const [notes, setNotes] = useState(restored);
  const [contactName, setContactName] = useState('');
  const [notesOwner, setNotesOwner] = useState(callId);
  // Another call took the Dialer: its own notes, not the previous call's. (A call placed from
  // here keeps what was typed while it had no id yet.)
  if (notesOwner !== callId) {
    setNotesOwner(callId);
    if (notesOwner !== null) {
      const loaded = loadNotes(browserNotesStorage(), callId);
      setRestored(loaded);
      setNotes(loaded);
      setContactName('');
    } else {
      // Typed while the call had no id: nothing restored, the text is new and must be saved.
      setRestored('');
    }
  }
  const now = useNow(call?.state === 'connected', serverNotes.clockOffsetMs);

  // sessionStorage: the offline fallback; the server's draft: reloads, other tabs, the automatic log.
  useEffect(() => saveNotes(browserNotesStorage(), callId, notes), [callId, notes]);
  const canSave = call !== null && call.state !== 'wrapped_up' && call.wrapUp === null;
  useNotesDraft({ callId, canSave, notes, restored, setNotes, serverDraft: serverNotes.draft, save: props.saveNotesDraft ?? noSave });

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
