/** Paging state of the call history (newest first, "Load more" appends). */
import type { CallPage, CallView } from './call-types';

export interface CallHistoryState {
  items: CallView[];
  nextCursor: string | null;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  error: string | null;
}

export type CallHistoryAction =
  | { type: 'load-started' }
  | { type: 'page-loaded'; page: CallPage; isFirst: boolean }
  | { type: 'load-failed'; message: string };

export const INITIAL_CALL_HISTORY: CallHistoryState = { items: [], nextCursor: null, status: 'idle', error: null };

/** Appends a page, dropping calls already listed (a call can move across page boundaries). */
export function appendCalls(existing: readonly CallView[], incoming: readonly CallView[]): CallView[] {
  const seen = new Set(existing.map((call) => call.id));
  return [...existing, ...incoming.filter((call) => !seen.has(call.id))];
}

export function callHistoryReducer(state: CallHistoryState, action: CallHistoryAction): CallHistoryState {
  switch (action.type) {
    case 'load-started':
      return { ...state, status: 'loading', error: null };
    case 'page-loaded':
      return {
        items: action.isFirst ? action.page.items : appendCalls(state.items, action.page.items),
        nextCursor: action.page.nextCursor,
        status: 'loaded',
        error: null,
      };
    case 'load-failed':
      return { ...state, status: 'failed', error: action.message };
  }
}
