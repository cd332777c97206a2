import type { Page } from './types';

export class InvalidCursorError extends Error {}

export type SortDirection = 'asc' | 'desc';

interface CursorState {
  /** Sort field the cursor was issued for. */
  s: string;
  d: SortDirection;
  /** Sort value and id of the last item returned. */
  v: string | number;
  id: number;
}

export const DEFAULT_PAGE_LIMIT = 100;

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decodeCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorState>;
    if (typeof state.s !== 'string' || (state.d !== 'asc' && state.d !== 'desc') || typeof state.id !== 'number') throw new Error();
    if (typeof state.v !== 'string' && typeof state.v !== 'number') throw new Error();
    return state as CursorState;
  } catch {
    throw new InvalidCursorError('Invalid cursor');
  }
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Keyset pagination over (sort value, id): stable while items are added, and every item is returned
 * exactly once when walking all pages. Cursors are opaque base64url strings to the client.
 */
export function paginate<T extends { id: number }>(
  items: readonly T[],
  options: { cursor?: string; limit?: number; sortBy?: string; sortDirection?: SortDirection },
  sortValue: (item: T) => string | number = (item) => item.id,
): Page<T> {
  const sortBy = options.sortBy ?? 'id';
  const direction = options.sortDirection ?? 'asc';
  const limit = options.limit ?? DEFAULT_PAGE_LIMIT;
  const sign = direction === 'asc' ? 1 : -1;
  const order = (a: T, b: T): number => sign * (compare(sortValue(a), sortValue(b)) || compare(a.id, b.id));
  const sorted = [...items].sort(order);
  let start = 0;
  if (options.cursor) {
    const state = decodeCursor(options.cursor);
    if (state.s !== sortBy || state.d !== direction) throw new InvalidCursorError('Cursor does not match the sort order');
    const after = (item: T): boolean => sign * (compare(sortValue(item), state.v) || compare(item.id, state.id)) > 0;
    start = sorted.findIndex(after);
    if (start < 0) start = sorted.length;
  }
  const pageItems = sorted.slice(start, start + limit);
  const last = pageItems[pageItems.length - 1];
  const hasMore = start + limit < sorted.length;
  return {
    items: pageItems,
    nextCursor: hasMore && last ? encodeCursor({ s: sortBy, d: direction, v: sortValue(last), id: last.id }) : null,
  };
}

/** Offset cursors for result lists without a stable key (search results ordered by score). */
export function paginateByOffset<T>(items: readonly T[], options: { cursor?: string; limit?: number }): { items: T[]; nextCursor: string | null } {
  const limit = options.limit ?? DEFAULT_PAGE_LIMIT;
  let start = 0;
  if (options.cursor) {
    try {
      const state = JSON.parse(Buffer.from(options.cursor, 'base64url').toString('utf8')) as { o?: unknown };
      if (typeof state.o !== 'number' || !Number.isInteger(state.o) || state.o < 0) throw new Error();
      start = state.o;
    } catch {
      throw new InvalidCursorError('Invalid cursor');
    }
  }
  const end = start + limit;
  return {
    items: items.slice(start, end),
    nextCursor: end < items.length ? Buffer.from(JSON.stringify({ o: end })).toString('base64url') : null,
  };
}
