/**
 * Starts the softphone with its real parts (JsSIP, the browser microphone, the server routes) and
 * its call recording. It ships in the lazy `softphone-layer` chunk, never in the window's first load.
 */
import type { ApiClient } from '@/ui/api-client';
import { browserRecorderMedia } from './call-recorder';
import { createCallRecording, type CallRecording } from './call-recording';
import { createJsSipUserAgent } from './jssip-user-agent';
import { openMicrophone } from './microphone';
import type { DoNotDisturbSwitch } from './do-not-disturb';
import { createSoftphone } from './softphone';
import { createSoftphoneServer, parseRegistration } from './softphone-server';
import type { Softphone } from './softphone-types';

export function startSoftphone(api: ApiClient, doNotDisturb: DoNotDisturbSwitch): { phone: Softphone; recording: CallRecording } {
  const recording = createCallRecording({
    media: browserRecorderMedia,
    upload: (callId, blob) => api.putBlob(`/api/calls/${encodeURIComponent(callId)}/recording`, blob, () => undefined),
  });
  const server = {
    ...createSoftphoneServer(api),
    // The registration answer also says whether the company records calls (read on every registration).
    registration: () =>
      api.get('/api/telephony/sip/registration', (body) => {
        recording.setEnabled(typeof body === 'object' && body !== null && (body as { recordCalls?: unknown }).recordCalls === true);
        return parseRegistration(body);
      }),
  };
  const recordingMicrophone = () => openMicrophone().then((stream) => (recording.noteMicrophone(stream), stream));
  const phone = createSoftphone({ server, createUserAgent: createJsSipUserAgent, openMicrophone: recordingMicrophone, refusesIncoming: doNotDisturb.isOn });
  phone.subscribe(() => recording.follow(phone.getState()));
  phone.register();
  return { phone, recording };
}
