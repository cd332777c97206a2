/**
 * State of the browsable contact list (persons with phones, loaded page by page). Pure, so the
 * paging rules are tested without React. Appending a page costs O(page + loaded), never O(n²) per
 * row, and a person seen twice across pages (the account changed while scrolling) is kept once.
 */
import type { Contact, ContactsPage } from '@/ui/api-types';

export type DirectoryStatus = 'loading' | 'ready' | 'loading-more' | 'error' | 'error-more';

export interface DirectoryState {
  items: readonly Contact[];
  ids: ReadonlySet<number>;
  nextCursor: string | null;
  status: DirectoryStatus;
  error: string | null;
  /** Only the answer to the latest request is applied. */
  requestId: number;
}

export type DirectoryAction =
  | { type: 'load-started'; requestId: number; more: boolean }
  | { type: 'page-loaded'; requestId: number; page: ContactsPage }
  | { type: 'load-failed'; requestId: number; message: string };

export const initialDirectoryState: DirectoryState = {
  items: [],
  ids: new Set(),
  nextCursor: null,
  status: 'loading',
  error: null,
  requestId: 0,
};

export function canLoadMore(state: DirectoryState): boolean {
  return (state.status === 'ready' || state.status === 'error-more') && state.nextCursor !== null;
}

export function directoryReducer(state: DirectoryState, action: DirectoryAction): DirectoryState {
  switch (action.type) {
    case 'load-started':
      if (action.more) return { ...state, status: 'loading-more', error: null, requestId: action.requestId };
      return { ...initialDirectoryState, ids: new Set(), requestId: action.requestId };
    case 'page-loaded': {
      if (action.requestId !== state.requestId) return state;
      const fresh = state.status === 'loading';
      const ids = new Set(fresh ? [] : state.ids);
      const added: Contact[] = [];
      for (const contact of action.page.items) {
        if (ids.has(contact.id)) continue;
        ids.add(contact.id);
        added.push(contact);
      }
      return {
        ...state,
        items: fresh ? added : state.items.concat(added),
        ids,
        nextCursor: action.page.nextCursor,
        status: 'ready',
        error: null,
      };
    }
    case 'load-failed':
      if (action.requestId !== state.requestId) return state;
      return { ...state, status: state.status === 'loading-more' ? 'error-more' : 'error', error: action.message };
  }
}
