/**
 * The only import of `@pipedrive/app-extensions-sdk`. The package reads `location` and throws
 * without an `id` query parameter, so it is constructed lazily, in the browser, once per page.
 */
import AppExtensionsSDK from '@pipedrive/app-extensions-sdk';
import { connectPipedriveSdk, type RawSdk, type SdkConnection } from './pipedrive-sdk';

/** Initial floating-window size; inside Pipedrive's limits (height 70–700, width 200–800). */
export const INITIAL_WINDOW_SIZE = { height: 600, width: 360 } as const;
const INIT_TIMEOUT_MS = 3_000;
const COMMAND_TIMEOUT_MS = 10_000;

function createHostSdk(): RawSdk {
  const sdk = new AppExtensionsSDK();
  // The package types commands and events as enums; our wrapper speaks their wire values.
  return {
    initialize: (options) => sdk.initialize(options),
    execute: (command, args) => (sdk.execute as (command: string, args?: unknown) => Promise<unknown>)(command, args),
    listen: (event, onMessage) => (sdk.listen as (event: string, cb: (message: unknown) => void) => () => void)(event, onMessage),
  };
}

let shared: SdkConnection | null = null;

/**
 * One connection per page: React's strict mode mounts effects twice and a second `initialize`
 * would register a second set of host listeners.
 */
export function getBrowserSdkConnection(): SdkConnection {
  shared ??= connectPipedriveSdk({
    createRaw: createHostSdk,
    size: INITIAL_WINDOW_SIZE,
    initTimeoutMs: INIT_TIMEOUT_MS,
    commandTimeoutMs: COMMAND_TIMEOUT_MS,
  });
  return shared;
}
