import { describe, expect, it } from 'vitest';
import { canLoadMore, directoryReducer, initialDirectoryState, type DirectoryAction } from './contact-directory-state';
import { contact } from '@/ui/contacts/testing/test-contacts';

const run = (actions: DirectoryAction[]) => actions.reduce(directoryReducer, initialDirectoryState);

describe('directoryReducer', () => {
  it('loads the first page, then appends the next without duplicates', () => {
    const state = run([
      { type: 'load-started', requestId: 1, more: false },
      { type: 'page-loaded', requestId: 1, page: { items: [contact(1), contact(2)], nextCursor: 'c2' } },
      { type: 'load-started', requestId: 2, more: true },
      { type: 'page-loaded', requestId: 2, page: { items: [contact(2), contact(3)], nextCursor: null } },
    ]);
    expect(state.items.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(state).toMatchObject({ status: 'ready', nextCursor: null });
    expect(canLoadMore(state)).toBe(false);
  });

  it('ignores the answer to a superseded request', () => {
    const state = run([
      { type: 'load-started', requestId: 1, more: false },
      { type: 'load-started', requestId: 2, more: false },
      { type: 'page-loaded', requestId: 1, page: { items: [contact(9)], nextCursor: null } },
    ]);
    expect(state).toMatchObject({ status: 'loading', items: [] });
  });

  it('keeps loaded rows when a further page fails, and allows a retry', () => {
    const state = run([
      { type: 'load-started', requestId: 1, more: false },
      { type: 'page-loaded', requestId: 1, page: { items: [contact(1)], nextCursor: 'c2' } },
      { type: 'load-started', requestId: 2, more: true },
      { type: 'load-failed', requestId: 2, message: 'Offline' },
    ]);
    expect(state).toMatchObject({ status: 'error-more', error: 'Offline', nextCursor: 'c2' });
    expect(state.items).toHaveLength(1);
    expect(canLoadMore(state)).toBe(true);
  });

  it('a reload starts from scratch', () => {
    const state = run([
      { type: 'load-started', requestId: 1, more: false },
      { type: 'load-failed', requestId: 1, message: 'Down' },
      { type: 'load-started', requestId: 2, more: false },
    ]);
    expect(state).toMatchObject({ status: 'loading', error: null, items: [], requestId: 2 });
    expect(canLoadMore(state)).toBe(false);
  });

  it('appends 200 pages of 50 (10,000 persons) keeping every id once', () => {
    let state = run([{ type: 'load-started', requestId: 1, more: false }]);
    for (let page = 0; page < 200; page++) {
      const items = Array.from({ length: 50 }, (_, i) => contact(page * 50 + i + 1));
      state = directoryReducer(state, { type: 'page-loaded', requestId: page + 1, page: { items, nextCursor: page < 199 ? `c${page}` : null } });
      if (page < 199) state = directoryReducer(state, { type: 'load-started', requestId: page + 2, more: true });
    }
    expect(state.items).toHaveLength(10_000);
    expect(state.ids.size).toBe(10_000);
    expect(state.items[9_999]?.id).toBe(10_000);
  });
});
