import type { Clock } from './clock';
import type { ResolvedSandboxOptions } from './context';
import type { FaultInjector } from './faults/fault-injector';
import type { GrantStore } from './oauth/grant-store';
import type { RateLimiter } from './rate-limit/rate-limiter';
import type { RuntimeSettings } from './settings';
import type { InMemoryStore } from './store/in-memory-store';

/** Everything a request handler may need, built once per running sandbox. */
export interface SandboxRuntime {
  options: ResolvedSandboxOptions;
  settings: RuntimeSettings;
  store: InMemoryStore;
  grants: GrantStore;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  clock: Clock;
  log(line: string): void;
  uninstallApp(input: { userId: number }): Promise<void>;
  /** Reseeds data, restores the start settings, clears faults and rate counters; OAuth grants survive. */
  reset(): void;
  /** Writes pending changes to the state file now (no-op without one). */
  saveState(): Promise<void>;
  /** Moves the sandbox's clock forward (test control for out-of-process tests). */
  advanceClock(ms: number): void;
}
