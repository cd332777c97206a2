import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyMicrophoneError, MicrophoneError, openMicrophone } from './microphone';

const named = (name: string) => Object.assign(new Error(name), { name });
const allowsAll = { allowsFeature: () => true };
const blocksMicrophone = { allowsFeature: (feature: string) => feature !== 'microphone' };

describe('classifyMicrophoneError', () => {
  it('tells a denial from a host page that did not grant the microphone', () => {
    expect(classifyMicrophoneError(named('NotAllowedError'), allowsAll)).toMatchObject({ kind: 'denied', advice: expect.stringMatching(/Allow the microphone for this site/) });
    expect(classifyMicrophoneError(named('NotAllowedError'), null).kind).toBe('denied');
    expect(classifyMicrophoneError(named('NotAllowedError'), blocksMicrophone)).toMatchObject({ kind: 'blocked-by-host', advice: expect.stringContaining('allow="microphone"') });
  });

  it('says to plug one in when there is none, and to free it when it cannot start', () => {
    expect(classifyMicrophoneError(named('NotFoundError'), allowsAll)).toMatchObject({ kind: 'missing', advice: expect.stringMatching(/Plug one in/) });
    expect(classifyMicrophoneError(named('OverconstrainedError'), allowsAll).kind).toBe('missing');
    expect(classifyMicrophoneError(named('NotReadableError'), allowsAll)).toMatchObject({ kind: 'unreadable', advice: expect.stringMatching(/another app/) });
    expect(classifyMicrophoneError({ name: 'NotReadableError' }, allowsAll).kind).toBe('unreadable');
  });

  it('falls back to a general message for anything else', () => {
    expect(classifyMicrophoneError(new TypeError('boom'), allowsAll).kind).toBe('unknown');
    expect(classifyMicrophoneError('weird', allowsAll).kind).toBe('unknown');
  });
});

describe('openMicrophone', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the page must be secure when the browser offers no getUserMedia', async () => {
    vi.stubGlobal('navigator', {});
    const error = await openMicrophone().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MicrophoneError);
    expect((error as MicrophoneError).problem.kind).toBe('insecure');
  });

  it('does not ask for the microphone when the frame is not allowed it', async () => {
    const getUserMedia = vi.fn();
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
    vi.stubGlobal('document', { permissionsPolicy: blocksMicrophone });
    await expect(openMicrophone()).rejects.toMatchObject({ problem: { kind: 'blocked-by-host' } });
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('classifies what getUserMedia throws', async () => {
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: () => Promise.reject(named('NotFoundError')) } });
    vi.stubGlobal('document', { permissionsPolicy: allowsAll });
    await expect(openMicrophone()).rejects.toMatchObject({ problem: { kind: 'missing' } });
  });
});
