import { useEffect, useRef } from 'react';
import { savedText, type SaveState } from './follow-up-model';

export interface FollowUpScreenProps {
  who: string;
  save: SaveState;
  isRetrying: boolean;
  canViewContact: boolean;
  /** Outcome of "Create follow-up activity", as text. */
  activityResult: string | null;
  isActivityOpen: boolean;
  onRetry: () => void;
  onCreateActivity: () => void;
  onViewContact: () => void;
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
        {save.status === 'saved' && <p>{savedText(save.items)}</p>}
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
        <button type="button" className="button secondary" onClick={props.onViewContact} disabled={!props.canViewContact}>
          View contact
        </button>
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
