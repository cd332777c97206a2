import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A mono 48 kHz 16-bit sine WAV made by sox, at half of full scale so opus has headroom.
 * baresip's aufile reads the file into memory once; 60 s is 5.8 MB.
 */
export async function makeToneWav(soxBinary: string, path: string, frequencyHz: number, seconds = 60): Promise<void> {
  await run(soxBinary, ['-n', '-r', '48000', '-c', '1', '-b', '16', path, 'synth', String(seconds), 'sine', String(frequencyHz), 'vol', '0.5']);
}
