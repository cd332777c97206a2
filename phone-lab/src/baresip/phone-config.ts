/** What a baresip phone in the lab is, rendered into its `config` and `accounts` files. */
export interface PhoneConfigSettings {
  user: string;
  password: string;
  domain: string;
  /** Kamailio's UDP port on 127.0.0.1: every request goes there (outbound proxy). */
  proxyPort: number;
  sipPort: number;
  controlPort: number;
  answerMode: 'auto' | 'manual';
  /** Mono 48 kHz WAV sent as the phone's microphone; none = silence. */
  toneFile: string | null;
  /** Directory for sndfile's recordings, or null for no recording (they grow ~1.5 MB/s). */
  recordingsDir: string | null;
  moduleDir: string;
}

export function renderPhoneConfig(settings: PhoneConfigSettings): string {
  const lines = [
    'poll_method epoll',
    // An address, not an interface name: baresip then never offers another address in SDP.
    'net_interface 127.0.0.1',
    `sip_listen 127.0.0.1:${settings.sipPort}`,
    // The WAV is mono at 48 kHz; opus still negotiates opus/48000/2 and baresip converts.
    ...(settings.toneFile ? [`audio_source aufile,${settings.toneFile}`] : []),
    'ausrc_srate 48000',
    'ausrc_channels 1',
    // No audio device on a server: there is no player module loaded, sndfile taps the decoded audio.
    ...(settings.recordingsDir ? [`snd_path ${settings.recordingsDir}`] : []),
    `module_path ${settings.moduleDir}`,
    'module g711.so',
    'module opus.so',
    'module aufile.so',
    ...(settings.recordingsDir ? ['module sndfile.so'] : []),
    'module_app account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen 127.0.0.1:${settings.controlPort}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function renderPhoneAccount(settings: PhoneConfigSettings): string {
  const parameters = [
    `auth_pass=${settings.password}`,
    `outbound="sip:127.0.0.1:${settings.proxyPort};transport=udp"`,
    'regint=600',
    `answermode=${settings.answerMode}`,
    // G.711 first, as a telephone network hands calls over; it keeps RFC 4733 DTMF working (see
    // the codec-strip-opus note in the Kamailio config). opus stays available between phones.
    'audio_codecs=PCMU,PCMA,opus/48000/2',
  ];
  return `<sip:${settings.user}@${settings.domain}>;${parameters.join(';')}\n`;
}
