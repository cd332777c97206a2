import { useId } from 'react';
import type { CallerMatch } from './call-types';

export interface PersonPickerProps {
  matches: CallerMatch[];
  personId: number | null;
  onChoose: (personId: number) => void;
  disabled?: boolean;
}

/** Several persons share the number: the agent says who is calling (radio group "Who is calling?"). */
export function PersonPicker({ matches, personId, onChoose, disabled = false }: PersonPickerProps) {
  const labelId = useId();
  const name = useId();
  return (
    <div className="person-picker" role="radiogroup" aria-labelledby={labelId}>
      <p className="field-label" id={labelId}>
        Who is calling?
      </p>
      {matches.map((match) => {
        const details = [match.person.organizationName, match.matchedPhone.label].filter(Boolean).join(' · ');
        return (
          <label key={match.person.id} className="person-option">
            <input
              type="radio"
              name={name}
              value={match.person.id}
              checked={match.person.id === personId}
              disabled={disabled}
              onChange={() => onChoose(match.person.id)}
            />
            <span>
              <span className="person-option-name">{match.person.name.trim() || 'Unnamed contact'}</span>
              {details !== '' && <span className="muted"> · {details}</span>}
            </span>
          </label>
        );
      })}
    </div>
  );
}
