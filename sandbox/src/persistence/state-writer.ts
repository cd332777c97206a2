import type { SandboxStateSnapshot } from './state-snapshot';
import { writeStateFile } from './state-file';

/** Long enough to fold a burst of writes (a call log adds an activity too), short enough that a crash loses little. */
export const DEFAULT_SAVE_DEBOUNCE_MS = 200;

/**
 * Writes the sandbox's state to its file after changes, at most one write at a time, debounced so a
 * burst of API writes costs one file write. `flush()` writes now if anything changed (close, reset).
 */
export class DebouncedStateWriter {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly takeSnapshot: () => SandboxStateSnapshot,
    private readonly onError: (message: string) => void,
    private readonly debounceMs = DEFAULT_SAVE_DEBOUNCE_MS,
  ) {}

  /** Called on every mutation; the snapshot is taken when the write happens, so it is never stale. */
  markChanged(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
    // A pending save must not keep a finished test process alive; close() flushes it.
    this.timer.unref();
  }

  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    // Chained so two writes never race on the rename; each takes the snapshot when its turn comes.
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await writeStateFile(this.path, this.takeSnapshot());
      } catch (error) {
        this.dirty = true;
        this.onError(`could not save the sandbox state to ${this.path}: ${(error as Error).message}`);
      }
    });
    return this.writing;
  }
}
