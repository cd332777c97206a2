import { describe, expect, it } from 'vitest';
import { appendCalls, callHistoryReducer, INITIAL_CALL_HISTORY } from './call-history-state';
import { callView } from './test-calls';

const a = callView({ id: 'a' });
const b = callView({ id: 'b' });
const c = callView({ id: 'c' });

describe('call history paging', () => {
  it('replaces on the first page, appends later pages without duplicates', () => {
    let state = callHistoryReducer(INITIAL_CALL_HISTORY, { type: 'load-started' });
    expect(state.status).toBe('loading');
    state = callHistoryReducer(state, { type: 'page-loaded', page: { items: [a, b], nextCursor: 'n1' }, isFirst: true });
    state = callHistoryReducer(state, { type: 'page-loaded', page: { items: [b, c], nextCursor: null }, isFirst: false });
    expect(state.items.map((call) => call.id)).toEqual(['a', 'b', 'c']);
    expect(state.nextCursor).toBeNull();
    const refreshed = callHistoryReducer(state, { type: 'page-loaded', page: { items: [c], nextCursor: 'n' }, isFirst: true });
    expect(refreshed.items).toEqual([c]);
  });

  it('keeps what is listed when a page fails', () => {
    const loaded = callHistoryReducer(INITIAL_CALL_HISTORY, { type: 'page-loaded', page: { items: [a], nextCursor: 'n' }, isFirst: true });
    const failed = callHistoryReducer(loaded, { type: 'load-failed', message: 'Offline' });
    expect(failed).toEqual({ items: [a], nextCursor: 'n', status: 'failed', error: 'Offline' });
  });

  it('appendCalls keeps order', () => {
    expect(appendCalls([a], [a, c]).map((call) => call.id)).toEqual(['a', 'c']);
  });
});
