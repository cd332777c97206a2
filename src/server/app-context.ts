import type { AppServices } from './compose';

export type AppContext = AppServices;

/**
 * server.ts stores the composition root here. Next bundles pages and API routes separately from
 * server.ts, so a module-level singleton would exist twice; a global symbol is shared by both.
 */
const APP_CONTEXT_KEY = Symbol.for('caller.app-context');

type GlobalWithContext = typeof globalThis & { [APP_CONTEXT_KEY]?: AppContext };

export function setAppContext(context: AppContext | undefined): void {
  (globalThis as GlobalWithContext)[APP_CONTEXT_KEY] = context;
}

export function getAppContext(): AppContext {
  const context = (globalThis as GlobalWithContext)[APP_CONTEXT_KEY];
  if (!context) throw new Error('The app context is missing: start the app with server.ts (npm start), not `next start`.');
  return context;
}
