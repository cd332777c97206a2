import { useState, type ReactNode } from 'react';
import { reloadWindow } from '@/ui/reload';
import { useSdk } from '@/ui/sdk/sdk-context';

/**
 * "Reload" after the user installed or reconnected the app in another tab. It stays disabled once
 * clicked: waiting for Pipedrive's fresh token can take a moment, and a second click would not help.
 */
export function ReloadButton({ children }: { children: ReactNode }) {
  const { whenReady } = useSdk();
  const [isReloading, setReloading] = useState(false);
  return (
    <button
      type="button"
      className="button secondary"
      disabled={isReloading}
      onClick={() => {
        setReloading(true);
        void reloadWindow(whenReady);
      }}
    >
      {children}
    </button>
  );
}
