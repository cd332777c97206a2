import { useEffect, useRef, useState } from 'react';
import { describeError } from '@/ui/describe-error';
import { CallList } from './call-list';
import type { CallView } from './call-types';
import type { CallsApi } from './calls-api';

export interface MissedCallsViewProps {
  calls: CallsApi;
  isActive: boolean;
  missedCount: number | null;
  onCallBack: (call: CallView) => void;
  /** The agent has seen them: POST /api/calls/missed/seen, badge cleared. */
  onSeen: () => void;
}

type Loaded = { status: 'loading' } | { status: 'loaded'; items: CallView[] } | { status: 'failed'; message: string };

/** Missed calls with "Call back"; opening the tab (or a new miss while open) marks them seen. */
export function MissedCallsView({ calls, isActive, missedCount, onCallBack, onSeen }: MissedCallsViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ onSeen, missedCount });
  useEffect(() => {
    latest.current = { onSeen, missedCount };
  }, [onSeen, missedCount]);

  // A new missed call while the tab is open (the count goes up) reloads the list.
  const previousCount = useRef(missedCount);
  useEffect(() => {
    const previous = previousCount.current ?? 0;
    previousCount.current = missedCount;
    if (isActive && (missedCount ?? 0) > previous) setGeneration((n) => n + 1);
  }, [isActive, missedCount]);

  useEffect(() => {
    if (!isActive) return;
    const abort = new AbortController();
    calls.missed(abort.signal).then(
      (missed) => {
        if (abort.signal.aborted) return;
        setLoaded({ status: 'loaded', items: missed.items });
        if (missed.unseenCount > 0 || (latest.current.missedCount ?? 0) > 0) latest.current.onSeen();
      },
      (error: unknown) => !abort.signal.aborted && setLoaded({ status: 'failed', message: describeError(error) }),
    );
    return () => abort.abort();
  }, [calls, isActive, generation, attempt]);

  const message =
    loaded.status === 'loading'
      ? 'Loading missed calls…'
      : loaded.status === 'failed'
        ? `Could not load missed calls. ${loaded.message}`
        : loaded.items.length === 0
          ? 'No missed calls.'
          : '';

  return (
    <div className="contacts-scroll">
      <div className="panel-message" role="status" aria-live="polite">
        {message}
      </div>
      {loaded.status === 'failed' && (
        <button type="button" className="button secondary retry" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      )}
      {loaded.status === 'loaded' && <CallList calls={loaded.items} now={Date.now()} label="Missed calls" onCallBack={onCallBack} />}
    </div>
  );
}
