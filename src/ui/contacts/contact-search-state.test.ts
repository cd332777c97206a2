import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contact } from '@/ui/api-types';
import {
  createSearchController,
  initialSearchState,
  searchQueryOf,
  searchReducer,
  type SearchAction,
  type SearchState,
} from './contact-search-state';
import { contact } from '@/ui/contacts/testing/test-contacts';

function reduce(actions: SearchAction[], from: SearchState = initialSearchState): SearchState {
  return actions.reduce(searchReducer, from);
}

describe('searchQueryOf', () => {
  it('trims, collapses whitespace and needs two characters', () => {
    expect(searchQueryOf('  ann   lee ')).toBe('ann lee');
    expect(searchQueryOf(' a ')).toBeNull();
    expect(searchQueryOf('')).toBeNull();
    expect(searchQueryOf('41')).toBe('41');
  });
});

describe('searchReducer', () => {
  const ann = [contact(1, 'Ann')];
  const anna = [contact(2, 'Anna')];

  it('shows the reply to the latest request for the current query', () => {
    const state = reduce([
      { type: 'term-changed', term: 'ann' },
      { type: 'request-started', requestId: 1, query: 'ann' },
      { type: 'results', requestId: 1, query: 'ann', items: ann },
    ]);
    expect(state).toMatchObject({ status: 'ready', results: ann, resultsQuery: 'ann' });
  });

  it('ignores an out-of-order reply to an older request', () => {
    const state = reduce([
      { type: 'term-changed', term: 'ann' },
      { type: 'request-started', requestId: 1, query: 'ann' },
      { type: 'term-changed', term: 'anna' },
      { type: 'request-started', requestId: 2, query: 'anna' },
      { type: 'results', requestId: 2, query: 'anna', items: anna },
      { type: 'results', requestId: 1, query: 'ann', items: ann },
    ]);
    expect(state).toMatchObject({ status: 'ready', query: 'anna', results: anna });
  });

  it('ignores a reply for a query the user already typed past, even before the next request', () => {
    const state = reduce([
      { type: 'term-changed', term: 'ann' },
      { type: 'request-started', requestId: 1, query: 'ann' },
      { type: 'term-changed', term: 'anna' },
      { type: 'results', requestId: 1, query: 'ann', items: ann },
    ]);
    expect(state).toMatchObject({ status: 'pending', query: 'anna', resultsQuery: null });
  });

  it('ignores a stale failure', () => {
    const state = reduce([
      { type: 'term-changed', term: 'bob' },
      { type: 'request-started', requestId: 1, query: 'bob' },
      { type: 'request-started', requestId: 2, query: 'bob' },
      { type: 'failed', requestId: 1, query: 'bob', message: 'old failure' },
    ]);
    expect(state).toMatchObject({ status: 'pending', error: null });
  });

  it('clears the search when the box is emptied, but keeps request numbering', () => {
    const state = reduce([
      { type: 'term-changed', term: 'ann' },
      { type: 'request-started', requestId: 4, query: 'ann' },
      { type: 'term-changed', term: '' },
      { type: 'results', requestId: 4, query: 'ann', items: ann },
    ]);
    expect(state).toEqual({ ...initialSearchState, latestRequestId: 4 });
  });

  it('keeps results when only whitespace changes', () => {
    const ready = reduce([
      { type: 'term-changed', term: 'ann' },
      { type: 'request-started', requestId: 1, query: 'ann' },
      { type: 'results', requestId: 1, query: 'ann', items: ann },
    ]);
    const next = searchReducer(ready, { type: 'term-changed', term: 'ann ' });
    expect(next).toMatchObject({ term: 'ann ', status: 'ready', results: ann });
  });
});

describe('createSearchController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const requests: { query: string; signal: AbortSignal; resolve: (items: Contact[]) => void; reject: (e: unknown) => void }[] = [];
    let state = initialSearchState;
    const controller = createSearchController({
      search: (query, signal) =>
        new Promise<Contact[]>((resolve, reject) => requests.push({ query, signal, resolve, reject })),
      dispatch: (action) => {
        state = searchReducer(state, action);
      },
      describeError: () => 'Search failed',
      isAbort: (error) => error === 'aborted',
      delayMs: 250,
    });
    return { controller, requests, state: () => state };
  }

  it('sends one request per typing pause, after the debounce delay', async () => {
    const { controller, requests, state } = setup();
    controller.input('a');
    controller.input('an');
    controller.input('ann');
    await vi.advanceTimersByTimeAsync(249);
    expect(requests).toHaveLength(0);
    expect(state()).toMatchObject({ term: 'ann', status: 'pending' });
    await vi.advanceTimersByTimeAsync(1);
    expect(requests.map((r) => r.query)).toEqual(['ann']);
  });

  it('aborts the superseded request and never shows its late reply', async () => {
    const { controller, requests, state } = setup();
    controller.input('ann');
    await vi.advanceTimersByTimeAsync(250);
    controller.input('anna');
    expect(requests[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(250);

    requests[1]?.resolve([contact(2, 'Anna')]);
    await vi.advanceTimersByTimeAsync(0);
    requests[0]?.resolve([contact(1, 'Ann')]); // a server that ignored the abort
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toMatchObject({ status: 'ready', query: 'anna', results: [{ name: 'Anna' }] });
  });

  it('does not search for one character and cancels a pending search when the box empties', async () => {
    const { controller, requests, state } = setup();
    controller.input('jo');
    controller.input('');
    await vi.advanceTimersByTimeAsync(1000);
    controller.input('j');
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(0);
    expect(state().status).toBe('idle');
  });

  it('reports failures (not aborts) and retries the current query', async () => {
    const { controller, requests, state } = setup();
    controller.input('zed');
    await vi.advanceTimersByTimeAsync(250);
    requests[0]?.reject(new Error('500'));
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toMatchObject({ status: 'error', error: 'Search failed' });

    controller.retry();
    expect(requests.map((r) => r.query)).toEqual(['zed', 'zed']);
    requests[1]?.reject('aborted');
    await vi.advanceTimersByTimeAsync(0);
    expect(state().status).toBe('pending');
  });
});
