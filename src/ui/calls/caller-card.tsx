import { ContactAvatar } from '@/ui/contacts/contact-avatar';
import { useFormatPhone } from '@/ui/phone-format/phone-format-context';
import { matchOf, callNumber, type ContactChoice } from './call-context';
import { matchedOnText } from './call-display';
import type { PlacingTarget } from './call-session-state';
import type { CallView } from './call-types';

export interface CallerCardModel {
  /** null: nobody in Pipedrive has the number. */
  name: string | null;
  /** Said instead of a name when there is none: a caller we do not know, or a number we dialled. */
  unnamed: 'Unknown caller' | 'Not in Pipedrive';
  number: string;
  pictureUrl: string | null;
  organizationName: string | null;
  matchedOn: string | null;
}

/** Who is on the line: the picked (or only) match, else the contact the agent dialled, else unknown. */
export function callerCardOf(call: CallView | null, placing: PlacingTarget | null, choice: ContactChoice): CallerCardModel {
  const dialled = placing?.name ? placing : null;
  // The agent dialled it: a number not in Pipedrive, not someone unknown on the line.
  const unnamed = call?.direction === 'inbound' ? 'Unknown caller' : 'Not in Pipedrive';
  const matches = call?.caller.matches ?? [];
  const match = call ? (matchOf(call, choice.personId) ?? (matches.length === 1 ? (matches[0] ?? null) : null)) : null;
  if (!call || (!match && dialled && (call.personId === null || call.personId === dialled.personId))) {
    return {
      name: placing?.name ?? null,
      unnamed,
      number: call ? callNumber(call) : (placing?.number ?? ''),
      pictureUrl: placing?.pictureUrl ?? null,
      organizationName: placing?.organizationName ?? null,
      matchedOn: null,
    };
  }
  const name = match?.person.name.trim();
  return {
    name: name || (match ? 'Unnamed contact' : null),
    unnamed,
    number: callNumber(call),
    pictureUrl: match?.person.pictureUrl ?? null,
    organizationName: match?.person.organizationName ?? null,
    matchedOn: match ? matchedOnText(match) : null,
  };
}

export function CallerCard({ model }: { model: CallerCardModel }) {
  const formatPhone = useFormatPhone();
  return (
    <div className="caller-card">
      <ContactAvatar name={model.name ?? ''} pictureUrl={model.pictureUrl} />
      <div className="caller-text">
        <p className="caller-name">
          {model.name ?? model.unnamed}
        </p>
        {model.organizationName !== null && <p className="muted">{model.organizationName}</p>}
        <p className="caller-number">{formatPhone(model.number)}</p>
        {model.matchedOn !== null && <p className="muted">{model.matchedOn}</p>}
      </div>
    </div>
  );
}
