/**
 * Opening the microphone and saying, when it fails, what the agent (or the page hosting the
 * window) has to do. Small and free of JsSIP: the window's main bundle shows these messages.
 */

export type MicrophoneProblemKind = 'denied' | 'blocked-by-host' | 'missing' | 'unreadable' | 'insecure' | 'unknown';

export interface MicrophoneProblem {
  kind: MicrophoneProblemKind;
  /** What to do about it, in one or two sentences. */
  advice: string;
}

const ADVICE: Record<MicrophoneProblemKind, string> = {
  denied: 'The browser was told not to let this app use the microphone. Allow the microphone for this site (the icon at the left of the address bar, or the site settings), then try again.',
  'blocked-by-host': 'The page around this window does not let it use the microphone. The host page must grant the frame allow="microphone"; ask your administrator.',
  missing: 'No microphone was found. Plug one in (or pick one in your system sound settings), then try again.',
  unreadable: 'The microphone could not start: another app may be using it. Close that app or reconnect the microphone, then try again.',
  insecure: 'The browser allows the microphone only on secure (https) pages. Open the app over https.',
  unknown: 'The microphone could not be opened. Check it works in another app, then try again.',
};

export class MicrophoneError extends Error {
  constructor(readonly problem: MicrophoneProblem) {
    super(problem.advice);
    this.name = 'MicrophoneError';
  }
}

export function microphoneProblem(kind: MicrophoneProblemKind): MicrophoneProblem {
  return { kind, advice: ADVICE[kind] };
}

/** The Permissions-Policy of this document, where the browser exposes it. */
export interface PolicyView {
  allowsFeature(feature: string): boolean;
}

/**
 * Sorts a getUserMedia failure. A frame without `allow="microphone"` fails with NotAllowedError
 * just like a denial, so the document's policy tells the two apart.
 */
export function classifyMicrophoneError(error: unknown, policy: PolicyView | null): MicrophoneProblem {
  const name = error instanceof Error || (typeof error === 'object' && error !== null) ? String((error as { name?: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return microphoneProblem(policy && !policy.allowsFeature('microphone') ? 'blocked-by-host' : 'denied');
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return microphoneProblem('missing');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return microphoneProblem('unreadable');
    default:
      return microphoneProblem('unknown');
  }
}

type PolicyDocument = Document & { permissionsPolicy?: PolicyView; featurePolicy?: PolicyView };

function documentPolicy(): PolicyView | null {
  if (typeof document === 'undefined') return null;
  const doc = document as PolicyDocument;
  return doc.permissionsPolicy ?? doc.featurePolicy ?? null;
}

/** The microphone as a stream; throws `MicrophoneError` saying what to do. */
export async function openMicrophone(): Promise<MediaStream> {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!media?.getUserMedia) throw new MicrophoneError(microphoneProblem('insecure'));
  const policy = documentPolicy();
  if (policy && !policy.allowsFeature('microphone')) throw new MicrophoneError(microphoneProblem('blocked-by-host'));
  try {
    return await media.getUserMedia({ audio: true, video: false });
  } catch (error) {
    throw new MicrophoneError(classifyMicrophoneError(error, policy));
  }
}
