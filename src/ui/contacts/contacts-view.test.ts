import { describe, expect, it } from 'vitest';
import { directoryReducer, initialDirectoryState, type DirectoryState } from './contact-directory-state';
import { initialSearchState, searchReducer, type SearchState } from './contact-search-state';
import { describeContactsView } from './contacts-view';
import { contact } from '@/ui/contacts/testing/test-contacts';

function directory(items = [contact(1, 'Ann')], nextCursor: string | null = null): DirectoryState {
  return directoryReducer(
    { ...initialDirectoryState, requestId: 1 },
    { type: 'page-loaded', requestId: 1, page: { items, nextCursor } },
  );
}

function searched(query: string, items = [contact(5, 'Zed')]): SearchState {
  return [
    { type: 'term-changed', term: query } as const,
    { type: 'request-started', requestId: 1, query } as const,
    { type: 'results', requestId: 1, query, items } as const,
  ].reduce(searchReducer, initialSearchState);
}

describe('describeContactsView', () => {
  it('says it is loading, then shows the list', () => {
    expect(describeContactsView(initialDirectoryState, initialSearchState)).toMatchObject({ message: 'Loading contacts…', contacts: [] });
    expect(describeContactsView(directory(), initialSearchState)).toMatchObject({ message: null, listLabel: 'Contacts', loadMore: null });
  });

  it('has an empty state for accounts without persons with phones', () => {
    expect(describeContactsView(directory([]), initialSearchState).message).toBe('No contacts with phone numbers');
    // An empty page with a cursor is not the end: keep loading instead.
    expect(describeContactsView(directory([], 'c2'), initialSearchState)).toMatchObject({ message: null, loadMore: { isLoading: false } });
  });

  it('offers "Try again" after a failed first page', () => {
    const failed = directoryReducer(
      { ...initialDirectoryState, requestId: 1 },
      { type: 'load-failed', requestId: 1, message: 'Server down' },
    );
    expect(describeContactsView(failed, initialSearchState)).toMatchObject({ message: 'Server down', isError: true, retry: 'directory' });
  });

  it('shows search results instead of the list while searching', () => {
    expect(describeContactsView(directory(), searched('zed'))).toMatchObject({ listLabel: 'Search results', contacts: [{ name: 'Zed' }] });
    expect(describeContactsView(directory(), searched('qq', []))).toMatchObject({ message: 'No matches for “qq”', contacts: [] });
  });

  it('keeps the previous results dimmed while a newer search is pending', () => {
    const pending = searchReducer(searched('ze'), { type: 'term-changed', term: 'zed' });
    expect(describeContactsView(directory(), pending)).toMatchObject({ message: 'Searching…', isStale: true, contacts: [{ name: 'Zed' }] });
  });
});
