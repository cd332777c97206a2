import { useCallback, useEffect, useRef } from 'react';

/** A ref for an <audio> element that plays `stream` (the far end of the call) and lets go of it after. */
export function useRemoteAudio(stream: MediaStream | null): (element: HTMLAudioElement | null) => void {
  const element = useRef<HTMLAudioElement | null>(null);
  useEffect(() => {
    const audio = element.current;
    if (!audio || audio.srcObject === stream) return;
    audio.srcObject = stream;
    // Autoplay is granted by the host frame (allow="autoplay"); a refusal leaves the element to a click.
    if (stream) audio.play().catch(() => {});
  }, [stream]);
  return useCallback(
    (audio: HTMLAudioElement | null) => {
      element.current = audio;
      if (audio && audio.srcObject !== stream) audio.srcObject = stream;
    },
    [stream],
  );
}

/** The call's sound. Mounted with the window (not a screen) so changing screens never cuts it. */
export function RemoteAudio({ stream }: { stream: MediaStream | null }) {
  const ref = useRemoteAudio(stream);
  return <audio ref={ref} autoPlay hidden />;
}
