import { useMemo, useSyncExternalStore } from 'react';
import { browserStorage, createPhoneClickStore, DEFAULT_PHONE_CLICK_MODE, phoneClickStorageKey, type PhoneClickMode } from './phone-click-mode';

/** This user's choice for phone-number clicks; the Settings tab and the call flow share it live. */
export function usePhoneClickMode(companyId: number, userId: number): { mode: PhoneClickMode; setMode: (mode: PhoneClickMode) => void } {
  const store = useMemo(() => createPhoneClickStore(browserStorage(), phoneClickStorageKey(companyId, userId)), [companyId, userId]);
  const mode = useSyncExternalStore(store.subscribe, store.get, () => DEFAULT_PHONE_CLICK_MODE);
  return { mode, setMode: store.set };
}
