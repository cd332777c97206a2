import type { MonoAudio } from './wav';

/**
 * The frequency with the most energy, found by FFT: Hann-windowed frames of up to 8192 samples
 * (5.9 Hz per bin at 48 kHz), power averaged over up to 40 frames spread across the audible part,
 * then the peak refined by parabolic interpolation between neighbouring bins (error well under
 * 1 Hz for a pure tone). Silent frames (the seconds before media flows) are left out.
 * Returns null when everything is silent.
 */
export function dominantFrequency(audio: MonoAudio, options: { minHz?: number; maxHz?: number } = {}): number | null {
  const { samples, sampleRate } = audio;
  const frameSize = largestPowerOfTwoAtMost(Math.min(8192, samples.length));
  if (frameSize < 256) return null;
  const minHz = options.minHz ?? 50;
  const maxHz = Math.min(options.maxHz ?? sampleRate / 2, sampleRate / 2);

  const frameStarts = audibleFrameStarts(samples, frameSize);
  if (frameStarts.length === 0) return null;
  const window = hannWindow(frameSize);
  const power = new Float64Array(frameSize / 2);
  const real = new Float64Array(frameSize);
  const imaginary = new Float64Array(frameSize);
  for (const start of frameStarts) {
    for (let index = 0; index < frameSize; index += 1) {
      real[index] = (samples[start + index] ?? 0) * (window[index] ?? 0);
      imaginary[index] = 0;
    }
    fftInPlace(real, imaginary);
    for (let bin = 0; bin < frameSize / 2; bin += 1) {
      power[bin] = (power[bin] ?? 0) + (real[bin] ?? 0) ** 2 + (imaginary[bin] ?? 0) ** 2;
    }
  }

  const binHz = sampleRate / frameSize;
  const firstBin = Math.max(1, Math.ceil(minHz / binHz));
  const lastBin = Math.min(frameSize / 2 - 2, Math.floor(maxHz / binHz));
  let peakBin = firstBin;
  for (let bin = firstBin; bin <= lastBin; bin += 1) {
    if ((power[bin] ?? 0) > (power[peakBin] ?? 0)) peakBin = bin;
  }
  // Parabola through the log power of the peak and its neighbours; its vertex is the true peak.
  const left = Math.log((power[peakBin - 1] ?? 0) + 1e-30);
  const centre = Math.log((power[peakBin] ?? 0) + 1e-30);
  const right = Math.log((power[peakBin + 1] ?? 0) + 1e-30);
  const denominator = left - 2 * centre + right;
  const shift = denominator === 0 ? 0 : (0.5 * (left - right)) / denominator;
  return (peakBin + shift) * binHz;
}

/** Root mean square of the whole signal (0 for silence), for "did anything arrive" checks. */
export function rootMeanSquare(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

// -50 dBFS: quieter than any tone we send, louder than codec noise in silence.
const SILENCE_RMS = 0.003;
const MAX_FRAMES = 40;

function audibleFrameStarts(samples: Float32Array, frameSize: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start + frameSize <= samples.length; start += frameSize) {
    if (rootMeanSquare(samples.subarray(start, start + frameSize)) > SILENCE_RMS) starts.push(start);
  }
  if (starts.length <= MAX_FRAMES) return starts;
  const step = starts.length / MAX_FRAMES;
  return Array.from({ length: MAX_FRAMES }, (_, index) => starts[Math.floor(index * step)] ?? 0);
}

function largestPowerOfTwoAtMost(value: number): number {
  let power = 1;
  while (power * 2 <= value) power *= 2;
  return power;
}

function hannWindow(size: number): Float64Array {
  const window = new Float64Array(size);
  for (let index = 0; index < size; index += 1) window[index] = 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / (size - 1));
  return window;
}

/** Iterative radix-2 Cooley-Tukey FFT; the length must be a power of two. */
export function fftInPlace(real: Float64Array, imaginary: Float64Array): void {
  const size = real.length;
  for (let index = 1, reversed = 0; index < size; index += 1) {
    let bit = size >> 1;
    for (; reversed & bit; bit >>= 1) reversed ^= bit;
    reversed ^= bit;
    if (index < reversed) {
      [real[index], real[reversed]] = [real[reversed] ?? 0, real[index] ?? 0];
      [imaginary[index], imaginary[reversed]] = [imaginary[reversed] ?? 0, imaginary[index] ?? 0];
    }
  }
  for (let length = 2; length <= size; length <<= 1) {
    const angle = (-2 * Math.PI) / length;
    const stepReal = Math.cos(angle);
    const stepImaginary = Math.sin(angle);
    for (let start = 0; start < size; start += length) {
      let twiddleReal = 1;
      let twiddleImaginary = 0;
      for (let offset = 0; offset < length / 2; offset += 1) {
        const even = start + offset;
        const odd = even + length / 2;
        const oddReal = (real[odd] ?? 0) * twiddleReal - (imaginary[odd] ?? 0) * twiddleImaginary;
        const oddImaginary = (real[odd] ?? 0) * twiddleImaginary + (imaginary[odd] ?? 0) * twiddleReal;
        real[odd] = (real[even] ?? 0) - oddReal;
        imaginary[odd] = (imaginary[even] ?? 0) - oddImaginary;
        real[even] = (real[even] ?? 0) + oddReal;
        imaginary[even] = (imaginary[even] ?? 0) + oddImaginary;
        const nextReal = twiddleReal * stepReal - twiddleImaginary * stepImaginary;
        twiddleImaginary = twiddleReal * stepImaginary + twiddleImaginary * stepReal;
        twiddleReal = nextReal;
      }
    }
  }
}
