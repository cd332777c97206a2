import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dominantFrequency } from '../src/audio/spectrum';
import { decodeWavAsMono, readWavAsMono } from '../src/audio/wav';
import { findBinary } from '../src/processes/binaries';

/** A 16-bit PCM WAV of the sum of the given sines, written in code (no sox needed). */
function sineWav(options: { sampleRate: number; seconds: number; channels?: number; leadingSilenceSeconds?: number; tones: { hz: number; amplitude: number }[] }): Buffer {
  const channels = options.channels ?? 1;
  const silentFrames = Math.round((options.leadingSilenceSeconds ?? 0) * options.sampleRate);
  const frames = silentFrames + Math.round(options.seconds * options.sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  for (let frame = silentFrames; frame < frames; frame += 1) {
    const time = frame / options.sampleRate;
    const value = options.tones.reduce((sum, tone) => sum + tone.amplitude * Math.sin(2 * Math.PI * tone.hz * time), 0);
    for (let channel = 0; channel < channels; channel += 1) data.writeInt16LE(Math.round(value * 32767), (frame * channels + channel) * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(options.sampleRate, 24);
  header.writeUInt32LE(options.sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

describe('dominantFrequency', () => {
  it.each([
    { hz: 440, sampleRate: 48_000 },
    { hz: 880, sampleRate: 48_000 },
    { hz: 1000, sampleRate: 8_000 },
    { hz: 333, sampleRate: 16_000 },
  ])('finds a $hz Hz tone sampled at $sampleRate Hz within 1 Hz', ({ hz, sampleRate }) => {
    const audio = decodeWavAsMono(sineWav({ sampleRate, seconds: 1, tones: [{ hz, amplitude: 0.5 }] }));
    expect(dominantFrequency(audio)).toBeCloseTo(hz, 0);
  });

  it('mixes stereo to mono instead of reading interleaved samples as one channel (which halves the pitch)', () => {
    const audio = decodeWavAsMono(sineWav({ sampleRate: 48_000, seconds: 1, channels: 2, tones: [{ hz: 880, amplitude: 0.5 }] }));
    expect(audio.samples.length).toBe(48_000);
    expect(dominantFrequency(audio)).toBeCloseTo(880, 0);
  });

  it('picks the louder of two tones', () => {
    const audio = decodeWavAsMono(
      sineWav({ sampleRate: 48_000, seconds: 1, tones: [{ hz: 440, amplitude: 0.1 }, { hz: 1200, amplitude: 0.4 }] }),
    );
    expect(dominantFrequency(audio)).toBeCloseTo(1200, 0);
  });

  it('ignores the silence before media starts flowing', () => {
    const audio = decodeWavAsMono(sineWav({ sampleRate: 48_000, seconds: 0.5, leadingSilenceSeconds: 3, tones: [{ hz: 880, amplitude: 0.3 }] }));
    expect(dominantFrequency(audio)).toBeCloseTo(880, 0);
  });

  it('returns null for silence', () => {
    expect(dominantFrequency(decodeWavAsMono(sineWav({ sampleRate: 8_000, seconds: 1, tones: [] })))).toBeNull();
  });

  it('reads a recording whose header still says 0 data bytes (baresip is still writing it)', () => {
    const wav = sineWav({ sampleRate: 8_000, seconds: 1, tones: [{ hz: 700, amplitude: 0.5 }] });
    wav.writeUInt32LE(0, 40);
    const audio = decodeWavAsMono(wav);
    expect(audio.samples.length).toBe(8_000);
    expect(dominantFrequency(audio)).toBeCloseTo(700, 0);
  });

  it('rejects a file that is not a WAV', () => {
    expect(() => decodeWavAsMono(Buffer.from('not a wav file at all'))).toThrow(/RIFF/);
  });
});

describe('dominantFrequency on files made by sox', () => {
  it('has sox', () => {
    expect(findBinary('sox'), 'sox not found: apt-get install -y sox libsox-fmt-all').toBeTruthy();
  });

  const directory = mkdtempSync(join(tmpdir(), 'phone-lab-frequency-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([
    { hz: 440, rate: 48_000, channels: 2, bits: 16 },
    { hz: 880, rate: 8_000, channels: 1, bits: 16 },
    { hz: 1500, rate: 44_100, channels: 1, bits: 24 },
  ])('$hz Hz, $rate Hz, $channels channel(s), $bits bits', ({ hz, rate, channels, bits }) => {
    const path = join(directory, `${hz}-${rate}-${channels}-${bits}.wav`);
    execFileSync('sox', ['-n', '-r', String(rate), '-c', String(channels), '-b', String(bits), path, 'synth', '1', 'sine', String(hz), 'vol', '0.5']);
    expect(dominantFrequency(readWavAsMono(path))).toBeCloseTo(hz, 0);
  });

  it('a sox file truncated to its header only is silence', () => {
    const path = join(directory, 'empty.wav');
    execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', path, 'trim', '0', '0']);
    writeFileSync(path, readFileSync(path).subarray(0, 44));
    expect(dominantFrequency(readWavAsMono(path))).toBeNull();
  });
});
