import { useCallback, useEffect, useReducer, useRef } from 'react';
import { isAbortError, type ApiClient } from '@/ui/api-client';
import { describeError } from '@/ui/describe-error';
import { canLoadMore, directoryReducer, initialDirectoryState } from './contact-directory-state';

export const CONTACTS_PAGE_SIZE = 50;

/** The first page of persons with phones on mount, the next ones on demand. */
export function useContactDirectory(api: ApiClient) {
  const [state, dispatch] = useReducer(directoryReducer, initialDirectoryState);
  const stateRef = useRef(state);
  const sequence = useRef(0);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const load = useCallback(
    (more: boolean) => {
      const current = stateRef.current;
      if (more && (!canLoadMore(current) || inFlight.current)) return;
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const requestId = ++sequence.current;
      dispatch({ type: 'load-started', requestId, more });
      api
        .listContacts({ cursor: more ? current.nextCursor : null, limit: CONTACTS_PAGE_SIZE }, controller.signal)
        .then(
          (page) => dispatch({ type: 'page-loaded', requestId, page }),
          (error: unknown) => {
            if (!isAbortError(error)) dispatch({ type: 'load-failed', requestId, message: describeError(error) });
          },
        )
        .finally(() => {
          if (inFlight.current === controller) inFlight.current = null;
        });
    },
    [api],
  );

  useEffect(() => {
    load(false);
    return () => {
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [load]);

  const reload = useCallback(() => load(false), [load]);
  const loadMore = useCallback(() => load(true), [load]);
  return { state, reload, loadMore };
}
