import type { GrantStore } from '../oauth/grant-store';
import type { InMemoryStore } from '../store/in-memory-store';
import { loadStateFile } from './state-file';
import { STATE_FORMAT_VERSION, type SandboxStateSnapshot } from './state-snapshot';
import { DebouncedStateWriter } from './state-writer';

export interface PersistedSandboxState {
  /** Writes pending changes now; resolves when they are on disk. */
  flush(): Promise<void>;
}

/**
 * Ties the store and the grants to a state file: picks up the saved state (or keeps the fresh seed
 * when there is none), then saves after every change. A file that cannot be used is reported via
 * `warn` and kept next to the new one, so a bad file never stops the sandbox nor silently vanishes.
 */
export function persistSandboxState(input: {
  path: string;
  store: InMemoryStore;
  grants: GrantStore;
  warn: (message: string) => void;
  debounceMs?: number;
}): PersistedSandboxState & { markChanged(): void } {
  const { path, store, grants, warn } = input;
  const loaded = loadStateFile(path);
  if (loaded.kind === 'loaded') {
    store.restore(loaded.snapshot.store);
    grants.restore(loaded.snapshot.oauth);
  } else if (loaded.kind === 'rejected') {
    warn(`Sandbox state file ${path} is unusable (${loaded.reason}); moved it to ${loaded.movedTo} and started from fresh demo data.`);
  }

  const takeSnapshot = (): SandboxStateSnapshot => ({
    version: STATE_FORMAT_VERSION,
    savedAt: new Date().toISOString(),
    store: store.snapshot(),
    oauth: grants.snapshot(),
  });
  const writer = new DebouncedStateWriter(path, takeSnapshot, warn, input.debounceMs);
  store.subscribe(() => writer.markChanged());
  // A fresh start writes the seed at once, so the file exists (and shows where the state lives) from the first run.
  if (loaded.kind !== 'loaded') writer.markChanged();
  return { flush: () => writer.flush(), markChanged: () => writer.markChanged() };
}
