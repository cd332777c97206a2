import { useCallback, useState } from 'react';
import { browserStorage, readPhoneClickMode, writePhoneClickMode, phoneClickStorageKey, type PhoneClickMode } from './phone-click-mode';

/** This user's choice for phone-number clicks: read once per window, written on every change. */
export function usePhoneClickMode(companyId: number, userId: number): { mode: PhoneClickMode; setMode: (mode: PhoneClickMode) => void } {
  const key = phoneClickStorageKey(companyId, userId);
  // Read on the first render: nothing the server renders depends on it (the Settings tab is lazy).
  const [mode, setModeState] = useState(() => readPhoneClickMode(browserStorage(), key));
  const setMode = useCallback(
    (next: PhoneClickMode) => {
      writePhoneClickMode(browserStorage(), key, next);
      setModeState(next);
    },
    [key],
  );
  return { mode, setMode };
}
