/**
 * What a click on a phone number in Pipedrive does: "ask" puts the number in the dial pad, one
 * click from a call (the default: agents mis-click, and a call placed by mistake reaches a
 * customer); "dial" calls at once.
 *
 * Kept in the window's localStorage, per company and user: it is a habit of one person at one
 * desk, read at the moment of the click with no request to wait for, and it needs no table, route
 * or migration. It does not follow the agent to another browser; where storage is blocked the
 * choice lasts until the window closes and the default applies again.
 */
export type PhoneClickMode = 'ask' | 'dial';

export const DEFAULT_PHONE_CLICK_MODE: PhoneClickMode = 'ask';

export interface PhoneClickStore {
  get(): PhoneClickMode;
  set(mode: PhoneClickMode): void;
  subscribe(listener: () => void): () => void;
}

export function phoneClickStorageKey(companyId: number, userId: number): string {
  return `caller.phone-click-mode.${companyId}.${userId}`;
}

function parseMode(stored: string | null): PhoneClickMode {
  return stored === 'dial' || stored === 'ask' ? stored : DEFAULT_PHONE_CLICK_MODE;
}

/** `storage` null (no browser, or blocked): the choice lives in memory only. */
export function createPhoneClickStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null, key: string): PhoneClickStore {
  const listeners = new Set<() => void>();
  let mode = DEFAULT_PHONE_CLICK_MODE;
  try {
    mode = parseMode(storage?.getItem(key) ?? null);
  } catch {
    // Storage refused (blocked third-party storage): keep the default.
  }
  return {
    get: () => mode,
    set(next) {
      if (next === mode) return;
      mode = next;
      try {
        storage?.setItem(key, next);
      } catch {
        // Not kept across reloads; this window still follows the choice.
      }
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
