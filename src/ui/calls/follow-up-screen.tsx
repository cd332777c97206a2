import { useEffect, useRef } from 'react';
import type { PipedriveTarget, SaveState } from './follow-up-model';
import type { SavedItem } from './follow-up-saved';

export interface FollowUpScreenProps {
  who: string;
  save: SaveState;
  /** With save "saved": each item written, named, with where it opens. */
  saved: SavedItem[];
  isRetrying: boolean;
  canViewContact: boolean;
  /** The call is about a deal: "View deal" sits beside "View contact". */
  hasDeal: boolean;
  /** Outcome of "Create follow-up activity", as text. */
  activityResult: string | null;
  isActivityOpen: boolean;
  onRetry: () => void;
  onCreateActivity: () => void;
  onViewContact: () => void;
  onViewDeal: () => void;
  onOpen: (target: PipedriveTarget) => void;
  onBack: () => void;
}

/** After the wrap-up: what was saved (live), then follow-up activity, view contact, back. */
export function FollowUpScreen(props: FollowUpScreenProps) {
  const { save } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="call-screen" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading" ref={headingRef} tabIndex={-1}>
        Call with {props.who} ended
      </h2>
      <div className="save-state" role="status">
        {save.status === 'pending' && <p>Saving to Pipedrive…</p>}
        {save.status === 'saved' && <SavedList items={props.saved} onOpen={props.onOpen} />}
      </div>
      {save.status === 'pending' && save.reason !== undefined && (
        <div className="notice warning">
          <p>Not saved yet: {save.reason}. It is tried again automatically.</p>
          <button type="button" className="button secondary" onClick={props.onRetry} disabled={props.isRetrying}>
            Retry now
          </button>
        </div>
      )}
      {save.status === 'failed' && (
        <div className="notice warning" role="alert">
          <p>Could not save to Pipedrive: {save.error}</p>
          <button type="button" className="button secondary" onClick={props.onRetry} disabled={props.isRetrying}>
            Retry
          </button>
        </div>
      )}
      <div className="call-actions stacked">
        <button type="button" className="button primary" onClick={props.onCreateActivity} disabled={props.isActivityOpen}>
          Create follow-up activity
        </button>
        <div className="call-actions">
          <button type="button" className="button secondary" onClick={props.onViewContact} disabled={!props.canViewContact}>
            View contact
          </button>
          {props.hasDeal && (
            <button type="button" className="button secondary" onClick={props.onViewDeal}>
              View deal
            </button>
          )}
        </div>
        <button type="button" className="button secondary" onClick={props.onBack}>
          Back to dialer
        </button>
      </div>
      {props.activityResult !== null && (
        <p className="muted" role="status">
          {props.activityResult}
        </p>
      )}
    </section>
  );
}

/** "Saved in Pipedrive:" then one line per record, its name opening it in Pipedrive (the SDK's redirect). */
function SavedList({ items, onOpen }: { items: SavedItem[]; onOpen: (target: PipedriveTarget) => void }) {
  if (items.length === 0) return <p>Saved in Pipedrive.</p>;
  return (
    <>
      <p>Saved in Pipedrive:</p>
      <ul className="saved-list">
        {items.map((item, index) => (
          <li key={index}>
            {item.text}
            {item.subject !== null && ' '}
            {item.subject !== null && item.link !== null && (
              <button type="button" className="link-button" onClick={() => item.link && onOpen(item.link)}>
                {item.subject}
              </button>
            )}
            {item.subject !== null && item.link === null && item.subject}
          </li>
        ))}
      </ul>
    </>
  );
}
