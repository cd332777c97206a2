import { afterEach } from 'vitest';

/** What a test opened or wrote and must undo: closing, deleting, dropping. */
export type Cleanups = (() => Promise<void> | void)[];

/**
 * A list a test pushes its clean-ups to; after each test they run last first (a database closes
 * before its folder or schema goes), and the list is empty again for the next test.
 */
export function cleanUpAfterEach(): Cleanups {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}
