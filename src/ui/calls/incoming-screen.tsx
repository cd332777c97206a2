import { useEffect, useRef } from 'react';
import { matchOf, type ContactChoice } from './call-context';
import { dealLabel } from './call-display';
import { CallerCard, callerCardOf } from './caller-card';
import type { CallView } from './call-types';
import { PersonPicker } from './person-picker';

export interface IncomingScreenProps {
  call: CallView;
  choice: ContactChoice;
  isBusy: boolean;
  onChoosePerson: (personId: number) => void;
  onAnswer: () => void;
  onReject: () => void;
}

/** A call rings this agent: who it is (or "Unknown caller"), their open deals, Answer / Reject. */
export function IncomingScreen({ call, choice, isBusy, onChoosePerson, onAnswer, onReject }: IncomingScreenProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const matches = call.caller.matches;
  const match = matchOf(call, choice.personId) ?? (matches.length === 1 ? (matches[0] ?? null) : null);
  const deals = match?.openDeals ?? [];

  return (
    <section className="call-screen" aria-labelledby="incoming-heading">
      <h2 id="incoming-heading" ref={headingRef} tabIndex={-1}>
        Incoming call
      </h2>
      <CallerCard model={callerCardOf(call, null, choice)} />
      {matches.length > 1 && (
        <PersonPicker matches={matches} personId={choice.personId} onChoose={onChoosePerson} disabled={isBusy} />
      )}
      {match?.openDealsLoaded === false && <p className="muted">Their open deals show once you answer.</p>}
      {deals.length > 0 && (
        <div className="open-deals">
          <p className="field-label">Open deals</p>
          <ul>
            {deals.map((deal) => (
              <li key={deal.id}>{dealLabel(deal)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="call-actions">
        <button type="button" className="button primary" onClick={onAnswer} disabled={isBusy}>
          Answer
        </button>
        <button type="button" className="button danger" onClick={onReject} disabled={isBusy}>
          Reject
        </button>
      </div>
    </section>
  );
}
