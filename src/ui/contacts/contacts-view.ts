/** What the contacts panel shows, derived from the directory and search states (pure). */
import type { Contact } from '@/ui/api-types';
import type { DirectoryState } from './contact-directory-state';
import type { SearchState } from './contact-search-state';

export interface ContactsView {
  contacts: readonly Contact[];
  listLabel: 'Contacts' | 'Search results';
  /** Shown in the panel's live region; null when the list speaks for itself. */
  message: string | null;
  isError: boolean;
  retry: 'directory' | 'search' | null;
  /** Older results stay visible, dimmed, while a newer search runs. */
  isStale: boolean;
  loadMore: { isLoading: boolean; error: string | null } | null;
}

const EMPTY: readonly Contact[] = [];

export function describeContactsView(directory: DirectoryState, search: SearchState): ContactsView {
  if (search.query !== null) return describeSearch(search, search.query);
  const base = { contacts: directory.items, listLabel: 'Contacts' as const, isStale: false };
  if (directory.status === 'loading') {
    return { ...base, contacts: EMPTY, message: 'Loading contacts…', isError: false, retry: null, loadMore: null };
  }
  if (directory.status === 'error') {
    return { ...base, contacts: EMPTY, message: directory.error, isError: true, retry: 'directory', loadMore: null };
  }
  const loadMore =
    directory.nextCursor === null
      ? null
      : {
          isLoading: directory.status === 'loading-more',
          error: directory.status === 'error-more' ? directory.error : null,
        };
  const isEmpty = directory.items.length === 0 && directory.nextCursor === null;
  return {
    ...base,
    message: isEmpty ? 'No contacts with phone numbers' : null,
    isError: false,
    retry: null,
    loadMore,
  };
}

function describeSearch(search: SearchState, query: string): ContactsView {
  const base = { listLabel: 'Search results' as const, loadMore: null };
  if (search.status === 'error') {
    return { ...base, contacts: EMPTY, message: search.error, isError: true, retry: 'search', isStale: false };
  }
  if (search.status === 'ready' && search.resultsQuery === query) {
    const count = search.results.length;
    return {
      ...base,
      contacts: search.results,
      message: count === 0 ? `No matches for “${query}”` : null,
      isError: false,
      retry: null,
      isStale: false,
    };
  }
  // Pending (debouncing or waiting for the server): keep the previous results, dimmed.
  const previous = search.resultsQuery === null ? EMPTY : search.results;
  return { ...base, contacts: previous, message: 'Searching…', isError: false, retry: null, isStale: previous.length > 0 };
}
