import { readFileSync } from 'node:fs';

export interface MonoAudio {
  sampleRate: number;
  /** Channels averaged into one, scaled to -1..1. */
  samples: Float32Array;
}

/**
 * Reads a PCM WAV (8/16/24/32-bit integer or 32-bit float, any channel count) and mixes it to mono.
 * A recording still being written has a data size of 0 or beyond the file: then the data runs to
 * the end of the file, so a call can be analysed while it is up.
 */
export function readWavAsMono(path: string): MonoAudio {
  return decodeWavAsMono(readFileSync(path));
}

export function decodeWavAsMono(file: Buffer): MonoAudio {
  if (file.length < 12 || file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let format: { code: number; channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  let offset = 12;
  while (offset + 8 <= file.length) {
    const chunkId = file.toString('ascii', offset, offset + 4);
    const declaredSize = file.readUInt32LE(offset + 4);
    const bodyStart = offset + 8;
    if (chunkId === 'fmt ') {
      format = {
        code: file.readUInt16LE(bodyStart),
        channels: file.readUInt16LE(bodyStart + 2),
        sampleRate: file.readUInt32LE(bodyStart + 4),
        bitsPerSample: file.readUInt16LE(bodyStart + 14),
      };
      // WAVE_FORMAT_EXTENSIBLE keeps the real format code in the sub-format GUID's first two bytes.
      if (format.code === 0xfffe && declaredSize >= 26) format.code = file.readUInt16LE(bodyStart + 24);
    } else if (chunkId === 'data') {
      if (!format) throw new Error('WAV data chunk before its fmt chunk');
      const available = file.length - bodyStart;
      const size = declaredSize === 0 || declaredSize > available ? available : declaredSize;
      return { sampleRate: format.sampleRate, samples: mixToMono(file.subarray(bodyStart, bodyStart + size), format) };
    }
    offset = bodyStart + declaredSize + (declaredSize % 2);
  }
  throw new Error('WAV file without a data chunk');
}

function mixToMono(data: Buffer, format: { code: number; channels: number; bitsPerSample: number }): Float32Array {
  const bytesPerSample = format.bitsPerSample / 8;
  const frameBytes = bytesPerSample * format.channels;
  if (!Number.isInteger(bytesPerSample) || frameBytes === 0) throw new Error(`unsupported WAV sample size ${format.bitsPerSample}`);
  const read = sampleReader(format.code, format.bitsPerSample);
  const frames = Math.floor(data.length / frameBytes);
  const mono = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) {
    let sum = 0;
    for (let channel = 0; channel < format.channels; channel += 1) sum += read(data, frame * frameBytes + channel * bytesPerSample);
    mono[frame] = sum / format.channels;
  }
  return mono;
}

function sampleReader(code: number, bits: number): (data: Buffer, at: number) => number {
  if (code === 3 && bits === 32) return (data, at) => data.readFloatLE(at);
  if (code !== 1) throw new Error(`unsupported WAV format code ${code}`);
  switch (bits) {
    case 8:
      return (data, at) => (data.readUInt8(at) - 128) / 128;
    case 16:
      return (data, at) => data.readInt16LE(at) / 32768;
    case 24:
      return (data, at) => data.readIntLE(at, 3) / 8388608;
    case 32:
      return (data, at) => data.readInt32LE(at) / 2147483648;
    default:
      throw new Error(`unsupported PCM sample size ${bits}`);
  }
}
