import { useCallback, useEffect, useReducer, useRef } from 'react';
import { isAbortError, type ApiClient } from '@/ui/api-client';
import { describeError } from '@/ui/describe-error';
import { createSearchController, initialSearchState, searchReducer } from './contact-search-state';

/** Server-side search of the whole account, debounced, latest reply wins. */
export function useContactSearch(api: ApiClient) {
  const [state, dispatch] = useReducer(searchReducer, initialSearchState);
  const controller = useRef<ReturnType<typeof createSearchController> | null>(null);

  useEffect(() => {
    const created = createSearchController({
      search: (query, signal) => api.searchContacts(query, signal).then((result) => result.items),
      dispatch,
      describeError,
      isAbort: isAbortError,
    });
    controller.current = created;
    return () => {
      created.dispose();
      controller.current = null;
    };
  }, [api]);

  const setTerm = useCallback((term: string) => {
    if (controller.current) controller.current.input(term);
    else dispatch({ type: 'term-changed', term });
  }, []);
  const retry = useCallback(() => controller.current?.retry(), []);
  return { state, setTerm, retry };
}
