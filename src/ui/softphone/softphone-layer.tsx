/**
 * The softphone's presence in the window, loaded as one lazy chunk (JsSIP included) only when the
 * company's provider is `sip`: it runs the phone, shows its registration line, poor call quality
 * and microphone problems, plays the far end, and hands the phone to the window's call flow.
 */
import { useEffect } from 'react';
import type { ApiClient } from '@/ui/api-client';
import { CallQualityNotice } from './call-quality-notice';
import { MicrophoneNotice } from './microphone-notice';
import { PhoneStatus } from './phone-status';
import { RecordingIndicator } from './recording-indicator';
import { RemoteAudio } from './remote-audio';
import type { Softphone, SoftphoneState } from './softphone-types';
import { useSoftphone } from './use-softphone';

export interface SoftphoneLayerProps {
  api: ApiClient;
  /** The agent chose "Do not disturb": the phone refuses INVITEs (a PBX ring group does not know). */
  doNotDisturb: boolean;
  onChange: (phone: Softphone | null, state: SoftphoneState | null) => void;
}

export default function SoftphoneLayer({ api, doNotDisturb, onChange }: SoftphoneLayerProps) {
  const { phone, phoneState, recording } = useSoftphone(api, doNotDisturb);
  useEffect(() => onChange(phone, phoneState), [phone, phoneState, onChange]);
  useEffect(() => () => onChange(null, null), [onChange]);
  if (!phone || !phoneState) return null;
  return (
    <>
      <PhoneStatus registration={phoneState.registration} />
      <CallQualityNotice warning={phoneState.call?.quality ?? null} />
      {recording && <RecordingIndicator recording={recording} />}
      {phoneState.microphone && <MicrophoneNotice problem={phoneState.microphone} onDismiss={phone.clearMicrophoneProblem} />}
      <RemoteAudio stream={phoneState.call?.remoteStream ?? null} />
    </>
  );
}
