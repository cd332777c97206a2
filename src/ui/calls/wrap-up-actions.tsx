import { useId } from 'react';
import type { WrapUpContext, WrapUpIntent } from './call-context';
import { dealLabel } from './call-display';

export interface WrapUpActionsProps {
  /** null while the call is being placed (no call id yet). */
  context: WrapUpContext | null;
  isBusy: boolean;
  contactName: string;
  onContactNameChange: (name: string) => void;
  onChooseDeal: (dealId: number) => void;
  onEnd: (intent: WrapUpIntent) => void;
}

/**
 * The Dialer's buttons, chosen by who is on the line (names are a contract): a deal picker and
 * "Hang up and add notes to deal", "Hang up and add notes to contact", or a "Contact name" box and
 * "Hang up and create contact"; always a plain "Hang up".
 */
export function WrapUpActions({ context, isBusy, contactName, onContactNameChange, onChooseDeal, onEnd }: WrapUpActionsProps) {
  const dealId = useId();
  const nameId = useId();
  const disabled = isBusy || context === null;
  return (
    <div className="wrap-up-actions">
      {context?.kind === 'deal' && (
        <div className="field">
          <label htmlFor={dealId} className="field-label">
            Deal
          </label>
          <select
            id={dealId}
            className="input"
            value={context.dealId}
            disabled={isBusy}
            onChange={(event) => onChooseDeal(Number(event.target.value))}
          >
            {context.deals.map((deal) => (
              <option key={deal.id} value={deal.id}>
                {dealLabel(deal)}
              </option>
            ))}
          </select>
          <button type="button" className="button primary" disabled={disabled} onClick={() => onEnd('notes_to_deal')}>
            Hang up and add notes to deal
          </button>
        </div>
      )}
      {context?.kind === 'contact' && (
        <button type="button" className="button primary" disabled={disabled} onClick={() => onEnd('notes_to_contact')}>
          Hang up and add notes to contact
        </button>
      )}
      {context?.kind === 'unknown' && (
        <div className="field">
          <label htmlFor={nameId} className="field-label">
            Contact name
          </label>
          <input
            id={nameId}
            className="input"
            type="text"
            autoComplete="off"
            maxLength={255}
            value={contactName}
            disabled={isBusy}
            onChange={(event) => onContactNameChange(event.target.value)}
          />
          <button type="button" className="button primary" disabled={disabled} onClick={() => onEnd('create_contact')}>
            Hang up and create contact
          </button>
        </div>
      )}
      {context?.kind === 'pick-person' && <p className="muted">Pick who is calling to save your notes to their contact.</p>}
      <button type="button" className="button danger" disabled={disabled} onClick={() => onEnd('hang_up')}>
        Hang up
      </button>
    </div>
  );
}
