export interface LoadFailedPanelProps {
  /** What could not be loaded, as the sentence names it: "the settings". */
  what: string;
  error: string;
  onRetry: () => void;
}

/** A Settings section whose data did not load: why, and a way to try again. */
export function LoadFailedPanel({ what, error, onRetry }: LoadFailedPanelProps) {
  return (
    <div className="settings-panel">
      <p className="panel-message error" role="alert">
        Could not load {what}. {error}
      </p>
      <button type="button" className="button secondary retry" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
