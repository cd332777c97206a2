import { useCallback, useEffect, useReducer, useRef } from 'react';
import { describeError } from '@/ui/describe-error';
import { LoadMore } from '@/ui/contacts/load-more';
import { callHistoryReducer, INITIAL_CALL_HISTORY } from './call-history-state';
import { CallList } from './call-list';
import type { CallView } from './call-types';
import type { CallsApi } from './calls-api';

export interface CallHistoryViewProps {
  calls: CallsApi;
  /** The tab is shown: (re)load the first page. */
  isActive: boolean;
  onCallBack: (call: CallView) => void;
}

/** Recent calls, newest first; more on scroll or "Load more". */
export function CallHistoryView({ calls, isActive, onCallBack }: CallHistoryViewProps) {
  const [state, dispatch] = useReducer(callHistoryReducer, INITIAL_CALL_HISTORY);
  const scrollRef = useRef<HTMLDivElement>(null);
  const abortRef = useRef<AbortController | null>(null);

  const load = useCallback(
    (cursor: string | null) => {
      abortRef.current?.abort();
      const abort = new AbortController();
      abortRef.current = abort;
      dispatch({ type: 'load-started' });
      calls.history(cursor, abort.signal).then(
        (page) => !abort.signal.aborted && dispatch({ type: 'page-loaded', page, isFirst: cursor === null }),
        (error: unknown) => !abort.signal.aborted && dispatch({ type: 'load-failed', message: describeError(error) }),
      );
    },
    [calls],
  );

  useEffect(() => {
    if (isActive) load(null);
  }, [isActive, load]);
  useEffect(() => () => abortRef.current?.abort(), []);

  const { nextCursor } = state;
  const loadMore = useCallback(() => load(nextCursor), [load, nextCursor]);
  const isFirstLoad = state.items.length === 0;
  const message =
    state.status === 'loading' && isFirstLoad
      ? 'Loading calls…'
      : state.status === 'loaded' && isFirstLoad
        ? 'No calls yet.'
        : state.status === 'failed' && isFirstLoad
          ? `Could not load your calls. ${state.error ?? ''}`
          : '';

  return (
    <div className="contacts-scroll" ref={scrollRef}>
      <div className="panel-message" role="status" aria-live="polite">
        {message}
      </div>
      {state.status === 'failed' && isFirstLoad && (
        <button type="button" className="button secondary retry" onClick={() => load(null)}>
          Try again
        </button>
      )}
      <CallList calls={state.items} now={Date.now()} label="Recent calls" onCallBack={onCallBack} />
      {state.nextCursor !== null && !isFirstLoad && (
        <LoadMore
          onLoadMore={loadMore}
          isLoading={state.status === 'loading'}
          error={state.status === 'failed' ? state.error : null}
          scrollRoot={scrollRef}
        />
      )}
    </div>
  );
}
