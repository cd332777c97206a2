/**
 * State of the server-side contact search. The search box is debounced and replies can arrive out
 * of order (a slow "al" after a fast "alice"), so every reply names its request and its query and
 * only the reply to the latest request for the current query is shown.
 */
import type { Contact } from '@/ui/api-types';

export const MIN_SEARCH_LENGTH = 2;
/**
 * Pause after the last keystroke before searching. 150 ms: most typists press keys faster, so a
 * word still costs one request (superseded requests are aborted, stale replies dropped), and the
 * first results show well under 300 ms (bench: contact search p95).
 */
export const SEARCH_DEBOUNCE_MS = 150;

export type SearchStatus = 'idle' | 'pending' | 'ready' | 'error';

export interface SearchState {
  /** The text in the box, as typed. */
  term: string;
  /** The normalized query being searched or shown; null when the box is (nearly) empty. */
  query: string | null;
  status: SearchStatus;
  results: readonly Contact[];
  /** The query `results` belong to (they stay visible, dimmed, while a newer one is pending). */
  resultsQuery: string | null;
  error: string | null;
  latestRequestId: number;
}

export type SearchAction =
  | { type: 'term-changed'; term: string }
  | { type: 'request-started'; requestId: number; query: string }
  | { type: 'results'; requestId: number; query: string; items: readonly Contact[] }
  | { type: 'failed'; requestId: number; query: string; message: string };

export const initialSearchState: SearchState = {
  term: '',
  query: null,
  status: 'idle',
  results: [],
  resultsQuery: null,
  error: null,
  latestRequestId: 0,
};

/** Trimmed, inner whitespace collapsed; null when too short to search. */
export function searchQueryOf(term: string): string | null {
  const query = term.trim().replace(/\s+/g, ' ');
  return query.length >= MIN_SEARCH_LENGTH ? query : null;
}

function isCurrent(state: SearchState, requestId: number, query: string): boolean {
  return requestId === state.latestRequestId && query === state.query;
}

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'term-changed': {
      const query = searchQueryOf(action.term);
      if (query === state.query) return { ...state, term: action.term };
      if (query === null) return { ...initialSearchState, term: action.term, latestRequestId: state.latestRequestId };
      return { ...state, term: action.term, query, status: 'pending', error: null };
    }
    case 'request-started':
      if (action.query !== state.query) return state;
      return { ...state, status: 'pending', error: null, latestRequestId: action.requestId };
    case 'results':
      if (!isCurrent(state, action.requestId, action.query)) return state;
      return { ...state, status: 'ready', results: action.items, resultsQuery: action.query, error: null };
    case 'failed':
      if (!isCurrent(state, action.requestId, action.query)) return state;
      return { ...state, status: 'error', error: action.message };
  }
}

export interface SearchControllerOptions {
  search: (query: string, signal: AbortSignal) => Promise<readonly Contact[]>;
  dispatch: (action: SearchAction) => void;
  describeError: (error: unknown) => string;
  isAbort: (error: unknown) => boolean;
  delayMs?: number;
}

/** Debounces typing into at most one request per pause, aborting the superseded one. */
export function createSearchController(options: SearchControllerOptions) {
  const delayMs = options.delayMs ?? SEARCH_DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;
  let activeQuery: string | null = null;
  let sequence = 0;

  function cancel(): void {
    clearTimeout(timer);
    timer = undefined;
    inFlight?.abort();
    inFlight = null;
  }

  function run(query: string): void {
    const requestId = ++sequence;
    const controller = new AbortController();
    inFlight = controller;
    options.dispatch({ type: 'request-started', requestId, query });
    options.search(query, controller.signal).then(
      (items) => options.dispatch({ type: 'results', requestId, query, items }),
      (error: unknown) => {
        if (options.isAbort(error)) return;
        options.dispatch({ type: 'failed', requestId, query, message: options.describeError(error) });
      },
    );
  }

  return {
    input(term: string): void {
      options.dispatch({ type: 'term-changed', term });
      const query = searchQueryOf(term);
      if (query === activeQuery) return;
      activeQuery = query;
      cancel();
      if (query !== null) timer = setTimeout(() => run(query), delayMs);
    },
    retry(): void {
      if (activeQuery === null) return;
      cancel();
      run(activeQuery);
    },
    dispose: cancel,
  };
}
