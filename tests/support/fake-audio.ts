import { writeFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

/**
 * Real audio in headless Chromium for the softphone's end-to-end tests: a tone file as the fake
 * microphone, and a test-side probe that reads what the window plays by content (WebAudio
 * AnalyserNode on the remote track). getStats' audioLevel stays 0 in headless Chromium because
 * playback is muted, so packets alone would not prove anything was heard.
 */

/** A mono 16-bit PCM WAV of a sine tone; Chromium loops it as the microphone. */
export function writeToneWav(path: string, frequencyHz: number, seconds = 5, sampleRate = 48_000): void {
  const samples = seconds * sampleRate;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequencyHz * i) / sampleRate) * 0.5 * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}

/** Chromium flags: fake devices without a prompt, the tone as microphone, loopback ICE, autoplay. */
export function fakeAudioArgs(toneWavPath: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${toneWavPath}`,
    '--allow-loopback-in-peer-connection',
    // One --disable-features flag (Chromium honours only the last): no mDNS-hidden ICE candidates, and no
    // Local Network Access prompt for the window (app on localhost, SIP server on 127.0.0.1).
    '--disable-features=WebRtcHideLocalIpsWithMdns,LocalNetworkAccessChecks',
    '--autoplay-policy=no-user-gesture-required',
  ];
}

export interface HeardAudio {
  /** Loudest frequency (Hz) in the latest remote audio track. */
  frequency: number;
  /** Root mean square of the last ~170 ms of samples (0 = silence). */
  rms: number;
}

/**
 * Init script for every frame: wraps RTCPeerConnection to keep the remote audio tracks the page
 * receives, and exposes `__remoteAudio.measure()`. Test-side only: the app has no hook for it.
 */
export const REMOTE_AUDIO_PROBE = `(() => {
  const Native = window.RTCPeerConnection;
  if (!Native || window.__remoteAudio) return;
  const tracks = [];
  const connections = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      connections.push(this);
      this.addEventListener('track', (event) => { if (event.track.kind === 'audio') tracks.push(event.track); });
    }
  };
  let context = null;
  let analyser = null;
  let measured = null;
  window.__remoteAudio = {
    trackCount: () => tracks.length,
    /** ICE and connection state of every peer connection, to tell "no media" from "silence" on failure. */
    connectionStates: () => connections.map((pc) => pc.iceConnectionState + '/' + pc.connectionState),
    descriptions: () => connections.map((pc) => ({ local: pc.localDescription && pc.localDescription.sdp, remote: pc.remoteDescription && pc.remoteDescription.sdp })),
    measure() {
      const track = tracks.filter((t) => t.readyState === 'live').at(-1);
      if (!track) return null;
      if (track !== measured) {
        context = context || new AudioContext();
        analyser = context.createAnalyser();
        analyser.fftSize = 8192;
        context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
        measured = track;
      }
      void context.resume();
      const bins = new Float32Array(analyser.frequencyBinCount);
      analyser.getFloatFrequencyData(bins);
      let loudest = 0;
      for (let i = 1; i < bins.length; i++) if (bins[i] > bins[loudest]) loudest = i;
      const samples = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return { frequency: (loudest * context.sampleRate) / analyser.fftSize, rms: Math.sqrt(sum / samples.length) };
    },
  };
})();`;

/** The floating window's frame (Frame, not FrameLocator: the probe needs evaluate). */
export async function windowFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('#floating-window-frame[src]', { state: 'attached' });
  const frame = await element.contentFrame();
  if (!frame) throw new Error('the floating window has no frame');
  return frame;
}

export function heardAudio(frame: Frame): Promise<HeardAudio | null> {
  return frame.evaluate(() => (window as unknown as { __remoteAudio?: { measure(): HeardAudio | null } }).__remoteAudio?.measure() ?? null);
}
