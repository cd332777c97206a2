import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '@/ui/api-client';
import type { TelephonyProvider } from '@/ui/api-types';
import { loadSoftphone } from './load-softphone';
import type { Softphone, SoftphoneState } from './softphone-types';

const noSubscription = () => () => {};
const noState = () => null;

/**
 * The window's softphone when the company's provider is `sip` (loaded on demand, stopped when the
 * window goes away), with its state; nulls for every other provider.
 */
export function useSoftphone(api: ApiClient, provider: TelephonyProvider | null): { phone: Softphone | null; phoneState: SoftphoneState | null } {
  const [phone, setPhone] = useState<Softphone | null>(null);
  useEffect(() => {
    if (provider !== 'sip') return;
    let started: Softphone | null = null;
    let cancelled = false;
    loadSoftphone(api).then(
      (loaded) => {
        if (cancelled) return loaded.stop();
        started = loaded;
        setPhone(loaded);
      },
      () => {},
    );
    return () => {
      cancelled = true;
      started?.stop();
      setPhone(null);
    };
  }, [api, provider]);
  const phoneState = useSyncExternalStore(phone?.subscribe ?? noSubscription, phone?.getState ?? noState, noState);
  return { phone, phoneState };
}
