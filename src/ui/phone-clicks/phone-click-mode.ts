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

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function phoneClickStorageKey(companyId: number, userId: number): string {
  return `caller.phone-click-mode.${companyId}.${userId}`;
}

/** `storage` null (no browser, or blocked): the default. */
export function readPhoneClickMode(storage: KeyValueStorage | null, key: string): PhoneClickMode {
  try {
    return storage?.getItem(key) === 'dial' ? 'dial' : DEFAULT_PHONE_CLICK_MODE;
  } catch {
    // Storage refused (blocked third-party storage).
    return DEFAULT_PHONE_CLICK_MODE;
  }
}

export function writePhoneClickMode(storage: KeyValueStorage | null, key: string, mode: PhoneClickMode): void {
  try {
    storage?.setItem(key, mode);
  } catch {
    // Not kept across reloads; this window still follows the choice.
  }
}

export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
