import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '@/ui/api-client';
import { createDoNotDisturbSwitch } from './do-not-disturb';
import { startSoftphone } from './start-softphone';
import type { CallRecording } from './call-recording';
import type { Softphone, SoftphoneState } from './softphone-types';

const noSubscription = () => () => {};
const noState = () => null;

/**
 * Starts this window's softphone (stopped when the window goes away) and follows its state.
 * `doNotDisturb`: the agent's "Do not disturb"; the phone then refuses INVITEs (486).
 */
export function useSoftphone(api: ApiClient, doNotDisturb: boolean): { phone: Softphone | null; phoneState: SoftphoneState | null; recording: CallRecording | null } {
  const [started, setStarted] = useState<ReturnType<typeof startSoftphone> | null>(null);
  const [dndSwitch] = useState(() => createDoNotDisturbSwitch(doNotDisturb));
  useEffect(() => dndSwitch.set(doNotDisturb), [dndSwitch, doNotDisturb]);
  const phone = started?.phone ?? null;
  useEffect(() => {
    const running = startSoftphone(api, dndSwitch);
    setStarted(running);
    return () => {
      running.phone.stop();
      setStarted(null);
    };
  }, [api, dndSwitch]);
  const phoneState = useSyncExternalStore(phone?.subscribe ?? noSubscription, phone?.getState ?? noState, noState);
  return { phone, phoneState, recording: started?.recording ?? null };
}
